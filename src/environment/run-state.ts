/**
 * What a run leaves on the machine, recorded as soon as it exists, so that whoever ends the run — the scan
 * itself, a signal handler, the action's `post` step after a killed main step, or `clair-scan cleanup` —
 * can remove exactly that and nothing else.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

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
  /**
   * True while the run has not used Docker (clair-mode: process with a registry or archive image): cleanup then
   * asks no daemon for containers, since there may be none to ask.
   */
  noDocker?: boolean;
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
    return {
      runId: v.runId,
      dockerHost: typeof v.dockerHost === 'string' ? v.dockerHost : undefined,
      tempDirs: Array.isArray(v.tempDirs) ? v.tempDirs.filter((d): d is string => typeof d === 'string') : [],
      ...(v.noDocker === true ? { noDocker: true } : {}),
    };
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

/**
 * Child processes of a run (clair-mode: process: Clair), by run id, each with how to stop it: cleanupRun stops them
 * before anything else, so a signal, a stall or the scan's own end never leaves one behind.
 */
const children = new Map<string, Set<() => Promise<void>>>();

export function trackChild(runId: string, stop: () => Promise<void>): () => void {
  const set = children.get(runId) ?? new Set<() => Promise<void>>();
  set.add(stop);
  children.set(runId, set);
  return () => {
    set.delete(stop);
    if (set.size === 0 && children.get(runId) === set) children.delete(runId);
  };
}

/** Stops every child process of the run (idempotent; never throws). */
export async function stopChildren(runId: string): Promise<void> {
  const set = children.get(runId);
  if (!set) return;
  await Promise.all([...set].map((stop) => stop().catch(() => undefined)));
}

/** A private temp directory of the run, named after it (cleanupRun finds it even from another process). */
export function makeRunTempDir(state: RunState, purpose: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `clair-scan-${state.runId}-${purpose}-`));
  fs.chmodSync(dir, 0o700);
  state.tempDirs.push(dir);
  return dir;
}
