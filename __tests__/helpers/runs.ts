/**
 * What a run leaves behind, and the tracker the scan tests hand to scan(): `trackRuns()` collects every run id
 * (through `onState`, or `add` for a run seen in a CLI log) and expects, after each test or after all of them,
 * that no container carrying the run's label and no temp dir named after it is left.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';

/** Containers carrying a clair-scan run label (optionally of one run). */
export function leftoverContainers(runId?: string): string[] {
  const filter = runId ? `label=io.clair-scan.run=${runId}` : 'label=io.clair-scan.owner=clair-scan';
  const out = execFileSync('docker', ['ps', '-a', '--filter', filter, '--format', '{{.Names}}'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
  return out ? out.split('\n') : [];
}

/** The run's private temp dirs (src/image/temp.ts names them clair-scan-<run id>-…). */
export function leftoverTempDirs(runId: string): string[] {
  return fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(`clair-scan-${runId}-`));
}

export interface RunTracker {
  /** scan()'s onState: pass the tracker as scan()'s options (`scan(settings, runs)`) or pass this on. */
  onState(s: { runId: string }): void;
  /** The run ids seen since the last check, in order, each once. */
  readonly ids: readonly string[];
  /** A run id seen another way (e.g. the CLI's "Run <id> …" line). */
  add(id: string): void;
  /** Expects nothing left of the runs seen so far, then forgets them. */
  expectClean(): void;
}

/**
 * A tracker whose check runs after each test (`after: 'each'`, the default), after the block's tests
 * (`'all'`: scans made in a beforeAll), or only where the test file calls `expectClean()` (`'manual'`).
 */
export function trackRuns(opts: { after?: 'each' | 'all' | 'manual' } = {}): RunTracker {
  const ids: string[] = [];
  const add = (id: string): void => void (ids.includes(id) || ids.push(id));
  const tracker: RunTracker = {
    onState: (s) => add(s.runId),
    ids,
    add,
    expectClean: () => {
      for (const id of ids.splice(0)) {
        expect(leftoverContainers(id)).toEqual([]);
        expect(leftoverTempDirs(id)).toEqual([]);
      }
    },
  };
  if (opts.after === 'all') afterAll(() => tracker.expectClean());
  else if (opts.after !== 'manual') afterEach(() => tracker.expectClean());
  return tracker;
}
