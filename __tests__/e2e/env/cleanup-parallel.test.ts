/**
 * cleanupRun (environment/cleanup.ts) removes a run's containers several at once — bounded — and still removes
 * every one of them, touches no other run's container, and reports a removal the daemon refuses. The refusal is
 * real: a file in one container's vfs directory is made immutable (chattr +i), so the daemon cannot delete it.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DockerClient } from '../../../src/environment/docker';
import { cleanupRun, CONCURRENT_REMOVALS } from '../../../src/environment/cleanup';
import { newRunId } from '../../../src/environment/run-state';
import { setLogger } from '../../../src/util/log';
import { leftoverContainers } from '../../helpers/runs';
import { fixture } from '../scan/helpers';

const docker = (...a: string[]): string =>
  execFileSync('docker', a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const warnings: string[] = [];
setLogger({ info: () => undefined, warn: (m) => void warnings.push(m), debug: () => undefined, mask: () => undefined });

/** Removal calls in flight, at most, while cleanupRun runs (observed on the real client, not replaced). */
function observeRemovals(): { max: () => number; restore: () => void } {
  const original = DockerClient.prototype.removeContainer;
  let now = 0;
  let max = 0;
  DockerClient.prototype.removeContainer = async function (this: DockerClient, id: string) {
    max = Math.max(max, ++now);
    try {
      return await original.call(this, id);
    } finally {
      now--;
    }
  };
  return { max: () => max, restore: () => void (DockerClient.prototype.removeContainer = original) };
}

async function createRun(n: number): Promise<{ runId: string; ids: string[] }> {
  const runId = newRunId();
  const client = new DockerClient(undefined);
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push(
      (
        await client.createContainer({
          name: `clair-scan-${runId}-c${i}`,
          image: fixture('clean'),
          runId,
          role: 'test',
          cmd: ['/nothing'],
        })
      ).id,
    );
  return { runId, ids };
}

it("removes all of a run's containers, several at once (bounded), and no other run's", async () => {
  const mine = await createRun(6);
  const other = await createRun(1);
  const seen = observeRemovals();
  try {
    const report = await cleanupRun({ runId: mine.runId, tempDirs: [] });
    expect(report.errors).toEqual([]);
    expect([...report.containers].sort()).toEqual(
      Array.from({ length: 6 }, (_, i) => `clair-scan-${mine.runId}-c${i}`).sort(),
    );
    expect(leftoverContainers(mine.runId)).toEqual([]);
    expect(seen.max()).toBeGreaterThan(1);
    expect(seen.max()).toBeLessThanOrEqual(CONCURRENT_REMOVALS);
    expect(leftoverContainers(other.runId)).toEqual([`clair-scan-${other.runId}-c0`]);
  } finally {
    seen.restore();
    for (const id of [...mine.ids, ...other.ids])
      await new DockerClient(undefined).removeContainer(id).catch(() => undefined);
  }
});

it('a removal the daemon refuses is reported by container, and the others are still removed', async () => {
  const run = await createRun(4);
  // vfs keeps a container's files in <root>/vfs/dir/<mount id>; one file there made immutable cannot be deleted.
  const root = docker('info', '--format', '{{.DockerRootDir}}');
  const mountId = fs.readFileSync(path.join(root, 'image/vfs/layerdb/mounts', run.ids[1], 'mount-id'), 'utf8').trim();
  const pinned = path.join(root, 'vfs/dir', mountId, 'cs-cleanup-test-immutable');
  fs.writeFileSync(pinned, 'x');
  execFileSync('chattr', ['+i', pinned]);
  warnings.length = 0;
  try {
    const report = await cleanupRun({ runId: run.runId, tempDirs: [] });
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatch(new RegExp(`^container ${run.ids[1].slice(0, 12)}: .*operation not permitted`));
    expect([...report.containers].sort()).toEqual([0, 2, 3].map((i) => `clair-scan-${run.runId}-c${i}`).sort());
    expect(warnings).toEqual([`cleanup: ${report.errors[0]}`]);
    expect(leftoverContainers(run.runId)).toEqual([`clair-scan-${run.runId}-c1`]);
  } finally {
    execFileSync('chattr', ['-i', pinned]);
    for (const id of run.ids) await new DockerClient(undefined).removeContainer(id).catch(() => undefined);
  }
  expect(leftoverContainers(run.runId)).toEqual([]);
});
