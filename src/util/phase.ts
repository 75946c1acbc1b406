/**
 * Fail closed. A scan is a list of phases, each with a deadline; the process may end with exit code 0 only
 * when the entry point's main promise settled with 0. Anything else — a phase over its deadline, a stream that
 * stalls with nothing left to wake it (Node then empties its event loop and would exit 0), an uncaught error
 * or unhandled rejection (Node would exit 1, which here means "policy failed") — ends with exit code 2, an
 * error that names the phase, and the caller's cleanup.
 *
 * Imports nothing of the pipeline: entry points pass in how to report and what to clean up.
 */
import { ClairScanError, EXIT_ERROR, errorMessage } from './errors';

let current: string | undefined;
let signalExit: number | undefined;

/**
 * A signal handler is ending the process with this code (130/143) once it has cleaned up: from now on the guard
 * leaves the exit to it, so a scan that fails because it was cancelled cannot race it with exit code 2.
 */
export function exitingOnSignal(code: number): void {
  signalExit = code;
}

/** The phase running now (for the stall error), or undefined between phases. */
export function currentPhase(): string | undefined {
  return current;
}

/**
 * Runs one phase under a deadline. The deadline's timer is unref'd: it never keeps the process alive by itself,
 * so a phase whose work has nothing pending lets the event loop drain and `guardProcess` reports it at once,
 * while a phase stuck on a live socket or process is ended by the deadline.
 */
export async function runPhase<T>(phase: string, deadlineMs: number, f: () => Promise<T>, hint?: string): Promise<T> {
  const previous = current;
  current = phase;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      f(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new ClairScanError(`the "${phase}" phase did not finish within ${formatSeconds(deadlineMs)}`, {
                hint: hint ?? 'something it waits on (Docker daemon, Clair, PostgreSQL, a registry or a stream) stopped answering; check their health, or raise the matching timeout input if the work is just slow.',
              }),
            ),
          deadlineMs,
        );
        timer.unref();
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
    current = previous;
  }
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

export interface GuardOptions {
  /** Shows the error to the user (stderr, or the action's failure annotation). */
  report(err: ClairScanError): void;
  /** Removes what the run started; bounded by `cleanupTimeoutMs`. */
  cleanup?(): Promise<unknown>;
  cleanupTimeoutMs?: number;
  /** Ends the process (tests of the guard run it in a child process; the default is process.exit). */
  exit?(code: number): void;
}

/**
 * Runs an entry point's main function so that the process ends with its exit code only when it settled,
 * and with exit code 2 otherwise. Call once per process, from the entry point.
 */
export function guardProcess(main: () => Promise<number>, opts: GuardOptions): void {
  const exitNow = opts.exit ?? ((code: number) => process.exit(code));
  const exit = (code: number): void => {
    if (signalExit === undefined) exitNow(code);
  };
  // Until main settles, any way out of the process is an error.
  process.exitCode = EXIT_ERROR;
  let done = false;
  const fail = (err: ClairScanError): void => {
    if (done) return;
    done = true;
    detach();
    opts.report(err);
    const cleanup = opts.cleanup ? opts.cleanup().catch(() => undefined) : Promise.resolve();
    const limit = new Promise<void>((resolve) => setTimeout(resolve, opts.cleanupTimeoutMs ?? 30000));
    void Promise.race([cleanup, limit]).then(() => exit(EXIT_ERROR));
  };
  const onBeforeExit = (): void => {
    const phase = currentPhase();
    fail(
      new ClairScanError(
        `clair-scan stopped ${phase ? `in the "${phase}" phase` : 'before finishing'}: it was waiting for something that can never happen (a stream that stalled or a promise that never settles), so the scan did not complete and nothing may be taken as its result`,
        { hint: 'this is a bug in clair-scan; run it again and report it with this log (set CLAIR_SCAN_DEBUG=1 for more detail). What this run started has been removed.' },
      ),
    );
  };
  const onUnexpected = (what: string) => (reason: unknown) => {
    const phase = currentPhase();
    fail(
      new ClairScanError(`${what}${phase ? ` in the "${phase}" phase` : ''}: ${errorMessage(reason)}`, {
        hint: 'this is a bug in clair-scan; please report it with this log. What this run started has been removed.',
        details: reason instanceof Error ? reason.stack : undefined,
      }),
    );
  };
  const onRejection = onUnexpected('unhandled promise rejection');
  const onException = onUnexpected('uncaught exception');
  process.on('beforeExit', onBeforeExit);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  function detach(): void {
    process.off('beforeExit', onBeforeExit);
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  }
  main().then(
    (code) => {
      if (done) return;
      done = true;
      detach();
      exit(code);
    },
    (err: unknown) =>
      fail(
        err instanceof ClairScanError
          ? err
          : new ClairScanError(`internal error: ${errorMessage(err)}`, {
              hint: 'this is a bug in clair-scan; please report it with this log.',
              details: err instanceof Error ? err.stack : undefined,
            }),
      ),
  );
}
