/**
 * The GitLab template's default, the SERVICES mode, as a real pipeline under gitlab-ci-local's docker executor: no
 * docker:dind, no privileged container. The database image (built here by `clair-scan data image build` from the
 * fixture data) runs as a real service container at the alias `clair-db`; the job runs in the tool image
 * (docker/Dockerfile, built by the test environment: `clair-scan`, `clair`, `clairctl`), Clair as a child process of
 * the CLI against the service; the scanned image comes from a registry, as $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA does.
 * The .gitlab-ci.yml only includes the template: the rest is CI/CD variables (--variable) a user would set.
 *
 * gitlab-ci-local creates a network per job for its services (user-defined bridge networks with aliases). The test
 * daemon runs with --bridge=none in the machine's own namespace, so this runs on a second dockerd WITH bridge
 * networking inside a network namespace of the test's own (scripts/test-env/bridge-daemon.sh: its bridges, their
 * addresses and iptables rules exist only there), next to a registry in the same namespace. Nothing can be pulled
 * here: the images are copied into that daemon (docker save | docker load), gitlab-ci-local's pull policy
 * (if-not-present: `docker image inspect`, pull only when missing) then uses them, and its two helper images are
 * busybox/bash/rsync stand-ins built by the script.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { loadTestEnv, REPO_ROOT } from '../../helpers/testenv';
import { testTempDir } from '../../helpers/tmp';
import { validateGitlab } from '../../unit/report/schemas';

const execFileP = promisify(execFile);
const GCL = path.join(REPO_ROOT, 'node_modules', 'gitlab-ci-local', 'src', 'index.js');
const TEMPLATE = path.join(REPO_ROOT, 'templates', 'clair-scan.gitlab-ci.yml');
const COMPONENT = path.join(REPO_ROOT, 'templates', 'clair-scan', 'template.yml');
const CLI_BUNDLE = path.join(REPO_ROOT, 'dist', 'cli', 'index.js');
const BRIDGE_SCRIPT = path.join(REPO_ROOT, 'scripts', 'test-env', 'bridge-daemon.sh');
const FIXTURE = 'localhost/clair-scan-fixture/debian-vuln:1';
const EXPECTED_IDS = [
  'CVE-2099-1001',
  'CVE-2099-1002',
  'CVE-2099-1003',
  'CVE-2099-1004',
  'CVE-2099-1005',
  'CVE-2099-1006',
];
const RUN = randomBytes(4).toString('hex');
const DB_IMAGE = `localhost/clair-scan-test/gcl-db:${RUN}`;

interface Bridge {
  dockerHost: string;
  registry: string;
}

let bridge: Bridge;
let toolImage: string;
let root: string;

async function bridgeDaemon(args: string[]): Promise<string> {
  const { stdout } = await execFileP('bash', [BRIDGE_SCRIPT, ...args], {
    timeout: 15 * 60_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

function bridgeDocker(...args: string[]): string {
  return execFileSync('docker', args, {
    encoding: 'utf8',
    env: { ...process.env, DOCKER_HOST: bridge.dockerHost },
    timeout: 10 * 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

interface GclRun {
  code: number | null;
  out: string;
}

async function gcl(dir: string, variables: Record<string, string>): Promise<GclRun> {
  const argv = [GCL, ...Object.entries(variables).flatMap(([k, v]) => ['--variable', `${k}=${v}`])];
  const chunks: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, argv, {
      cwd: dir,
      // gitlab-ci-local's docker executor drives the bridge daemon through the docker CLI.
      env: {
        ...process.env,
        DOCKER_HOST: bridge.dockerHost,
        FORCE_COLOR: '0',
        NO_COLOR: '1',
        GITLAB_CI: undefined,
        CLAIR_SCAN_CI_PLATFORM: undefined,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 12 * 60_000,
    });
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', resolve);
  });
  return { code, out: Buffer.concat(chunks).toString('utf8') };
}

function jobOutcome(run: GclRun, job: string): 'PASS' | number | undefined {
  const m = new RegExp(`^${job}\\s+finished in [^\\n]*?(?:FAIL (\\d+))?\\s*$`, 'm').exec(run.out);
  if (!m) return undefined;
  return m[1] === undefined ? 'PASS' : Number(m[1]);
}

/**
 * A project whose last commit "built and pushed" its image: the fixture pushed to the registry as
 * <registry>/acme/shop:<commit sha>, which is what the template's default CS_IMAGE ($CI_REGISTRY_IMAGE:$CI_COMMIT_SHA)
 * names once CI_REGISTRY_IMAGE is the registry's.
 */
