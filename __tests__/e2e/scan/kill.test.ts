/**
 * A scan killed mid-way leaves nothing behind: SIGTERM/SIGINT (a cancelled job) are handled by the CLI
 * itself; after SIGKILL, `clair-scan cleanup --run-id` (what the action's post step runs) removes the rest.
 * Runs the bundled CLI, as users do.
 */
import { spawn, ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { loadTestEnv } from '../../helpers/testenv';
import { BUNDLE, REPO, docker, fixture, leftoverContainers, leftoverTempDirs } from './helpers';

const CLI = path.join(REPO, 'dist/cli/index.js');

function startCli(): {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
} {
  const env = loadTestEnv();
  const child = spawn(
    process.execPath,
    [
      CLI,
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
      '/tmp/cs-e2e-kill',
      fixture('debian-vuln'),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout?.on('data', (c) => (out += c));
  child.stderr?.on('data', (c) => (out += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => out };
}

/** Waits (bounded) until the CLI has announced its run id and that run's Clair container exists. */
async function waitForRun(output: () => string): Promise<string> {
  for (let i = 0; i < 240; i++) {
    const runId = /Run ([a-z0-9]+-[0-9a-f]+) /.exec(output())?.[1];
    if (
      runId &&
      docker(
        'ps',
        '-a',
        '--filter',
        `label=io.clair-scan.run=${runId}`,
        '--filter',
        'label=io.clair-scan.role=clair',
        '--format',
        '{{.ID}}',
      )
    )
      return runId;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the scan never started its Clair container; output:\n${output()}`);
}

it.each([
  ['SIGTERM', 143],
  ['SIGINT', 130],
] as const)('%s mid-scan: the CLI removes its containers and temp dirs, then exits %d', async (signal, code) => {
  const run = startCli();
  const runId = await waitForRun(run.output);
  run.child.kill(signal);
  const { code: exitCode } = await run.exited;
  expect(exitCode).toBe(code);
  expect(run.output()).toMatch(new RegExp(`Received ${signal}`));
  expect(leftoverContainers(runId)).toEqual([]);
  expect(leftoverTempDirs(runId)).toEqual([]);
});

it('SIGKILL mid-scan: `clair-scan cleanup --run-id` removes what is left', async () => {
  const run = startCli();
  const runId = await waitForRun(run.output);
  run.child.kill('SIGKILL');
  await run.exited;
  expect(leftoverContainers(runId).length).toBeGreaterThan(0);
  const cleanup = spawn(process.execPath, [CLI, 'cleanup', '--run-id', runId], { stdio: 'ignore' });
  const code = await new Promise((r) => cleanup.on('exit', r));
  expect(code).toBe(0);
  expect(leftoverContainers(runId)).toEqual([]);
  expect(leftoverTempDirs(runId)).toEqual([]);
});
