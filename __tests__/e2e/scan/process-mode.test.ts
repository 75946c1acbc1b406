/**
 * clair-mode: process (issue 25, part 2): the CLI runs `clair` from the PATH (the test env's Clair, built from its Go
 * module) as a child process against the database image (`clair-scan data image build` from the fixture bundle) run
 * as a plain PostgreSQL container, with no Docker
 * daemon: DOCKER_HOST points at a closed loopback port for every process-mode run. Exact findings equal the
 * container path's (JSON import, ephemeral containers); SIGTERM and SIGKILL of clair-scan leave no clair process;
 * refusals (unreachable database, no Clair schema, not a database image, another Clair version, stale or future
 * data) are exit 2 with nothing left.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { loadTestEnv } from '../../helpers/testenv';
import { testTempDir } from '../../helpers/tmp';
import { scan } from '../../../src/scan';
import { processTools, startClairProcess } from '../../../src/environment/clair-process';
import { cleanupRun } from '../../../src/environment/cleanup';
import { makeRunTempDir, newRunId, type RunState } from '../../../src/environment/run-state';
import {
  DEBIAN_VULN_FINDINGS,
  BUNDLE,
  REPO,
  docker,
  findingLines,
  fixture,
  leftoverTempDirs,
  settingsFor,
} from './helpers';
import { trackRuns } from '../../helpers/runs';
import type { ScanResult } from '../../../src/findings/model';

const env = loadTestEnv();
const PG_NAME = `cs-e2e-procpg-${randomBytes(4).toString('hex')}`;
const PW = `pw-${randomBytes(12).toString('hex')}`;
/** Nothing listens here: every process-mode run gets it as DOCKER_HOST, so any Docker call would fail the scan. */
const NO_DOCKER = 'tcp://127.0.0.1:1';
let pgPort = 0;
const work = testTempDir('cs-e2e-procmode-');
/** The fixture image as an archive (docker save): read without a daemon. */
const archive = path.join(work, 'debian-vuln.tar');
const url = (db: string, port = pgPort): string => `postgres://clair:${PW}@127.0.0.1:${port}/${db}`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function psql(db: string, sql: string): string {
  return docker(
    'exec',
    '-e',
    `PGPASSWORD=${PW}`,
    PG_NAME,
    'psql',
    '-X',
    '-q',
    '-At',
    '-v',
    'ON_ERROR_STOP=1',
    '-h',
    '127.0.0.1',
    '-p',
    String(pgPort),
    '-U',
    'clair',
    '-d',
    db,
    '-c',
    sql,
  );
}

async function until(what: string, f: () => boolean | Promise<boolean>, tries = 240, ms = 250): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await f()) return;
    await sleep(ms);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The database image (helper A's `clair-scan data image build`) from the fixture bundle, removed after the file. */
const DB_IMAGE = `localhost/cs-e2e-procmode-db:${randomBytes(4).toString('hex')}`;
const DB_IMAGE_ARG = (): string => `db-image:${DB_IMAGE}`;

beforeAll(async () => {
  // The database image as `clair-scan data image build` makes it from the same bundle the container path imports.
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(REPO, 'src/cli-entry.ts'),
      'data',
      'image',
      'build',
      '--from',
      BUNDLE,
      '--tag',
      DB_IMAGE,
      '--clair-image',
      env.clairImage,
      '--postgres-image',
      env.postgresImage,
      '--pull',
      'never',
    ],
    { cwd: REPO, stdio: 'pipe', timeout: 300_000 },
  );
  // Then started as a plain PostgreSQL container, as a CI service would start it (its own entrypoint and data).
  pgPort = await freePort();
  docker(
    'run',
    '-d',
    '--name',
    PG_NAME,
    '--network',
    'host',
    DB_IMAGE,
    'postgres',
    '-c',
    'listen_addresses=127.0.0.1',
    '-p',
    String(pgPort),
  );
  await until('PostgreSQL', () => {
    try {
      docker(
        'exec',
        '-u',
        'postgres',
        PG_NAME,
        'psql',
        '-X',
        '-q',
        '-At',
        '-p',
        String(pgPort),
        '-U',
        'clair',
        '-d',
        'clair',
        '-c',
        'SELECT 1',
      );
      return true;
    } catch {
      return false;
    }
  });
  // A secret password instead of the image's documented one (over the trusted unix socket), so that the tests can
  // check it never shows.
  docker(
    'exec',
    '-u',
    'postgres',
    PG_NAME,
    'psql',
    '-X',
    '-q',
    '-p',
    String(pgPort),
    '-U',
    'clair',
    '-d',
    'clair',
    '-c',
    `ALTER ROLE clair PASSWORD '${PW}'`,
  );
  expect(psql('clair', 'SELECT clair_version FROM clair_scan.data_image')).toBe(env.clairVersion);
  // Variants of the same database for the refusals (copies: the original stays as built).
  psql('postgres', 'CREATE DATABASE empty');
  for (const db of ['fresh', 'fresh2']) psql('postgres', `CREATE DATABASE ${db}`);
  for (const db of ['norow', 'othervers', 'stale', 'future']) psql('postgres', `CREATE DATABASE ${db} TEMPLATE clair`);
  psql('norow', 'DROP SCHEMA clair_scan CASCADE');
  psql('othervers', "UPDATE clair_scan.data_image SET clair_version = 'v4.8.0'");
  psql('stale', "UPDATE clair_scan.data_image SET created_at = now() - interval '3 days'");
  psql('future', "UPDATE clair_scan.data_image SET created_at = now() + interval '2 days'");
  docker('save', '-o', archive, fixture('debian-vuln'));
}, 360_000);

