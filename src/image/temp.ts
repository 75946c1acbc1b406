/** Private temp directories, registered with the run state so that every way a run ends removes them. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunState } from '../environment/run-state';

export function makeTempDir(state: RunState, purpose: string): { dir: string; remove: () => Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `clair-scan-${state.runId}-${purpose}-`));
  fs.chmodSync(dir, 0o700);
  state.tempDirs.push(dir);
  return {
    dir,
    remove: async () => {
      await fs.promises.rm(dir, { recursive: true, force: true });
      const i = state.tempDirs.indexOf(dir);
      if (i >= 0) state.tempDirs.splice(i, 1);
    },
  };
}
