/**
 * The GitLab Container Scanning drop-in, as real pipelines under gitlab-ci-local 4.56.0: GitLab's CS_* variables and
 * CONTAINER_SCANNING_DISABLED in the include template and the CI/CD component (docs/gitlab-migration.md).
 *
 * Set where GitLab's docs set them — the top-level `variables:` of the user's .gitlab-ci.yml — the template's
 * defaults must not win over them (a job-level default would), and CLAIR_SCAN_* must win over CS_*. The scans are
 * real: the fixture image pushed to the test registry (htpasswd, plain HTTP on loopback) and read from it, Clair and
 * PostgreSQL as containers of the test daemon (the dind mode with gitlab-ci-local's shell executor, as
 * ci-local.test.ts does: images cannot be pulled here), the CLI bundle as `clair-scan`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadTestEnv, REPO_ROOT } from '../../helpers/testenv';
import { testTempDir } from '../../helpers/tmp';
import { validateGitlab } from '../../unit/report/schemas';

const GCL = path.join(REPO_ROOT, 'node_modules', 'gitlab-ci-local', 'src', 'index.js');
const TEMPLATE = path.join(REPO_ROOT, 'templates', 'clair-scan.gitlab-ci.yml');
const COMPONENT = path.join(REPO_ROOT, 'templates', 'clair-scan', 'template.yml');
const CLI_BUNDLE = path.join(REPO_ROOT, 'dist', 'cli', 'index.js');
const FIXTURE = 'localhost/clair-scan-fixture/debian-vuln:1';
const ALL_IDS = ['CVE-2099-1001', 'CVE-2099-1002', 'CVE-2099-1003', 'CVE-2099-1004', 'CVE-2099-1005', 'CVE-2099-1006'];
// FIXTURES.md: CVE-2099-1002 (zlib1g) and CVE-2099-1005 (tar) have no fixed version.
const FIXED_IDS = ['CVE-2099-1001', 'CVE-2099-1003', 'CVE-2099-1004', 'CVE-2099-1006'];
const RUN = randomBytes(4).toString('hex');

const env = loadTestEnv();
const REG = env.registry.address;
const IMAGE = `${REG}/cs-drop-in-${RUN}/shop:1`;
const DEFAULT_BRANCH_IMAGE = `${REG}/cs-drop-in-${RUN}/shop/main:latest`;

let root: string;
let shimDir: string;

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function project(name: string, files: Record<string, string>): string {
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
  return dir;
}

interface GclRun {
  code: number | null;
  out: string;
}

async function gcl(dir: string, args: string[], variables: Record<string, string> = {}): Promise<GclRun> {
  const argv = [GCL, ...args, ...Object.entries(variables).flatMap(([k, v]) => ['--variable', `${k}=${v}`])];
  const chunks: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, argv, {
      cwd: dir,
      env: {
        ...process.env,
        PATH: [shimDir, path.dirname(process.execPath), process.env.PATH].join(':'),
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

/** The CI/CD variables (they win over the YAML's) of this machine's dind stand-in and the project's registry. */
function cicd(extra: Record<string, string> = {}): Record<string, string> {
  return {
    CLAIR_SCAN_CLAIR_IMAGE: env.clairImage,
    CLAIR_SCAN_POSTGRES_IMAGE: env.postgresImage,
    CLAIR_SCAN_PULL: 'never',
    DOCKER_HOST: env.dockerHost,
    DOCKER_TLS_CERTDIR: '',
    DOCKER_TLS_VERIFY: '',
    DOCKER_CERT_PATH: '',
    CLAIR_SCAN_VULN_DATA: path.join(REPO_ROOT, '.testenv', 'fixtures', 'vulns.jsonl'),
    // The project's registry, as GitLab predefines it (the credentials are sent only to CI_REGISTRY by default).
    CI_REGISTRY: REG,
    ...extra,
  };
}

/* eslint-disable @typescript-eslint/no-explicit-any */
function artifact(dir: string, file: string): string {
  return path.join(dir, '.gitlab-ci-local', 'artifacts', 'clair-scan', 'clair-scan-reports', file);
}

function gitlabReport(dir: string): any {
  const report = JSON.parse(fs.readFileSync(artifact(dir, 'gl-container-scanning-report.json'), 'utf8'));
  expect(validateGitlab(report)).toBeNull();
  return report;
}

const SHELL_ARGS = ['--shell-executor-no-image', '--json-schema-validation=false'];
const TEMPLATE_SHELL = `
clair-scan:
  extends: .clair-scan-dind
  image: null
  services: null
clair-scan-gate:
  image: null
`;
const COMPONENT_SHELL = `
clair-scan:
  image: null
  services: null
clair-scan-gate:
  image: null
`;

