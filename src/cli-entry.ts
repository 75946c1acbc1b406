/** Entry point of the CLI bundle (dist/cli/index.js): the exit code is the CLI's only once it has settled. */
import { runCli } from './cli';
import { cleanupActiveRuns } from './environment/cleanup';
import { activeRuns } from './environment/run-state';
import { EXIT_ERROR, formatError } from './util/errors';
import { print } from './util/log';
import { currentPhases, exitingOnSignal, guardProcess } from './util/phase';
import { installProxy } from './util/proxy';

const CLEANUP_TIMEOUT_MS = 30_000;

/**
 * A closed stdout or stderr (`clair-scan --help | head`, a pager quit) ends the process quietly, as Unix tools do,
 * instead of an "uncaught exception: write EPIPE". Nothing more can be shown, so later writes go nowhere. It still
 * fails closed: with a scan in flight (a run or a phase), what the run started is removed and the exit code is 2 —
 * the verdict was never shown. Otherwise (help, a finished scan printing its table) the command ends with its own
 * exit code.
 */
function quietOnClosedOutput(): void {
  let closed = false;
  const onError = (err: NodeJS.ErrnoException): void => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
    if (closed) return;
    closed = true;
    for (const s of [process.stdout, process.stderr]) s.write = (() => true) as typeof s.write;
    if (activeRuns().length === 0 && currentPhases().length === 0) return;
    // The guard leaves the exit to us from now on (a scan that settles meanwhile must not exit 0).
    exitingOnSignal(EXIT_ERROR);
    const limit = new Promise<void>((resolve) => setTimeout(resolve, CLEANUP_TIMEOUT_MS));
    void Promise.race([cleanupActiveRuns().catch(() => undefined), limit]).then(() => process.exit(EXIT_ERROR));
  };
  process.stdout.on('error', onError);
  process.stderr.on('error', onError);
}

quietOnClosedOutput();
guardProcess(
  async () => {
    installProxy();
    return runCli(process.argv.slice(2));
  },
  {
    report: (err) => print(`${formatError(err)}\n`, 'stderr'),
    cleanup: cleanupActiveRuns,
  },
);
