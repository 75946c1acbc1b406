/**
 * Removes everything a run left: containers (with their anonymous volumes) labelled with the run id, and the
 * run's temp directories. Called by the scan itself, by signal handlers, by the action's post step and by
 * `clair-scan cleanup`. Idempotent and never throws: cleanup must not hide the scan's own outcome.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DockerClient } from './docker';
import { log } from '../util/log';
import { errorMessage } from '../util/errors';
import type { RunState } from './run-state';

export interface CleanupReport {
  containers: string[];
  tempDirs: string[];
  errors: string[];
}

export async function cleanupRun(state: RunState): Promise<CleanupReport> {
  const report: CleanupReport = { containers: [], tempDirs: [], errors: [] };
  try {
    const docker = new DockerClient(state.dockerHost);
    const list = await docker.listRunContainers(state.runId);
    for (const c of list) {
      try {
        await docker.removeContainer(c.Id);
        report.containers.push((c.Names?.[0] ?? c.Id).replace(/^\//, ''));
      } catch (err) {
        report.errors.push(`container ${c.Id.slice(0, 12)}: ${errorMessage(err)}`);
      }
    }
  } catch (err) {
    report.errors.push(`docker: ${errorMessage(err)}`);
  }
  // Temp dirs are named after the run (image/temp.ts), so a post step or `cleanup --run-id` that never saw
  // the list still finds them.
  const tmp = os.tmpdir();
  const named = fs.existsSync(tmp) ? fs.readdirSync(tmp).filter((n) => n.startsWith(`clair-scan-${state.runId}-`)).map((n) => path.join(tmp, n)) : [];
  for (const dir of new Set([...state.tempDirs, ...named])) {
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
