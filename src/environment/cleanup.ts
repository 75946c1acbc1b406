/**
 * Removes everything a run left: containers (with their anonymous volumes) labelled with the run id, and the
 * run's temp directories. Called by the scan itself, by signal handlers, by the action's post step and by
 * `clair-scan cleanup`. Idempotent and never throws: cleanup must not hide the scan's own outcome.
 */
import * as fs from 'node:fs';
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
  for (const dir of state.tempDirs) {
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
