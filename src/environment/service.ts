/**
 * Starting a service container (PostgreSQL, Clair) on ports chosen per run: wait until it is ready; if it
 * died because a port was taken meanwhile, remove it and try other ports (bounded); otherwise remove it and
 * fail with its log.
 */
import { ClairScanError } from '../util/errors';
import { log } from '../util/log';
import type { Container, DockerClient } from './docker';

export type ReadyOutcome = 'ready' | 'exited' | 'timeout';

export interface StartAttempt<T> {
  container: Container;
  outcome: ReadyOutcome;
  value: T;
  /** Releases what the attempt holds besides the container (e.g. an HTTP client). */
  discard?(): Promise<void>;
}

const MAX_ATTEMPTS = 3;

export async function startService<T>(
  docker: DockerClient,
  opts: {
    name: string;
    deadline: number;
    portInUse: RegExp;
    attempt(n: number): Promise<StartAttempt<T>>;
    failure(outcome: 'exited' | 'timeout', logs: string): ClairScanError;
  },
): Promise<T> {
  for (let n = 1; ; n++) {
    const a = await opts.attempt(n);
    if (a.outcome === 'ready') return a.value;
    await a.discard?.();
    const logs = await docker.logsTail(a.container, 60);
    await docker.removeContainer(a.container.id);
    if (a.outcome === 'exited' && opts.portInUse.test(logs) && n < MAX_ATTEMPTS && Date.now() < opts.deadline) {
      log.info(`${opts.name}: a port was taken meanwhile; retrying on other ports.`);
      continue;
    }
    throw opts.failure(a.outcome, logs);
  }
}