function project(
  name: string,
  files: Record<string, string> = {
    'clair-scan.gitlab-ci.yml': fs.readFileSync(TEMPLATE, 'utf8'),
    '.gitlab-ci.yml': 'include:\n  - local: clair-scan.gitlab-ci.yml\n',
  },
): { dir: string; image: string } {
  const dir = path.join(root, name);
  fs.mkdirSync(dir);
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.email=ci@example.test', '-c', 'user.name=ci', ...args], {
      cwd: dir,
      encoding: 'utf8',
    });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'pipeline');
  const image = `${bridge.registry}/acme/shop:${git('rev-parse', 'HEAD').trim()}`;
  bridgeDocker('tag', FIXTURE, image);
  bridgeDocker('push', '-q', image);
  bridgeDocker('rmi', image);
  return { dir, image };
}

/**
 * The CI/CD variables a user sets: the images (this machine's builds), the registry's plain HTTP; and the project's
 * registry, which GitLab predefines (CI_REGISTRY, CI_REGISTRY_IMAGE) and gitlab-ci-local fills with a name of its own.
 */
function variables(extra: Record<string, string> = {}): Record<string, string> {
  return {
    CI_REGISTRY: bridge.registry,
    CI_REGISTRY_IMAGE: `${bridge.registry}/acme/shop`,
    CLAIR_SCAN_TOOL_IMAGE: toolImage,
    CLAIR_SCAN_DB_IMAGE: DB_IMAGE,
    CLAIR_SCAN_REGISTRY_INSECURE: 'true',
    ...extra,
  };
}

/* eslint-disable @typescript-eslint/no-explicit-any */
function artifact(dir: string, file: string): string {
  return path.join(dir, '.gitlab-ci-local', 'artifacts', 'clair-scan', 'clair-scan-reports', file);
}

beforeAll(async () => {
  const env = loadTestEnv();
  if (!env.toolImage)
    throw new Error(
      '.testenv/env.json has no toolImage: run `bash scripts/test-env.sh up` (it builds docker/Dockerfile as localhost/clair-scan-test/tool:dev)',
    );
  if (!fs.existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run \`npm run bundle\` first`);
  toolImage = env.toolImage;
  root = testTempDir('cs-gcl-svc-');
  // The database image, as a user's nightly job builds it (here from the fixture snapshot, on the test daemon).
  await execFileP(
    process.execPath,
    [
      CLI_BUNDLE,
      'data',
      'image',
      'build',
      '--from',
      path.join(REPO_ROOT, '.testenv', 'fixtures', 'vulns.jsonl'),
      '--tag',
      DB_IMAGE,
      '--clair-image',
      env.clairImage,
      '--postgres-image',
      env.postgresImage,
      '--pull',
      'never',
    ],
    {
      timeout: 10 * 60_000,
      env: { ...process.env, DOCKER_HOST: env.dockerHost },
    },
  );
  const line = (await bridgeDaemon(['up', toolImage, DB_IMAGE, FIXTURE])).trim().split('\n').pop() ?? '';
  bridge = JSON.parse(line) as Bridge;
});

