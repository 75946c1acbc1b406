/**
 * The GitLab template as a real pipeline under gitlab-ci-local (npm gitlab-ci-local 4.56.0, a GitLab CI runner
 * emulation nobody here wrote): its include, `extends`, rules, variable precedence, artifacts, artifacts:reports:
 * dotenv handed to the `needs:` job, and the gate's exit code. gitlab-ci-local sets GITLAB_CI=false, so this is
 * also the proof that the template asks for GitLab's behaviours itself (CLAIR_SCAN_CI_PLATFORM: gitlab).
 *
 * Here the DIND mode runs, with gitlab-ci-local's shell executor: images cannot be pulled on this machine, so the
 * pipeline's own .gitlab-ci.yml (a user's file) includes the template unchanged and takes the images away
 * (`image: null`, `services: null`: jobs without an image run on this host under `--shell-executor-no-image`); the
 * test Docker daemon plays docker:dind (DOCKER_HOST given as a CI/CD variable, as the template's header documents
 * for plain TCP) and `clair-scan` on the PATH is the bundled CLI, as the tool image has it. `image: null` is refused
 * by GitLab's schema, so the run disables the schema check; the template itself, included as a user includes it,
 * passes gitlab-ci-local's GitLab-schema validation in its own test. The services mode (the default) runs under the
 * docker executor in services-pipeline.test.ts. The merge request note is written by the job under gitlab-ci-local too,
 * to the simulated GitLab API (only the web API is simulated).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadTestEnv, REPO_ROOT } from '../../helpers/testenv';
import { testTempDir } from '../../helpers/tmp';
import { validateGitlab } from '../../unit/report/schemas';
import { GitLabApiServer } from '../../helpers/gitlab-api-server';

const GCL = path.join(REPO_ROOT, 'node_modules', 'gitlab-ci-local', 'src', 'index.js');
const TEMPLATE = path.join(REPO_ROOT, 'templates', 'clair-scan.gitlab-ci.yml');
const COMPONENT = path.join(REPO_ROOT, 'templates', 'clair-scan', 'template.yml');
const CLI_BUNDLE = path.join(REPO_ROOT, 'dist', 'cli', 'index.js');
const IMAGE = 'localhost/clair-scan-fixture/debian-vuln:1';
const EXPECTED_IDS = [
  'CVE-2099-1001',
  'CVE-2099-1002',
  'CVE-2099-1003',
  'CVE-2099-1004',
  'CVE-2099-1005',
  'CVE-2099-1006',
];

/** What a user's .gitlab-ci.yml adds to run the template's jobs with the shell executor, dind mode. */
const SHELL_OVERRIDES = `
clair-scan:
  extends: .clair-scan-dind
  image: null
  services: null
clair-scan-gate:
  image: null
`;

/**
 * A merge request pipeline's predefined variables: gitlab-ci-local runs a push pipeline and fills CI_COMMIT_BRANCH
 * from git, which GitLab leaves unset in merge request pipelines.
 */
const MR: Record<string, string> = {
  CI_PIPELINE_SOURCE: 'merge_request_event',
  CI_MERGE_REQUEST_IID: '17',
  CI_COMMIT_BRANCH: '',
};

let root: string;
let shimDir: string;

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A git repository (gitlab-ci-local reads the commit, branch and remote from it) holding the pipeline. */
function project(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir);
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('init', '-q', '-b', 'feature/login');
  git('-c', 'user.email=ci@example.test', '-c', 'user.name=ci', 'add', '-A');
  git('-c', 'user.email=ci@example.test', '-c', 'user.name=ci', 'commit', '-q', '-m', 'pipeline');
  return dir;
}

interface GclRun {
  code: number | null;
  out: string;
}

/** Runs gitlab-ci-local in `dir`: its exit code and its whole output (colour off). Bounded in time. */
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

/** How gitlab-ci-local says a job ended: `PASS`, or the exit code of a failed job; undefined if it did not run. */
function jobOutcome(run: GclRun, job: string): 'PASS' | number | undefined {
  const m = new RegExp(`^${job}\\s+finished in [^\\n]*?(?:FAIL (\\d+))?\\s*$`, 'm').exec(run.out);
  if (!m) return undefined;
  return m[1] === undefined ? 'PASS' : Number(m[1]);
}

