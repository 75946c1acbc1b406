/**
 * Fail closed. A scan is a list of phases, each with a deadline; the process may end with exit code 0 only
 * when the entry point's main promise settled with 0. Anything else — a phase over its deadline, a stream that
 * stalls with nothing left to wake it (Node then empties its event loop and would exit 0), an uncaught error
 * or unhandled rejection (Node would exit 1, which here means "policy failed") — ends with exit code 2, an
 * error that names the phase, and the caller's cleanup.
 *
 * Imports nothing of the pipeline: entry points pass in how to report and what to clean up.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { ClairScanError, EXIT_ERROR, errorMessage } from './errors';

/**
 * Where the process is: a phase (`runPhase`) or an image's work (`inImage`), nested. Each lives in the async
 * context of the work it runs (AsyncLocalStorage), so concurrent chains — a batch scans several images at once —
 * each carry their own phase and image; `done` once it settled.
 */
interface Frame {
  phase?: string;
  image?: string;
  parent?: Frame;
  done: boolean;
}

const context = new AsyncLocalStorage<Frame>();
/** Frames whose work has not settled, in the order they started. */
const running = new Set<Frame>();
let signalExit: number | undefined;

/**
 * A signal handler is ending the process with this code (130/143) once it has cleaned up: from now on the guard
 * leaves the exit to it, so a scan that fails because it was cancelled cannot race it with exit code 2.
 */
export function exitingOnSignal(code: number): void {
  signalExit = code;
}

/** A phase that is running, and the image it works on (batch mode and multi-image scans). */
export interface PhaseWhere {
  phase?: string;
  image?: string;
}

function whereOf(frame: Frame): PhaseWhere {
  let f: Frame | undefined = frame;
  while (f && (f.done || !f.phase)) f = f.parent;
  return { ...(f?.phase ? { phase: f.phase } : {}), ...(frame.image ? { image: frame.image } : {}) };
}

/**
 * Where the running code is: the phase (and image) of the caller's async context while that phase still runs —
 * an error raised in one image's work names that image's phase, whatever the other images are doing. Outside such
 * a context (the event loop ran dry: every running chain is stuck; or a callback outlived its phase) it is every
 * innermost phase still running, oldest first. Empty between phases.
 */
export function currentPhases(): PhaseWhere[] {
  let own = context.getStore();
  while (own?.done) own = own.parent;
  if (own) return [whereOf(own)];
  const frames = [...running];
  const parents = new Set(frames.map((f) => f.parent));
  return frames
    .filter((f) => !parents.has(f))
    .map(whereOf)
    .filter((w) => w.phase || w.image);
}

/** `the "index" phase of registry:a/b:1 and the "match" phase of registry:a/c:1`; '' for none. */
export function describePhases(where: PhaseWhere[]): string {
  const parts = where.map((w) =>
    w.phase ? `the "${w.phase}" phase${w.image ? ` of ${w.image}` : ''}` : `the scan of ${w.image}`,
  );
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function within<T>(frame: Frame, f: () => Promise<T>): Promise<T> {
  running.add(frame);
  const settle = (): void => {
    frame.done = true;
    running.delete(frame);
  };
  return context.run(frame, async () => {
    try {
      return await f();
    } finally {
      settle();
    }
  });
}

/**
 * Runs one image's work (batch mode: its scan, verdict and reports): every phase inside it, and any error its
 * async context raises, names the image.
 */
export function inImage<T>(image: string, f: () => Promise<T>): Promise<T> {
  const parent = context.getStore();
  return within({ image, parent, done: false }, f);
}

/**
 * Runs one phase under a deadline. The deadline's timer is unref'd: it never keeps the process alive by itself,
 * so a phase whose work has nothing pending lets the event loop drain and `guardProcess` reports it at once,
 * while a phase stuck on a live socket or process is ended by the deadline.
 */
export async function runPhase<T>(phase: string, deadlineMs: number, f: () => Promise<T>, hint?: string): Promise<T> {
  const parent = context.getStore();
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      within({ phase, image: parent?.image, parent, done: false }, f),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new ClairScanError(`the "${phase}" phase did not finish within ${formatSeconds(deadlineMs)}`, {
                hint:
                  hint ??
                  'something it waits on (Docker daemon, Clair, PostgreSQL, a registry or a stream) stopped answering; check their health, or raise the matching timeout input if the work is just slow.',
              }),
            ),
          deadlineMs,
        );
        timer.unref();
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
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
    const where = describePhases(currentPhases());
    fail(
      new ClairScanError(
        `clair-scan stopped ${where ? `in ${where}` : 'before finishing'}: it was waiting for something that can never happen (a stream that stalled or a promise that never settles), so the scan did not complete and nothing may be taken as its result`,
        {
          hint: 'this is a bug in clair-scan; run it again and report it with this log (set CLAIR_SCAN_DEBUG=1 for more detail). What this run started has been removed.',
        },
      ),
    );
  };
  const onUnexpected = (what: string) => (reason: unknown) => {
    // Node runs these handlers in the async context of the failed promise or callback: its own phase and image.
    const where = describePhases(currentPhases());
    fail(
      new ClairScanError(`${what}${where ? ` in ${where}` : ''}: ${errorMessage(reason)}`, {
        hint: 'this is a bug in clair-scan; please report it with this log. What this run started has been removed.',
        details: reason instanceof Error ? reason.stack : undefined,
      }),
    );
  };
  const onRejection = onUnexpected('unhandled promise rejection');
  const onException = onUnexpected('uncaught exception');
  // process.exit() before main settled (a bug: no cleanup can run any more). The exit code stays what it is — the
  // default 2 above for a bare process.exit() — and the reason is said here, synchronously as 'exit' requires.
  const onExit = (code: number): void => {
    if (done || signalExit !== undefined) return;
    done = true;
    const where = describePhases(currentPhases());
    const keep = process.exitCode; // the action's report (core.setFailed) sets exit code 1
    opts.report(
      new ClairScanError(
        `clair-scan exited ${where ? `in ${where}` : 'before finishing'} (exit code ${code}) before the scan completed, so nothing may be taken as its result`,
        {
          hint: 'this is a bug in clair-scan; please report it with this log. What this run started may be left: remove it with `clair-scan cleanup --run-id <the run id in the first line>`.',
        },
      ),
    );
    process.exitCode = keep;
  };
  process.on('beforeExit', onBeforeExit);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  process.on('exit', onExit);
  function detach(): void {
    process.off('beforeExit', onBeforeExit);
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
    process.off('exit', onExit);
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