afterAll(async () => {
  if (bridge) {
    try {
      // gitlab-ci-local does not wait for its own cleanup of the last job's containers and network before it exits
      // (job.js calls cleanupResources() without awaiting it): remove what it left on this daemon, which only this
      // test file uses.
      // Removals it started may still be in progress (vfs): bounded wait.
      for (let i = 0; i < 120; i++) {
        const left = bridgeDocker('ps', '-aq');
        if (!left) break;
        for (const id of left.split('\n')) {
          try {
            bridgeDocker('rm', '-f', '-v', id);
          } catch {
            // already being removed
          }
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
      bridgeDocker('rmi', '-f', DB_IMAGE);
      bridgeDocker('network', 'prune', '-f');
      bridgeDocker('volume', 'prune', '-f');
    } finally {
      await bridgeDaemon(['down']);
    }
  }
  execFileSync('docker', ['rmi', '-f', DB_IMAGE], { stdio: 'ignore' });
});

test('a branch pipeline: the database image as a service, Clair in the tool image, the registry image scanned with exact findings; the verdict fails the gate (exit 1)', async () => {
  const { dir, image } = project('branch');
  const run = await gcl(dir, variables());
  expect({ scan: jobOutcome(run, 'clair-scan'), gate: jobOutcome(run, 'clair-scan-gate') }).toEqual({
    scan: 'PASS',
    gate: 1,
  });
  expect(run.code).toBe(1);
  // A real service container of the database image, under its alias, passed gitlab-ci-local's health check.
  expect(run.out).toContain(`clair-scan      started service image: ${DB_IMAGE} with aliases: `);
  expect(run.out).toMatch(/started service image: \S+ with aliases: [^\n]*\bclair-db\b/);
  expect(run.out).toContain(`service image: ${DB_IMAGE} healthcheck passed`);
  expect(run.out).toContain(`clair-scan      starting ${toolImage} (test)`);
  // Clair ran as a process in the job, against the service; no Docker daemon was asked for anything.
  expect(run.out).toMatch(
    /Starting Clair \(\/usr\/local\/bin\/clair\) as a process against the PostgreSQL at clair-db:5432/,
  );
  expect(run.out).toContain(`database image ${DB_IMAGE}`);
  expect(run.out).not.toMatch(/\*\*\*-/); // no public word masked out of the log
  const report = JSON.parse(fs.readFileSync(artifact(dir, 'gl-container-scanning-report.json'), 'utf8'));
  expect(validateGitlab(report)).toBeNull();
  expect(report.scan.status).toBe('success');
  expect(report.vulnerabilities.map((v: any) => v.identifiers[0].value).sort()).toEqual(EXPECTED_IDS);
  // The template's default image: $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA.
  expect(new Set(report.vulnerabilities.map((v: any) => v.location.image))).toEqual(new Set([image]));
  const dotenv = Object.fromEntries(
    fs
      .readFileSync(artifact(dir, 'clair-scan.env'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  expect(dotenv).toMatchObject({
    CLAIR_SCAN_VERDICT: 'fail',
    CLAIR_SCAN_ENFORCED: 'true',
    CLAIR_SCAN_EXIT_CODE: '1',
    CLAIR_SCAN_TOTAL: '6',
    CLAIR_SCAN_CRITICAL: '1',
    CLAIR_SCAN_HIGH: '1',
  });
  expect(run.out).toMatch(
    /clair-scan-gate\s+> clair-scan verdict: fail \(critical 1, high 1, medium 1, low 1; reports: https?:\/\/\S+\)/,
  );
});

test('with fail-on critical>1 (one Critical found) the same scan passes the gate (exit 0)', async () => {
  const { dir } = project('critical-pass');
  const run = await gcl(dir, variables({ CLAIR_SCAN_FAIL_ON: 'critical>1' }));
  expect({ scan: jobOutcome(run, 'clair-scan'), gate: jobOutcome(run, 'clair-scan-gate'), code: run.code }).toEqual({
    scan: 'PASS',
    gate: 'PASS',
    code: 0,
  });
  expect(fs.readFileSync(artifact(dir, 'clair-scan.env'), 'utf8')).toMatch(/^CLAIR_SCAN_VERDICT=pass$/m);
});

test('an image missing from the registry: the scan job fails (exit 2), the gate never runs', async () => {
  const { dir } = project('missing-image');
  const run = await gcl(dir, variables({ CS_IMAGE: `${bridge.registry}/acme/shop:no-such-${RUN}` }));
  expect(jobOutcome(run, 'clair-scan')).toBe(2);
  expect(jobOutcome(run, 'clair-scan-gate')).toBeUndefined();
  expect(run.code).toBe(1);
});

test('the CI/CD component (its inputs given by a local include, default mode: services): a critical threshold, the Critical finding fails the gate (exit 1)', async () => {
  const include = [
    'include:',
    '  - local: template.yml',
    '    inputs:',
    `      tool-image: ${toolImage}`,
    `      db-image: ${DB_IMAGE}`,
    '      severity-threshold: critical',
    '',
  ].join('\n');
  const { dir, image } = project('component', {
    'template.yml': fs.readFileSync(COMPONENT, 'utf8'),
    '.gitlab-ci.yml': include,
  });
  const { CLAIR_SCAN_TOOL_IMAGE: _t, CLAIR_SCAN_DB_IMAGE: _d, ...vars } = variables();
  const run = await gcl(dir, vars);
  expect({ scan: jobOutcome(run, 'clair-scan'), gate: jobOutcome(run, 'clair-scan-gate'), code: run.code }).toEqual({
    scan: 'PASS',
    gate: 1,
    code: 1,
  });
  expect(run.out).toMatch(/started service image: \S+ with aliases: [^\n]*\bclair-db\b/);
  const report = JSON.parse(fs.readFileSync(artifact(dir, 'gl-container-scanning-report.json'), 'utf8'));
  expect(validateGitlab(report)).toBeNull();
  expect(report.vulnerabilities.map((v: any) => v.identifiers[0].value).sort()).toEqual(EXPECTED_IDS);
  expect(new Set(report.vulnerabilities.map((v: any) => v.location.image))).toEqual(new Set([image]));
  expect(fs.readFileSync(artifact(dir, 'clair-scan.env'), 'utf8')).toMatch(
    /^CLAIR_SCAN_REASONS=1 finding at or above Critical/m,
  );
});
