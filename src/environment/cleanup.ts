/**
 * Removes everything a run left: containers (with their anonymous volumes) labelled with the run id, and the
 * run's temp directories. Called by the scan itself, by signal handlers, by the action's post step and by
 * `clair-scan cleanup` (`--all`: every clair-scan run on the daemon, found by the owner label, and the temp
 * dirs of those runs). Idempotent and never throws: cleanup must not hide the scan's own outcome.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beginShutdown, DockerClient } from './docker';
import { log } from '../util/log';
import { errorMessage } from '../util/errors';
import { activeRuns, LABEL_RUN, RunState, stopChildren } from './run-state';

/** Every clair-scan run that has containers on the daemon (`clair-scan cleanup --all`). */
export interface AllRuns {
  allRuns: true;
  /** The Docker daemon (undefined = DOCKER_HOST, else the local socket). */
  dockerHost?: string;
}

/** Container removals in flight at once. */
export const CONCURRENT_REMOVALS = 4;

export interface CleanupReport {
  containers: string[];
  tempDirs: string[];
  errors: string[];
}

export async function cleanupRun(target: RunState | AllRuns): Promise<CleanupReport> {
  const report: CleanupReport = { containers: [], tempDirs: [], errors: [] };
  const all = 'allRuns' in target;
  const runIds = new Set(all ? [] : [target.runId]);
  // This process's children of the run (clair-mode: process) first: they may be using the run's temp dirs.
  if (!all) await stopChildren(target.runId);
  // A run that never used Docker (clair-mode: process, registry or archive images) has no containers, and maybe no daemon to ask.
  if (!all && target.noDocker) return finishTempDirs(target, runIds, report);
  try {
    const docker = new DockerClient(target.dockerHost);
    const list = await docker.listRunContainers(all ? undefined : target.runId);
    for (const c of list) {
      // The temp dirs of the runs found (a run id is [a-z0-9-], as newRunId makes it; anything else is not ours).
      const run = c.Labels?.[LABEL_RUN];
      if (all && run && /^[a-z0-9-]+$/.test(run)) runIds.add(run);
    }
    // Several at once: with vfs each removal deletes a whole root filesystem copy, and a run's PostgreSQL and Clair
    // one after the other cost a scan ~0.35 s. Bounded, for `--all` on a daemon with many runs' containers.
    const outcomes = new Array<string | undefined>(list.length);
    let nextIndex = 0;
    const worker = async (): Promise<void> => {
      for (let i = nextIndex++; i < list.length; i = nextIndex++) {
        try {
          await docker.removeContainer(list[i].Id);
        } catch (err) {
          outcomes[i] = errorMessage(err);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENT_REMOVALS, list.length) }, worker));
    // Reported in the daemon's order, whatever order the removals finished in.
    list.forEach((c, i) => {
      const failed = outcomes[i];
      if (failed === undefined) report.containers.push((c.Names?.[0] ?? c.Id).replace(/^\//, ''));
      else report.errors.push(`container ${c.Id.slice(0, 12)}: ${failed}`);
    });
  } catch (err) {
    report.errors.push(`docker: ${errorMessage(err)}`);
  }
  return finishTempDirs(target, runIds, report);
}

function finishTempDirs(target: RunState | AllRuns, runIds: Set<string>, report: CleanupReport): CleanupReport {
  // Temp dirs are named after the run (image/temp.ts), so a post step or `cleanup --run-id` that never saw
  // the list still finds them.
  const tmp = os.tmpdir();
  const entries = runIds.size && fs.existsSync(tmp) ? fs.readdirSync(tmp) : [];
  const named = entries
    .filter((n) => [...runIds].some((id) => n.startsWith(`clair-scan-${id}-`)))
    .map((n) => path.join(tmp, n));
  for (const dir of new Set([...('allRuns' in target ? [] : target.tempDirs), ...named])) {
    try {
      if (fs.existsSync(dir)) {
        fs.rmSync(dir, { recursive: true, force: true });
        report.tempDirs.push(dir);
      }
    } catch (err) {
      report.errors.push(`${dir}: ${errorMessage(err)}`);
    }
  }
  if (report.containers.length) log.info(`Removed containers: ${report.containers.join(', ')}`);
  for (const e of report.errors) log.warn(`cleanup: ${e}`);
  return report;
}

/**
 * Removes what the runs of this process that have not cleaned up yet started (a fail-closed exit, util/phase.ts):
 * no new containers are created from now on, and creations already sent to the daemon are waited for first.
 */
export async function cleanupActiveRuns(): Promise<void> {
  await beginShutdown();
  await Promise.all(activeRuns().map((s) => cleanupRun(s)));
}