beforeAll(() => {
  if (!fs.existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run \`npm run bundle\` first`);
  if (!fs.existsSync(GCL)) throw new Error(`${GCL} is missing: run \`npm ci\` (gitlab-ci-local is a devDependency)`);
  root = testTempDir('cs-gcl-cs-');
  shimDir = path.join(root, 'bin');
  fs.mkdirSync(shimDir);
  fs.writeFileSync(path.join(shimDir, 'clair-scan'), `#!/bin/sh\nexec node ${shellQuote(CLI_BUNDLE)} "$@"\n`, {
    mode: 0o755,
  });
  // The image "an earlier job pushed": the fixture in the test registry, with a Docker CLI config of this test's own.
  const config = path.join(root, 'docker-config');
  fs.mkdirSync(config);
  const docker = (...args: string[]): string =>
    execFileSync('docker', ['--config', config, ...args], {
      encoding: 'utf8',
      input: args[0] === 'login' ? env.registry.password : undefined,
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 5 * 60_000,
    });
  docker('login', '-u', env.registry.username, '--password-stdin', REG);
  docker('tag', FIXTURE, IMAGE);
  try {
    docker('push', '-q', IMAGE);
  } finally {
    docker('rmi', IMAGE);
  }
});

describe("rules: CONTAINER_SCANNING_DISABLED, as GitLab's own template reads it", () => {
  const files = (which: 'template' | 'component'): Record<string, string> =>
    which === 'template'
      ? {
          'clair-scan.gitlab-ci.yml': fs.readFileSync(TEMPLATE, 'utf8'),
          '.gitlab-ci.yml': 'include:\n  - local: clair-scan.gitlab-ci.yml\n',
        }
      : { 'template.yml': fs.readFileSync(COMPONENT, 'utf8'), '.gitlab-ci.yml': 'include:\n  - local: template.yml\n' };

  test.each<['template' | 'component', Record<string, string>, string[]]>([
    ['template', { CONTAINER_SCANNING_DISABLED: 'true' }, []],
    ['template', { CONTAINER_SCANNING_DISABLED: '1' }, []],
    [
      'template',
      { CONTAINER_SCANNING_DISABLED: 'true', CLAIR_SCAN_DISABLED: 'false' },
      ['clair-scan', 'clair-scan-gate'],
    ],
    ['template', { CONTAINER_SCANNING_DISABLED: 'false' }, ['clair-scan', 'clair-scan-gate']],
    ['component', { CONTAINER_SCANNING_DISABLED: 'true' }, []],
    ['component', { CONTAINER_SCANNING_DISABLED: 'true', CLAIR_SCAN_DISABLED: '0' }, ['clair-scan', 'clair-scan-gate']],
  ])('the %s with %j: jobs %j', async (which, variables, want) => {
    const dir = project(`rules-${which}-${Object.values(variables).join('-')}`, files(which));
    const run = await gcl(dir, ['--list-json'], variables);
    expect({ code: run.code, out: run.code === 0 ? '' : run.out }).toEqual({ code: 0, out: '' });
    const jobs = JSON.parse(run.out.slice(run.out.indexOf('['))) as { name: string; when: string }[];
    expect(jobs.filter((j) => j.when !== 'never').map((j) => j.name)).toEqual(want);
  });
});