afterAll(() => {
  for (const args of [
    ['rm', '-f', '-v', PG_NAME],
    ['rmi', DB_IMAGE],
  ]) {
    try {
      docker(...args);
    } catch {
      // not made
    }
  }
});

interface CliRun {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
}

/** The CLI (sources, one Node process) with clair on the PATH, the database URL in the environment and no Docker. */
function startCli(
  args: string[],
  opts: { db?: string; port?: number; env?: Record<string, string>; vulnData?: string } = {},
): CliRun {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(REPO, 'src/cli-entry.ts'),
      '--clair-mode',
      'process',
      '--vuln-data',
      opts.vulnData ?? DB_IMAGE_ARG(),
      ...args,
    ],
    {
      cwd: REPO,
      env: {
        ...process.env,
        PATH: `${env.clairBin}:${process.env.PATH}`,
        DOCKER_HOST: NO_DOCKER,
        CLAIR_SCAN_POSTGRES_URL: url(opts.db ?? 'clair', opts.port),
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (c) => (out += c));
  child.stderr?.on('data', (c) => (out += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => out };
}

async function runCli(
  args: string[],
  opts: Parameters<typeof startCli>[1] = {},
): Promise<{ code: number | null; out: string; runId: string }> {
  const r = startCli(args, opts);
  const { code } = await r.exited;
  const out = r.output();
  return { code, out, runId: /Run ([a-z0-9]+-[0-9a-f]+) /.exec(out)?.[1] ?? '' };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie (exited, not yet reaped) is not running.
    return !/^\S+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Live (not zombie) members of process group `pgid`, from /proc: what a signal to the group would still reach. */
function groupMembers(pgid: number): number[] {
  const out: number[] = [];
  for (const p of fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses, so split after the last ')'.
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z') out.push(Number(p));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Processes (by /proc) whose command line names the run's temp dirs: a Clair of that run. */
function runProcesses(runId: string): number[] {
  const out: number[] = [];
  for (const p of fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(`clair-scan-${runId}-`) && alive(Number(p)))
        out.push(Number(p));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

function expectNothingLeft(runId: string): void {
  expect(runId).not.toBe('');
  expect(runProcesses(runId)).toEqual([]);
  expect(leftoverTempDirs(runId)).toEqual([]);
}

function resultOf(dir: string): ScanResult {
  return JSON.parse(fs.readFileSync(path.join(dir, 'clair-scan-result.json'), 'utf8')) as ScanResult;
}

describe('findings', () => {
  const runs = trackRuns({ after: 'all' });
  let containerLines: string[];

  beforeAll(async () => {
    // The container path (PostgreSQL + Clair containers, JSON import) for the same fixture image.
    const o = await scan(settingsFor([fixture('debian-vuln')], { formats: 'json' }), runs);
    containerLines = findingLines(o.result.images[0]);
  }, 300_000);

  it("the container path gives the fixture's findings (the reference)", () => {
    expect(containerLines).toEqual([...DEBIAN_VULN_FINDINGS].sort());
  });

  it('an image archive, no Docker daemon: the same exact findings, and the password nowhere in the output', async () => {
    const out = testTempDir('cs-e2e-procmode-out-');
    const r = await runCli(['--formats', 'json', '--output-dir', out, archive]);
    expect({ code: r.code, out: r.code === 1 ? '' : r.out }).toEqual({ code: 1, out: '' }); // the fixture fails the default policy
    const result = resultOf(out);
    expect(findingLines(result.images[0])).toEqual(containerLines);
    expect(result.clair).toMatchObject({ ephemeral: true, version: env.clairVersion });
    expect(r.out).toMatch(/Starting Clair \(.*\/clair\) as a process against the PostgreSQL at 127\.0\.0\.1:\d+/);
    expect(r.out).not.toContain(PW);
    expect(fs.readFileSync(path.join(out, 'clair-scan-result.json'), 'utf8')).not.toContain(PW);
    // Nothing asked the (absent) Docker daemon anything, cleanup included.
    expect(r.out).not.toMatch(/cleanup: docker|ECONNREFUSED|127\.0\.0\.1:1\b/);
    expectNothingLeft(r.runId);
  });

  it("the password in PGPASSWORD instead of the URL (as the GitLab template passes the database image's): the same exact findings", async () => {
    const out = testTempDir('cs-e2e-procmode-out-');
    const r = await runCli(['--formats', 'json', '--output-dir', out, archive], {
      env: { CLAIR_SCAN_POSTGRES_URL: `postgres://clair@127.0.0.1:${pgPort}/clair`, PGPASSWORD: PW },
    });
    expect({ code: r.code, out: r.code === 1 ? '' : r.out }).toEqual({ code: 1, out: '' });
    expect(findingLines(resultOf(out).images[0])).toEqual(containerLines);
    expectNothingLeft(r.runId);
  });

  it('a snapshot (the same bundle) imported with clairctl from the PATH into a fresh database: the same exact findings', async () => {
    const out = testTempDir('cs-e2e-procmode-out-');
    const r = await runCli(['--formats', 'json', '--output-dir', out, archive], { db: 'fresh', vulnData: BUNDLE });
    expect({ code: r.code, out: r.code === 1 ? '' : r.out }).toEqual({ code: 1, out: '' });
    expect(r.out).toMatch(/Loading vulnerability data \(vulns\.jsonl\) with .*\/clairctl import-updaters/);
    expect(findingLines(resultOf(out).images[0])).toEqual(containerLines);
    expect(r.out).not.toContain(PW);
    expect(r.out).not.toMatch(/cleanup: docker|ECONNREFUSED|127\.0\.0\.1:1\b/);
    expectNothingLeft(r.runId);
  });

  describe('an image in a registry (basic auth), no Docker daemon', () => {
    const ref = `${env.registry.address}/fixtures/procmode-debian-vuln:1`;
    beforeAll(() => {
      execFileSync('docker', ['login', '-u', env.registry.username, '--password-stdin', env.registry.address], {
        input: env.registry.password,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      docker('tag', fixture('debian-vuln'), ref);
      docker('push', ref);
    });
    afterAll(() => {
      docker('rmi', ref);
      execFileSync('docker', ['logout', env.registry.address], { stdio: 'pipe' });
    });

    it('the same exact findings', async () => {
      const out = testTempDir('cs-e2e-procmode-out-');
      const r = await runCli(['--formats', 'json', '--output-dir', out, `registry:${ref}`], {
        env: {
          CLAIR_SCAN_REGISTRY_USERNAME: env.registry.username,
          CLAIR_SCAN_REGISTRY_PASSWORD: env.registry.password,
        },
      });
      expect({ code: r.code, out: r.code === 1 ? '' : r.out }).toEqual({ code: 1, out: '' });
      expect(findingLines(resultOf(out).images[0])).toEqual(containerLines);
      expectNothingLeft(r.runId);
    });
  });
});

/**
 * The tool image's size budget (docker/README.md), measured on the image the test env builds from docker/Dockerfile
 * (local Node base: bookworm minbase + node 20, 229 MB; the test Clair's binaries): 295.7 MB in all, 66.9 MB added by
 * the Dockerfile (clair + clairctl 61.4 MB, the bundled CLI 5.4 MB). Budgets ~20 % above.
 */
const TOOL_IMAGE_BUDGET_BYTES = 355_000_000;
const TOOL_LAYERS_BUDGET_BYTES = 80_000_000;

describe('inside the tool image (docker/Dockerfile, built by the test env): clair, clairctl and the CLI, no Docker daemon', () => {
  const image = env.toolImage ?? '';
  const name = `cs-e2e-toolimg-${randomBytes(4).toString('hex')}`;
  afterEach(() => {
    try {
      docker('rm', '-f', name);
    } catch {
      // removed by --rm
    }
  });

  it('is recorded in env.json and within its size budget', () => {
    expect(image).toBe('localhost/clair-scan-test/tool:dev');
    const size = Number(docker('image', 'inspect', '-f', '{{.Size}}', image));
    expect(size).toBeGreaterThan(0);
    expect(size).toBeLessThanOrEqual(TOOL_IMAGE_BUDGET_BYTES);
    // What docker/Dockerfile adds on top of NODE_IMAGE: every layer but the base's (the last row: the import).
    const layers = docker('history', '--human=false', '--format', '{{.Size}}', image).split('\n').map(Number);
    const added = layers.slice(0, -1).reduce((a, b) => a + b, 0);
    expect(added).toBeGreaterThan(60_000_000); // clair and clairctl are in it
    expect(added).toBeLessThanOrEqual(TOOL_LAYERS_BUDGET_BYTES);
  });

  it('ships clair and clairctl of the pinned version', () => {
    expect(docker('run', '--rm', '--name', name, '--entrypoint', 'clairctl', image, '--version')).toContain(
      `clairctl version ${env.clairVersion}`,
    );
  });

  it.each([
    ['an image archive', (): string[] => ['-v', `${work}:/in:ro`], (): string => '/in/debian-vuln.tar'],
    [
      'a registry image',
      (): string[] => [
        '-e',
        `CLAIR_SCAN_REGISTRY_USERNAME=${env.registry.username}`,
        '-e',
        `CLAIR_SCAN_REGISTRY_PASSWORD=${env.registry.password}`,
      ],
      (): string => `registry:${env.registry.address}/fixtures/procmode-debian-vuln:1`,
    ],
  ])('scans %s with clair-mode: process: the exact findings of the container path', async (_what, extra, target) => {
    const ref = `${env.registry.address}/fixtures/procmode-debian-vuln:1`;
    execFileSync('docker', ['login', '-u', env.registry.username, '--password-stdin', env.registry.address], {
      input: env.registry.password,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    docker('tag', fixture('debian-vuln'), ref);
    docker('push', ref);
    const out = testTempDir('cs-e2e-procmode-out-');
    fs.chmodSync(out, 0o777);
    let code = 0;
    let log = '';
    try {
      log = execFileSync(
        'docker',
        [
          'run',
          '--rm',
          '--name',
          name,
          '--network',
          'host',
          '-e',
          `CLAIR_SCAN_POSTGRES_URL=${url('clair')}`,
          '-v',
          `${out}:/out`,
          ...extra(),
          image,
          '--clair-mode',
          'process',
          '--vuln-data',
          DB_IMAGE_ARG(),
          '--formats',
          'json',
          '--output-dir',
          '/out',
          target(),
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
    } catch (err) {
      const e = err as { status: number; stdout: string; stderr: string };
      code = e.status;
      log = e.stdout + e.stderr;
    } finally {
      docker('rmi', ref);
      execFileSync('docker', ['logout', env.registry.address], { stdio: 'pipe' });
    }
    expect({ code, log: code === 1 ? '' : log }).toEqual({ code: 1, log: '' });
    expect(log).toMatch(/Starting Clair \(\/usr\/local\/bin\/clair\) as a process/);
    expect(log).not.toContain(PW);
    expect(findingLines(resultOf(out).images[0])).toEqual([...DEBIAN_VULN_FINDINGS].sort());
  });
});

describe('the clair child never outlives clair-scan', () => {
  const big = path.join(work, 'bookworm.tar');
  beforeAll(() => docker('save', '-o', big, fixture('bookworm')), 120_000);

  /** Starts a scan of a large image and waits (bounded) until its Clair is up; its pid and run id. */
  async function scanWithClairUp(): Promise<{ run: CliRun; pid: number; runId: string }> {
    const out = testTempDir('cs-e2e-procmode-out-');
    const run = startCli(['--formats', 'json', '--output-dir', out, big]);
    let pid = 0;
    await until(
      'Clair to be ready',
      () => {
        pid = Number(/Clair \(pid (\d+)\) is ready/.exec(run.output())?.[1] ?? 0);
        return pid > 0 || run.child.exitCode !== null;
      },
      600,
      50,
    );
    expect({ pid: pid > 0, out: pid > 0 ? '' : run.output() }).toEqual({ pid: true, out: '' });
    expect(alive(pid)).toBe(true);
    // Its own process group, led by clair itself (setpriv exec'd it).
    expect(groupMembers(pid)).toEqual([pid]);
    return { run, pid, runId: /Run ([a-z0-9]+-[0-9a-f]+) /.exec(run.output())?.[1] ?? '' };
  }

  it("SIGTERM: the CLI stops Clair's process group, removes its temp dirs and exits 143", async () => {
    const { run, pid, runId } = await scanWithClairUp();
    run.child.kill('SIGTERM');
    const { code } = await run.exited;
    expect(code).toBe(143);
    expect(run.output()).toMatch(/Received SIGTERM/);
    expect(alive(pid)).toBe(false);
    expect(groupMembers(pid)).toEqual([]);
    expectNothingLeft(runId);
  });

  it('SIGKILL: the kernel kills Clair (parent-death signal); `clair-scan cleanup --run-id` removes the temp dirs', async () => {
    const { run, pid, runId } = await scanWithClairUp();
    run.child.kill('SIGKILL');
    await run.exited;
    await until('the orphaned Clair to die', () => !alive(pid), 100, 50);
    expect(groupMembers(pid)).toEqual([]);
    expect(runProcesses(runId)).toEqual([]);
    const cleanup = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(REPO, 'src/cli-entry.ts'), 'cleanup', '--run-id', runId],
      { cwd: REPO, stdio: 'ignore' },
    );
    expect(await new Promise((r) => cleanup.on('exit', r))).toBe(0);
    expectNothingLeft(runId);
  });
});

describe("the run's cleanup stops the clair process group while clair-scan lives on (no parent-death signal involved)", () => {
  async function start(): Promise<{ state: RunState; pid: number; close(): Promise<void> }> {
    const state: RunState = { runId: newRunId(), tempDirs: [], noDocker: true };
    const saved = process.env.PATH;
    process.env.PATH = `${env.clairBin}:${saved}`;
    try {
      const tools = processTools();
      const c = await startClairProcess({
        tools,
        state,
        dir: makeRunTempDir(state, 'clair'),
        connString: url('clair'),
        timeoutMs: 60_000,
        requestTimeoutMs: 60_000,
      });
      expect(groupMembers(c.pid)).toEqual([c.pid]);
      return { state, pid: c.pid, close: () => c.close() };
    } finally {
      process.env.PATH = saved;
    }
  }

  it('close(): SIGTERM to the group, then it is gone', async () => {
    const c = await start();
    await c.close();
    expect(alive(c.pid)).toBe(false);
    expect(groupMembers(c.pid)).toEqual([]);
    await cleanupRun(c.state);
    expectNothingLeft(c.state.runId);
  });

  it('cleanupRun (what the signal handlers and the fail-closed guard call) stops it, and asks no Docker daemon', async () => {
    const c = await start();
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = NO_DOCKER;
    try {
      const report = await cleanupRun(c.state);
      expect(report.errors).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved;
    }
    expect(alive(c.pid)).toBe(false);
    expect(groupMembers(c.pid)).toEqual([]);
    expectNothingLeft(c.state.runId);
  });
});

describe('refusals: exit 2, a clear reason, nothing left', () => {
  const cases: [string, Parameters<typeof startCli>[1] & { args?: string[] }, RegExp, RegExp][] = [
    [
      "a PostgreSQL without Clair's schema",
      { db: 'empty' },
      /holds no Clair database \(no vuln and update_operation tables\)/,
      /is the database image the service\?/,
    ],
    [
      "Clair's schema but no clair_scan.data_image row",
      { db: 'norow' },
      /is not a clair-scan database image: it has no clair_scan\.data_image table/,
      /is the database image the service\?/,
    ],
    [
      'a database image of another Clair version',
      { db: 'othervers' },
      new RegExp(`built with Clair v4\\.8\\.0, but the clair on the PATH is ${env.clairVersion.replace(/\./g, '\\.')}`),
      /Clair's schema and data are tied to its version/,
    ],
    [
      'a database image older than vuln-data-max-age',
      { db: 'stale', args: ['--vuln-data-max-age', '1d'] },
      /older than vuln-data-max-age \(24 h\)/,
      /fresher database image/,
    ],
    ['a database image created in the future', { db: 'future' }, /in the future/, /clock/],
  ];
  it.each(cases)('%s', async (_name, opts, message, hint) => {
    const out = testTempDir('cs-e2e-procmode-out-');
    const r = await runCli(['--formats', 'json', '--output-dir', out, ...(opts.args ?? []), archive], opts);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(message);
    expect(r.out).toMatch(hint);
    expect(r.out).toContain(`127.0.0.1:${pgPort}`);
    expect(r.out).not.toContain(PW);
    expectNothingLeft(r.runId);
  });

  it('a snapshot with version-range records (clairctl 4.9.0 cannot import them here): exit 2 pointing to db-image', async () => {
    const r = await runCli(['--formats', 'json', '--output-dir', testTempDir('cs-e2e-procmode-out-'), archive], {
      db: 'fresh2',
      vulnData: path.join(REPO, '.testenv/fixtures/vulns-ecosystems.jsonl'),
    });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(
      /has 10 records with version ranges .* which clairctl 4\.9\.0 cannot import into a database clair-scan does not run/,
    );
    expect(r.out).toMatch(/use vuln-data: db-image:<ref>/);
    // Refused before Clair touched the database: no schema was migrated into it.
    expect(psql('fresh2', "SELECT to_regclass('public.vuln') IS NULL")).toBe('t');
    expectNothingLeft(r.runId);
  });

  it('no clair on the PATH: exit 2 naming what to install', async () => {
    const r = await runCli(['--formats', 'json', '--output-dir', testTempDir('cs-e2e-procmode-out-'), archive], {
      env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' },
    });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/clair-mode: process needs `clair` on the PATH, and there is none/);
    expect(r.out).toMatch(/tool image/);
    expectNothingLeft(r.runId);
  });

  it('a `clair` on the PATH that is not Clair: exit 2 (its version cannot be read), its process group gone', async () => {
    const bin = testTempDir('cs-e2e-procmode-fakebin-');
    fs.writeFileSync(path.join(bin, 'clair'), '#!/bin/sh\necho "I am not clair" >&2\nsleep 1\nexit 3\n', {
      mode: 0o755,
    });
    const r = await runCli(['--formats', 'json', '--output-dir', testTempDir('cs-e2e-procmode-out-'), archive], {
      env: { PATH: `${bin}:/usr/sbin:/usr/bin:/sbin:/bin` },
    });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/could not read the version of .*\/clair: it did not log its start-up line/);
    expect(r.out).toContain('I am not clair');
    expectNothingLeft(r.runId);
  });

  it('an unreachable postgres-url: bounded retries, the host:port named, never the password', async () => {
    const closed = await freePort();
    const out = testTempDir('cs-e2e-procmode-out-');
    const r = await runCli(['--formats', 'json', '--output-dir', out, '--startup-timeout', '3', archive], {
      port: closed,
    });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(
      new RegExp(
        `cannot connect to the PostgreSQL of postgres-url at 127\\.0\\.0\\.1:${closed} \\(\\d+ attempts in [0-9] s\\): .*ECONNREFUSED`,
      ),
    );
    expect(r.out).toMatch(/check that the database service is running/);
    expect(r.out).not.toContain(PW);
    expectNothingLeft(r.runId);
  });
});
