/**
 * What a run leaves on the machine, recorded as soon as it exists, so that whoever ends the run — the scan
 * itself, a signal handler, the action's `post` step after a killed main step, or `clair-scan cleanup` —
 * can remove exactly that and nothing else.
 */
import { randomBytes } from 'node:crypto';

export const LABEL_OWNER = 'io.clair-scan.owner';
export const LABEL_RUN = 'io.clair-scan.run';
export const OWNER_VALUE = 'clair-scan';

export interface RunState {
  /** Unique per run; part of every container name and the value of the `io.clair-scan.run` label. */
  runId: string;
  /** The Docker daemon the containers run on (undefined = the default local one). */
  dockerHost?: string;
  /** Temp directories this run created; removed at cleanup. */
  tempDirs: string[];
}

export function newRunId(): string {
  return `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

export function serializeRunState(s: RunState): string {
  return JSON.stringify(s);
}

export function parseRunState(text: string): RunState | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as Partial<RunState>;
    if (typeof v.runId !== 'string' || !/^[a-z0-9-]+$/.test(v.runId)) return undefined;
    return { runId: v.runId, dockerHost: typeof v.dockerHost === 'string' ? v.dockerHost : undefined, tempDirs: Array.isArray(v.tempDirs) ? v.tempDirs.filter((d): d is string => typeof d === 'string') : [] };
  } catch {
    return undefined;
  }
}

/**
 * The runs of this process that have not finished cleaning up: what a fail-closed exit (util/phase.ts) or a
 * signal removes when the scan's own `finally` cannot run.
 */
const active = new Set<RunState>();

export function trackRun(s: RunState): () => void {
  active.add(s);
  return () => active.delete(s);
}

export function activeRuns(): RunState[] {
  return [...active];
}