describe('real scans with CS_* variables', () => {
  test("the include template, CS_* in the user's top-level variables: the image from the registry over plain HTTP (logged), unfixed findings left out, default_branch_image and the Dockerfile path in the reports", async () => {
    const dir = project('template-top-level', {
      'clair-scan.gitlab-ci.yml': fs.readFileSync(TEMPLATE, 'utf8'),
      '.gitlab-ci.yml': [
        'include:',
        '  - local: clair-scan.gitlab-ci.yml',
        'variables:',
        `  CS_IMAGE: "${IMAGE}"`,
        '  CS_IGNORE_UNFIXED: "true"',
        '  CS_REGISTRY_INSECURE: "true"',
        `  CS_DEFAULT_BRANCH_IMAGE: "${DEFAULT_BRANCH_IMAGE}"`,
        '  CS_DOCKERFILE_PATH: "docker/app/Dockerfile"',
        TEMPLATE_SHELL,
      ].join('\n'),
    });
    // The registry credentials as CI/CD variables, in GitLab's names.
    const run = await gcl(
      dir,
      SHELL_ARGS,
      cicd({ CS_REGISTRY_USER: env.registry.username, CS_REGISTRY_PASSWORD: env.registry.password }),
    );
    expect({
      scan: jobOutcome(run, 'clair-scan'),
      out: jobOutcome(run, 'clair-scan') === 'PASS' ? '' : run.out,
    }).toEqual({ scan: 'PASS', out: '' });
    const report = gitlabReport(dir);
    expect(report.vulnerabilities.map((v: any) => v.identifiers[0].value).sort()).toEqual(FIXED_IDS);
    expect(new Set(report.vulnerabilities.map((v: any) => v.location.image))).toEqual(new Set([IMAGE]));
    expect(new Set(report.vulnerabilities.map((v: any) => v.location.default_branch_image))).toEqual(
      new Set([DEFAULT_BRANCH_IMAGE]),
    );
    const sarif = JSON.parse(fs.readFileSync(artifact(dir, 'clair-scan.sarif'), 'utf8'));
    const uris = new Set(
      sarif.runs.flatMap((r: any) =>
        r.results.flatMap((x: any) => x.locations.map((l: any) => l.physicalLocation.artifactLocation.uri)),
      ),
    );
    expect(uris).toEqual(new Set(['docker/app/Dockerfile']));
    expect(run.out).toMatch(new RegExp(`registry-insecure: talking plain HTTP to ${REG.replace(/\./g, '\\.')}`));
    expect(run.out).not.toContain(env.registry.password);
    // The gate counts only findings with a fix (ignore-unfixed): the Critical one fails it.
    expect(jobOutcome(run, 'clair-scan-gate')).toBe(1);
  });

  test('the CI/CD component, CS_* as CI/CD variables: the CLI maps them; a CLAIR_SCAN_* variable set as well wins', async () => {
    const dir = project('component', {
      'template.yml': fs.readFileSync(COMPONENT, 'utf8'),
      '.gitlab-ci.yml': `include:\n  - local: template.yml\n    inputs:\n      mode: dind\n      image: "${IMAGE}"\n${COMPONENT_SHELL}`,
    });
    const run = await gcl(
      dir,
      SHELL_ARGS,
      cicd({
        CI_REGISTRY_USER: env.registry.username,
        CI_REGISTRY_PASSWORD: env.registry.password,
        CS_IGNORE_UNFIXED: 'true',
        CS_DEFAULT_BRANCH_IMAGE: DEFAULT_BRANCH_IMAGE,
        // Both given: clair-scan's own wins.
        CS_DOCKERFILE_PATH: 'from-cs/Dockerfile',
        CLAIR_SCAN_DOCKERFILE: 'from-clair-scan/Dockerfile',
      }),
    );
    expect({
      scan: jobOutcome(run, 'clair-scan'),
      out: jobOutcome(run, 'clair-scan') === 'PASS' ? '' : run.out,
    }).toEqual({ scan: 'PASS', out: '' });
    const report = gitlabReport(dir);
    expect(report.vulnerabilities.map((v: any) => v.identifiers[0].value).sort()).toEqual(FIXED_IDS);
    expect(new Set(report.vulnerabilities.map((v: any) => v.location.default_branch_image))).toEqual(
      new Set([DEFAULT_BRANCH_IMAGE]),
    );
    const sarif = JSON.parse(fs.readFileSync(artifact(dir, 'clair-scan.sarif'), 'utf8'));
    expect(
      new Set(
        sarif.runs.flatMap((r: any) =>
          r.results.flatMap((x: any) => x.locations.map((l: any) => l.physicalLocation.artifactLocation.uri)),
        ),
      ),
    ).toEqual(new Set(['from-clair-scan/Dockerfile']));
    expect(run.out).toMatch(/ignore-unfixed: from GitLab's CS_IGNORE_UNFIXED \(true\)/);
    expect(run.out).not.toMatch(/dockerfile: from GitLab's CS_DOCKERFILE_PATH/);
  });

  test('CLAIR_SCAN_IGNORE_UNFIXED "false" beside a top-level CS_IGNORE_UNFIXED "true": every finding is reported', async () => {
    const dir = project('precedence', {
      'clair-scan.gitlab-ci.yml': fs.readFileSync(TEMPLATE, 'utf8'),
      '.gitlab-ci.yml': [
        'include:',
        '  - local: clair-scan.gitlab-ci.yml',
        'variables:',
        `  CS_IMAGE: "${IMAGE}"`,
        '  CS_IGNORE_UNFIXED: "true"',
        TEMPLATE_SHELL,
      ].join('\n'),
    });
    const run = await gcl(
      dir,
      SHELL_ARGS,
      cicd({
        CS_REGISTRY_USER: env.registry.username,
        CS_REGISTRY_PASSWORD: env.registry.password,
        CLAIR_SCAN_IGNORE_UNFIXED: 'false',
      }),
    );
    expect({
      scan: jobOutcome(run, 'clair-scan'),
      out: jobOutcome(run, 'clair-scan') === 'PASS' ? '' : run.out,
    }).toEqual({ scan: 'PASS', out: '' });
    const report = gitlabReport(dir);
    expect(report.vulnerabilities.map((v: any) => v.identifiers[0].value).sort()).toEqual(ALL_IDS);
    expect(report.vulnerabilities.filter((v: any) => 'default_branch_image' in v.location)).toEqual([]);
  });
});
