/**
 * Action start-up benchmark: the time from spawning `node dist/main/index.js` to its first log line, with the
 * environment a runner gives a step (every input of action.yml as INPUT_<NAME> with its default, GITHUB_OUTPUT /
 * GITHUB_STATE / GITHUB_ENV / GITHUB_STEP_SUMMARY files, RUNNER_TEMP, …) but no `image`, so the step fails fast
 * on its first input check without touching Docker. That covers what every run pays before it does anything:
 * Node start, reading and compiling the bundle, loading the modules, parsing the inputs. Also the time to the
 * step's exit, and `node dist/cli/index.js --version` for the CLI. The first log line is the first line the
 * runner shows: `::add-mask::` and `::debug::` commands are not. Median of N runs after one warm-up run (the first
 * run after a rebuild also pays the disk cache). Goal: first log line <= 0.5 s. Exit code 1 if missed.
 *   npm run bundle && npx tsx bench/action-start.ts [runs=15] [dist dir, default dist/]
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '..');
const GOAL_S = 0.5;

interface Timing {
  firstLine: number;
  exit: number;
  line: string;
  code: number | null;
}

/** Spawns the command; resolves with the seconds to its first non-empty output line and to its exit. */
function time(args: string[], env: NodeJS.ProcessEnv): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let firstLine = NaN;
    let line = '';
    let buf = '';
    const child = spawn(process.execPath, args, {
      cwd: env.GITHUB_WORKSPACE ?? ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const onData = (d: Buffer): void => {
      if (!Number.isNaN(firstLine)) return;
      buf += d.toString('utf8');
      const first = buf.split('\n').find((l) => l.trim() !== '' && !/^::(add-mask|debug)::/.test(l));
      if (first !== undefined) {
        firstLine = (performance.now() - t0) / 1000;
        line = first.trim();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => resolve({ firstLine, exit: (performance.now() - t0) / 1000, line, code }));
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The environment of an action step: inputs with action.yml's defaults, the runner's command files. */
function runnerEnv(dir: string): NodeJS.ProcessEnv {
  const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: unknown }>;
  };
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  for (const [name, def] of Object.entries(action.inputs)) {
    // The runner evaluates expressions such as `${{ github.token }}`.
    const value = def.default === undefined ? '' : String(def.default).replace(/\$\{\{[^}]*\}\}/g, 'ghs_benchmark');
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  env.INPUT_IMAGE = '';
  for (const f of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY']) {
    env[f] = path.join(dir, f.toLowerCase());
    fs.writeFileSync(env[f]!, '');
  }
  Object.assign(env, {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    RUNNER_OS: 'Linux',
    GITHUB_REPOSITORY: 'clair-scan/bench',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_RUN_ID: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
  });
  return env;
}

function summary(label: string, runs: Timing[], pick: (t: Timing) => number): string {
  const xs = runs.map(pick);
  return `${label.padEnd(34)} median ${median(xs).toFixed(3)} s  (min ${Math.min(...xs).toFixed(3)}, max ${Math.max(...xs).toFixed(3)})`;
}

async function main(): Promise<void> {
  const n = Math.max(1, Number(process.argv[2] ?? 15));
  const dist = path.resolve(process.argv[3] ?? path.join(ROOT, 'dist'));
  const main = path.join(dist, 'main', 'index.js');
  const cli = path.join(dist, 'cli', 'index.js');
  for (const f of [main, cli])
    if (!fs.existsSync(f)) throw new Error(`${path.relative(ROOT, f)} is missing: run \`npm run bundle\` first`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clair-scan-bench-start-'));
  try {
    const env = runnerEnv(dir);
    await time([main], env); // warm-up
    const action: Timing[] = [];
    for (let i = 0; i < n; i++) action.push(await time([main], env));
    await time([cli, '--version'], { PATH: process.env.PATH, HOME: process.env.HOME });
    const version: Timing[] = [];
    for (let i = 0; i < n; i++)
      version.push(await time([cli, '--version'], { PATH: process.env.PATH, HOME: process.env.HOME }));

    const size = (f: string): string => `${(fs.statSync(f).size / 1e6).toFixed(2)} MB`;
    console.log(
      `action start, ${n} runs; dist/main/index.js ${size(main)}, dist/cli/index.js ${size(cli)}; node ${process.version}, ${os.cpus().length} CPUs`,
    );
    console.log(
      `first line: ${action[0].line.slice(0, 110)}${action.some((t) => t.code !== 2) ? ` (exit codes ${[...new Set(action.map((t) => t.code))].join(', ')}, expected 2)` : ''}`,
    );
    console.log(summary('action: first log line', action, (t) => t.firstLine));
    console.log(summary('action: exit (no image, exit 2)', action, (t) => t.exit));
    console.log(summary('cli --version: output', version, (t) => t.firstLine));
    const m = median(action.map((t) => t.firstLine));
    const ok = m <= GOAL_S && action.every((t) => t.code === 2);
    console.log(`goal: first log line <= ${GOAL_S} s: ${ok ? 'met' : 'MISSED'} (${m.toFixed(3)} s)`);
    if (!ok) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
