/**
 * CLI manners (issue 24): a closed stdout or stderr (`clair-scan --help | head`, a pager quit) ends the bundled CLI
 * quietly, as Unix tools do — it used to end in "uncaught exception: write EPIPE … this is a bug in clair-scan". It
 * still fails closed: with a scan in flight the run's containers and temp dirs are removed and the exit code is 2.
 * Real pipes, the bundled CLI (dist/cli/index.js, `npm run bundle`), as users run it.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadTestEnv } from '../../helpers/testenv';
import { leftoverContainers, leftoverTempDirs } from '../../helpers/runs';

const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'dist/cli/index.js');
const BUNDLE = path.join(REPO, '.testenv/fixtures/vulns.jsonl');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-epipe-'));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

interface Run {
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What arrived on the streams still open. */
  text: () => string;
  closeOutput: () => void;
}

/**
 * Starts the CLI with stdout and stderr on pipes. `closeNow`: the reading end of stdout is closed before the CLI
 * writes (a reader that has quit); otherwise `closeOutput()` closes both ends later.
 */
function start(args: string[], closeNow: boolean): Run {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GITLAB_CI: 'false' },
  });
  let text = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  if (closeNow) child.stdout.destroy();
  else child.stdout.on('data', (c: Buffer) => (text += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (text += c.toString('utf8')));
  return {
    exited,
    text: () => text,
    closeOutput: () => {
      child.stdout.destroy();
      child.stderr.destroy();
    },
  };
}

it.each([1, 2, 3])('`--help` into a closed pipe (round %d): nothing on stderr, exit 0', async () => {
  const run = start(['--help'], true);
  expect(await run.exited).toEqual({ code: 0, signal: null });
  expect(run.text()).toBe('');
});

it('a scan whose stdout and stderr close mid-scan: quiet, its containers and temp dirs removed, exit 2', async () => {
  const env = loadTestEnv();
  const run = start(
    [
      '--clair-image',
      env.clairImage,
      '--postgres-image',
      env.postgresImage,
      '--pull',
      'never',
      '--vuln-data',
      BUNDLE,
      '--formats',
      'json',
      '--output-dir',
      out,
      'localhost/clair-scan-fixture/debian-vuln:1',
    ],
    false,
  );
  // Bounded wait for the run id and its Clair container: then a scan is in flight.
  let runId: string | undefined;
  for (let i = 0; i < 240 && !runId; i++) {
    const id = /Run ([a-z0-9]+-[0-9a-f]+) /.exec(run.text())?.[1];
    if (id && leftoverContainers(id).length > 0) runId = id;
    else await new Promise((r) => setTimeout(r, 250));
  }
  if (!runId) throw new Error(`the scan never started its Clair container; output:\n${run.text()}`);
  const before = run.text();
  run.closeOutput();
  const { code } = await run.exited;
  expect(code).toBe(2);
  // Nothing arrived after the close (the pipes are gone), and nothing said "uncaught exception" before it.
  expect(before).not.toMatch(/uncaught exception|EPIPE/);
  expect(leftoverContainers(runId)).toEqual([]);
  expect(leftoverTempDirs(runId)).toEqual([]);
  expect(fs.existsSync(path.join(out, 'clair-scan-result.json'))).toBe(false);
});