/** The variables a user sets as CI/CD variables for the dind mode on this machine (they win over the job's). */
function dindVariables(extra: Record<string, string>): Record<string, string> {
  const env = loadTestEnv();
  return {
    CLAIR_SCAN_CLAIR_IMAGE: env.clairImage,
    CLAIR_SCAN_POSTGRES_IMAGE: env.postgresImage,
    CLAIR_SCAN_PULL: 'never',
    // The header's plain-TCP variables, pointed at the test daemon (it plays docker:dind).
    DOCKER_HOST: env.dockerHost,
    DOCKER_TLS_CERTDIR: '',
    DOCKER_TLS_VERIFY: '',
    DOCKER_CERT_PATH: '',
    CS_IMAGE: IMAGE,
    CLAIR_SCAN_VULN_DATA: path.join(REPO_ROOT, '.testenv', 'fixtures', 'vulns.jsonl'),
    ...extra,
  };
}

/* eslint-disable @typescript-eslint/no-explicit-any */
/** The scan job's artifacts as gitlab-ci-local keeps them. */
function artifact(dir: string, file: string): string {
  return path.join(dir, '.gitlab-ci-local', 'artifacts', 'clair-scan', 'clair-scan-reports', file);
}

function expectReport(dir: string): void {
  const report = JSON.parse(fs.readFileSync(artifact(dir, 'gl-container-scanning-report.json'), 'utf8'));
  expect(validateGitlab(report)).toBeNull();
  expect(report.scan.status).toBe('success');
  expect(report.vulnerabilities.map((v: any) => v.identifiers[0].value).sort()).toEqual(EXPECTED_IDS);
  expect(new Set(report.vulnerabilities.map((v: any) => v.location.image))).toEqual(new Set([IMAGE]));
}

