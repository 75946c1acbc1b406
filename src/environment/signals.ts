/**
 * On SIGINT/SIGTERM (a cancelled job, Ctrl-C) remove what the run started before exiting. The scan's own
 * `finally` cannot be relied on then: the process is about to go.
 */
import { cleanupRun } from './cleanup';
import type { RunState } from './run-state';
import { log } from '../util/log';
import { exitingOnSignal } from '../util/phase';
import { beginShutdown } from './docker';

export function cleanupOnSignals(getState: () => RunState | undefined): () => void {
  let handling = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (handling) return;
    handling = true;
    const state = getState();
    log.warn(`Received ${signal}; removing what this run started …`);
    const code = signal === 'SIGINT' ? 130 : 143;
    // The scan, failing because it is being cancelled, may settle first: its exit code must not win the race.
    exitingOnSignal(code);
    const done = (): void => process.exit(code);
    if (!state) return done();
    // Bounded: a hung Docker daemon must not keep a cancelled job alive.
    const timer = setTimeout(done, 20000);
    beginShutdown()
      .then(() => cleanupRun(state))
      .finally(() => {
        clearTimeout(timer);
        done();
      });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
