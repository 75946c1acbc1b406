/**
 * Fail closed at the entry points, as users run them: the built CLI (dist/cli/index.js) and the action's main step
 * (dist/main/index.js) in child processes, with a fault injected into a real phase from outside
 * (__tests__/helpers/phase-fault.js, preloaded with `node --require`: the allowlist read in `preflight` stalls with
 * nothing pending, or calls process.exit() without a code). Either way the process must end with exit 2 and say
 * why, never 0: util/phase.ts's guard reports the stall, and its default exit code (2 until the main promise
 * settled) is what a bare process.exit() ends with.
 *
 * Needs `npm run bundle` (CLAIR_SCAN_DIST=<dir> points at another bundle) and the test environment.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import YAML from 'yaml';
import { loadTestEnv, REPO_ROOT } from '../../helpers/testenv';

const DIST = process.env.CLAIR_SCAN_DIST ?? path.join(REPO_ROOT, 'dist');
const CLI = path.join(DIST, 'cli', 'index.js');
const MAIN = path.join(DIST, 'main', 'index.js');
const FAULT = path.join(REPO_ROOT, '__tests__/helpers/phase-fault.js');
const IMAGE = 'localhost/clair-scan-fixture/debian-vuln:1';
const BUNDLE = path.join(REPO_ROOT, '.testenv/fixtures/vulns.jsonl');

let dir: string;
beforeAll(() => {
  for (const f of [CLI, MAIN]) if (!fs.existsSync(f)) throw new Error(`${f} is missing: run \`npm run bundle\` first`);
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-failclosed-'));
});
afterEach(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
}

/** Runs `node --require phase-fault.js <entry> args` with `env`; bounded in time (a stall the guard misses is killed). */
function runNode(entry: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', FAULT, entry, ...args], {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out });
    });
  });
}

function baseEnv(): Record<string, string> {
  const tenv = loadTestEnv();
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    TMPDIR: process.env.TMPDIR ?? os.tmpdir(),
    ...(tenv.dockerHost ? { DOCKER_HOST: tenv.dockerHost } : {}),
  };
}

/** The fault's trigger: an allowlist file named for it (it exists, so only the injected read can fail). */
function trigger(fault: 'stall' | 'exit'): string {
  const file = path.join(dir, `cs-inject-${fault}`);
  fs.writeFileSync(file, 'ignore: []\n');
  return file;
}

function cli(fault: 'stall' | 'exit'): Promise<Run> {
  const tenv = loadTestEnv();
  const args = [
    'scan',
    '--allowlist',
    trigger(fault),
    '--vuln-data',
    BUNDLE,
    '--clair-image',
    tenv.clairImage,
    '--postgres-image',
    tenv.postgresImage,
    '--pull',
    'never',
    '--output-dir',
    path.join(dir, 'reports'),
    IMAGE,
  ];
  return runNode(CLI, args, baseEnv());
}

/** The action's main step as the runner starts it: every input of action.yml (defaults), file commands in `dir`. */
function action(fault: 'stall' | 'exit'): Promise<Run> {
  const tenv = loadTestEnv();
  const def = YAML.parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const inputs: Record<string, string> = {};
  for (const [name, d] of Object.entries(def.inputs))
    inputs[`INPUT_${name.toUpperCase()}`] = d.default === '${{ github.token }}' ? 'ghs_unused' : (d.default ?? '');
  Object.assign(inputs, {
    INPUT_IMAGE: IMAGE,
    INPUT_ALLOWLIST: trigger(fault),
    'INPUT_VULN-DATA': BUNDLE,
    'INPUT_CLAIR-IMAGE': tenv.clairImage,
    'INPUT_POSTGRES-IMAGE': tenv.postgresImage,
    INPUT_PULL: 'never',
    'INPUT_OUTPUT-DIR': path.join(dir, 'reports'),
    INPUT_COMMENT: 'false',
    'INPUT_UPLOAD-ARTIFACT': 'false',
  });
  for (const f of ['output', 'summary', 'state']) fs.writeFileSync(path.join(dir, f), '');
  return runNode(MAIN, [], {
    ...baseEnv(),
    ...inputs,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
  });
}

/** What the run left: temp dirs and containers of its run id (printed in its first line). */
function leftovers(out: string): string[] {
  const runId = /Run ([a-z0-9]+-[0-9a-f]+) \(/.exec(out)?.[1];
  expect(runId).toBeDefined();
  const dirs = fs.readdirSync(os.tmpdir()).filter((n) => n.includes(runId as string));
  return dirs;
}

const STALL = /clair-scan stopped in the "preflight" phase: it was waiting for something that can never happen/;
const EXITED =
  /clair-scan exited in the "preflight" phase \(exit code 2\) before the scan completed, so nothing may be taken as its result/;

describe('the built CLI (dist/cli/index.js)', () => {
  it('a phase that stalls with nothing pending: exit 2, the phase named, nothing left', async () => {
    const r = await cli('stall');
    expect({ code: r.code, signal: r.signal }).toEqual({ code: 2, signal: null });
    expect(r.out).toMatch(STALL);
    expect(r.out).toMatch(/what to do: /);
    expect(leftovers(r.out)).toEqual([]);
  });

  it('process.exit() without a code in a phase: exit 2, not 0, and the reason', async () => {
    const r = await cli('exit');
    expect({ code: r.code, signal: r.signal }).toEqual({ code: 2, signal: null });
    expect(r.out).toMatch(new RegExp(`(^|\n)error: ${EXITED.source}`));
    expect(fs.existsSync(path.join(dir, 'reports'))).toBe(false);
  });
});

describe("the action's main step (dist/main/index.js)", () => {
  it('a phase that stalls with nothing pending: exit 2, the failure annotation names the phase', async () => {
    const r = await action('stall');
    expect({ code: r.code, signal: r.signal }).toEqual({ code: 2, signal: null });
    expect(r.out).toMatch(new RegExp(`::error::.*${STALL.source}`));
    expect(leftovers(r.out)).toEqual([]);
  });

  it('process.exit() without a code in a phase: exit 2, not 0 (the failure annotation must not make it 1)', async () => {
    const r = await action('exit');
    expect({ code: r.code, signal: r.signal }).toEqual({ code: 2, signal: null });
    expect(r.out).toMatch(new RegExp(`::error::${EXITED.source}`));
    expect(fs.existsSync(path.join(dir, 'reports'))).toBe(false);
  });
});