function dotenv(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readFileSync(artifact(dir, 'clair-scan.env'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

beforeAll(() => {
  if (!fs.existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run \`npm run bundle\` first`);
  if (!fs.existsSync(GCL)) throw new Error(`${GCL} is missing: run \`npm ci\` (gitlab-ci-local is a devDependency)`);
  execFileSync('rsync', ['--version'], { stdio: 'ignore' }); // gitlab-ci-local copies with it (scripts/test-env.sh installs it)
  root = testTempDir('cs-gcl-');
  shimDir = path.join(root, 'bin');
  fs.mkdirSync(shimDir);
  fs.writeFileSync(path.join(shimDir, 'clair-scan'), `#!/bin/sh\nexec node ${shellQuote(CLI_BUNDLE)} "$@"\n`, {
    mode: 0o755,
  });
});

describe("GitLab's schema and rules, as gitlab-ci-local evaluates them", () => {
  test('the template included unchanged passes the schema check; a branch pipeline creates both jobs, the gate needing the scan', async () => {
    const dir = project('list', {
      'clair-scan.gitlab-ci.yml': fs.readFileSync(TEMPLATE, 'utf8'),
      '.gitlab-ci.yml': 'include:\n  - local: clair-scan.gitlab-ci.yml\n',
    });
    const run = await gcl(dir, ['--list-json']);
    expect({ code: run.code, out: run.code === 0 ? '' : run.out }).toEqual({ code: 0, out: '' });
    const jobs = JSON.parse(run.out.slice(run.out.indexOf('['))) as {
      name: string;
      when: string;
      needs?: { job: string; artifacts: boolean }[];
      stage: string;
    }[];
    expect(jobs.map((j) => [j.name, j.stage, j.when, (j.needs ?? []).map((n) => [n.job, n.artifacts])])).toEqual([
      ['clair-scan', 'test', 'on_success', []],
      ['clair-scan-gate', 'test', 'on_success', [['clair-scan', true]]],
    ]);
    // The default is the services mode: the database image as a service, Clair in the job; dind only on request.
    const preview = await gcl(dir, ['--preview']);
    expect(preview.code).toBe(0);
    expect(preview.out).toMatch(
      /clair-scan:\n {2}services:\n {4}- name: \$CLAIR_SCAN_DB_IMAGE\n(?: {6}.*\n)* {6}alias: clair-db\n/,
    );
    expect(preview.out).not.toMatch(/dind/);
  });

  test.each<[string, Record<string, string>, string[]]>([
    ['CLAIR_SCAN_DISABLED=true: no job', { CLAIR_SCAN_DISABLED: 'true' }, []],
    ['a merge request pipeline without the opt-in: no job', { ...MR }, []],
    [
      'a merge request pipeline, CLAIR_SCAN_MR_PIPELINES=true: both',
      { ...MR, CLAIR_SCAN_MR_PIPELINES: 'true' },
      ['clair-scan', 'clair-scan-gate'],
    ],
  ])('%s', async (_name, variables, want) => {
    const dir = project(`rules-${Object.keys(variables).length}-${want.length}`, {
      'clair-scan.gitlab-ci.yml': fs.readFileSync(TEMPLATE, 'utf8'),
      '.gitlab-ci.yml': 'include:\n  - local: clair-scan.gitlab-ci.yml\n',
    });
    const run = await gcl(dir, ['--list-json'], variables);
    expect(run.code).toBe(0);
    const jobs = JSON.parse(run.out.slice(run.out.indexOf('['))) as { name: string; when: string }[];
    expect(jobs.filter((j) => j.when !== 'never').map((j) => j.name)).toEqual(want);
  });

  test('the CI/CD component, its inputs given by a local include, passes the schema check in both modes', async () => {
    for (const mode of ['services', 'dind']) {
      const dir = project(`component-${mode}`, {
        'template.yml': fs.readFileSync(COMPONENT, 'utf8'),
        '.gitlab-ci.yml': `include:\n  - local: template.yml\n    inputs:\n      mode: ${mode}\n      severity-threshold: critical\n`,
      });
      const run = await gcl(dir, ['--preview']);
      expect({ mode, code: run.code, out: run.code === 0 ? '' : run.out }).toEqual({ mode, code: 0, out: '' });
      expect(run.out).toContain('CLAIR_SCAN_SEVERITY_THRESHOLD: critical');
      expect(run.out).toContain('CLAIR_SCAN_CI_PLATFORM: gitlab');
      if (mode === 'dind') expect(run.out).toMatch(/- name: docker:27-dind\n\s+alias: docker/);
      else expect(run.out).toMatch(/- name: \$CLAIR_SCAN_DB_IMAGE\n(?: {6}.*\n)* {6}alias: clair-db/);
    }
  });
});

describe('dind mode with the shell executor: real scans, the verdict through dotenv to the gate', () => {
  const files = (): Record<string, string> => ({
    'clair-scan.gitlab-ci.yml': fs.readFileSync(TEMPLATE, 'utf8'),
    '.gitlab-ci.yml': `include:\n  - local: clair-scan.gitlab-ci.yml\n${SHELL_OVERRIDES}`,
  });
  const SHELL_ARGS = ['--shell-executor-no-image', '--json-schema-validation=false'];

  test('a branch pipeline: the scan job succeeds with the exact findings and a schema-valid report; its verdict fails the gate (exit 1)', async () => {
    const dir = project('branch', files());
    const run = await gcl(dir, SHELL_ARGS, dindVariables({}));
    expect(jobOutcome(run, 'clair-scan')).toBe('PASS');
    expect(jobOutcome(run, 'clair-scan-gate')).toBe(1);
    expect(run.code).toBe(1);
    // gitlab-ci-local's GITLAB_CI=false did not stop the dotenv: the template asked for GitLab explicitly.
    expect(run.out).toMatch(/clair-scan\s+> .*verdict for later jobs: /);
    expectReport(dir);
    expect(dotenv(dir)).toMatchObject({
      CLAIR_SCAN_VERDICT: 'fail',
      CLAIR_SCAN_ENFORCED: 'true',
      CLAIR_SCAN_EXIT_CODE: '1',
      CLAIR_SCAN_TOTAL: '6',
      CLAIR_SCAN_CRITICAL: '1',
      CLAIR_SCAN_HIGH: '1',
    });
    // The gate read the verdict from the dotenv report, as `needs:` hands it over.
    expect(run.out).toMatch(
      /clair-scan-gate\s+> clair-scan verdict: fail \(critical 1, high 1, medium 1, low 1; reports: https?:\/\/\S+\/-\/jobs\/\d+\)/,
    );
    expect(run.out).toMatch(/clair-scan-gate\s+> the policy failed: 2 findings at or above High/);
    // GitLab's log sections around the long phases (the CLI's ci-platform is gitlab).
    expect(fs.readFileSync(path.join(dir, '.gitlab-ci-local', 'output', 'clair-scan.log'), 'utf8')).toMatch(
      /section_start:\d+:clair_scan_\S+\[collapsed=true\]/,
    );
  });

  test('a merge request pipeline (opted in), report-only: the gate passes (exit 0) and says why', async () => {
    const dir = project('mr', files());
    const run = await gcl(
      dir,
      SHELL_ARGS,
      dindVariables({ ...MR, CLAIR_SCAN_MR_PIPELINES: 'true', CLAIR_SCAN_FAIL: 'false' }),
    );
    expect({ scan: jobOutcome(run, 'clair-scan'), gate: jobOutcome(run, 'clair-scan-gate'), code: run.code }).toEqual({
      scan: 'PASS',
      gate: 'PASS',
      code: 0,
    });
    expectReport(dir);
    expect(dotenv(dir)).toMatchObject({
      CLAIR_SCAN_VERDICT: 'fail',
      CLAIR_SCAN_ENFORCED: 'false',
      CLAIR_SCAN_EXIT_CODE: '0',
    });
    expect(run.out).toMatch(/clair-scan-gate\s+> report-only \(CLAIR_SCAN_FAIL: "false"\): the pipeline goes on/);
  });

  test('a merge request pipeline with a token: the sticky note goes through the (simulated) notes API, and the next pipeline updates it in place', async () => {
    // Only the GitLab web API is simulated (every request checked against GitLab's API description); the runner,
    // its variables and the job's script are gitlab-ci-local's. The token is a masked CI/CD variable.
    const token = `glpat-${Date.now().toString(16)}${process.pid.toString(16)}`;
    const projectId = '4711';
    const gitlab = new GitLabApiServer(token);
    await gitlab.start();
    try {
      const dir = project('mr-note', files());
      const vars = dindVariables({
        ...MR,
        CLAIR_SCAN_MR_PIPELINES: 'true',
        CI_SERVER_URL: gitlab.url,
        CI_API_V4_URL: gitlab.apiUrl,
        CI_PROJECT_ID: projectId,
        CLAIR_SCAN_GITLAB_TOKEN: token,
      });
      const ids: number[] = [];
      for (const round of [1, 2]) {
        const run = await gcl(dir, SHELL_ARGS, vars);
        expect({ round, scan: jobOutcome(run, 'clair-scan'), gate: jobOutcome(run, 'clair-scan-gate') }).toEqual({
          round,
          scan: 'PASS',
          gate: 1,
        });
        expect(run.out).not.toContain(token);
        const notes = gitlab.notesOn(projectId, Number(MR.CI_MERGE_REQUEST_IID));
        expect(notes).toHaveLength(1);
        expect(notes[0].body).toMatch(/^<!-- clair-scan:[0-9a-f]{16} -->\n/);
        expect(notes[0].body).toMatch(/policy failed/);
        for (const id of EXPECTED_IDS.slice(0, 2)) expect(notes[0].body).toContain(id);
        ids.push(notes[0].id);
      }
      // One note: created by the first pipeline, the same note (edited, or left as it was) after the second.
      expect(ids[1]).toBe(ids[0]);
      const posts = gitlab.requests.filter((r) => r.method === 'POST' && /\/notes/.test(r.url));
      expect(posts).toHaveLength(1);
      expect(gitlab.requests.filter((r) => r.token !== token || r.status >= 300)).toEqual([]);
      expect(gitlab.problems).toEqual([]);
    } finally {
      await gitlab.stop();
    }
  });

  test('CLAIR_SCAN_DISABLED=true: nothing runs, nothing is scanned', async () => {
    const dir = project('disabled', files());
    const run = await gcl(dir, SHELL_ARGS, dindVariables({ CLAIR_SCAN_DISABLED: 'true' }));
    expect(jobOutcome(run, 'clair-scan')).toBeUndefined();
    expect(jobOutcome(run, 'clair-scan-gate')).toBeUndefined();
    expect(fs.existsSync(artifact(dir, 'clair-scan.env'))).toBe(false);
  });

  test("without the explicit platform (CLAIR_SCAN_CI_PLATFORM emptied) gitlab-ci-local's GITLAB_CI=false means no verdict: the gate fails closed (exit 2)", async () => {
    // What the template did before it asked for GitLab itself: the CLI sniffed GITLAB_CI.
    const dir = project('sniffed', files());
    const run = await gcl(dir, SHELL_ARGS, dindVariables({ CLAIR_SCAN_CI_PLATFORM: '' }));
    expect(jobOutcome(run, 'clair-scan')).toBe('PASS');
    expect(fs.existsSync(artifact(dir, 'clair-scan.env'))).toBe(false);
    expect(jobOutcome(run, 'clair-scan-gate')).toBe(2);
    expect(run.out).toMatch(/clair-scan-gate\s+> no verdict from the clair-scan job/);
  });
});
