/**
 * The baseline in GitLab CI end to end: the template's `clair-scan` job (templates/clair-scan.gitlab-ci.yml, its
 * variables, rules, before_script and script as written) run the way a runner runs it — bash with `set -eo pipefail`
 * in a directory playing $CI_PROJECT_DIR, GitLab's predefined variables, the docker:dind service played by the
 * dind-like remote daemon, the bundled CLI (dist/cli/index.js) as the tool image's `clair-scan`, and GitLabApiServer
 * for the notes and job-artifacts APIs (as __tests__/e2e/gitlab/template-job.test.ts does).
 *
 *  1. A branch pipeline on main scans the base image (fixture `base:1` under the test image name); its artifact
 *     `clair-scan-reports/clair-scan-result.json` becomes the job's artifact of main's latest successful pipeline.
 *  2. A merge request pipeline (opted in) targeting main scans the MR image (`derived:1`, same name): the job finds
 *     the baseline through the pipelines API (main's push pipelines, not a tag's), the pipeline's jobs and the job's
 *     artifact, and the sticky MR note leads with the delta (the new finding first).
 *  3. The same merge request pipeline with only the job token (the note token is protected, the branch is not): the
 *     baseline cannot be fetched, so every finding counts as new and fail-on-new fails, and the log and dotenv say so.
 *
 * Needs `bash scripts/test-env.sh up` and `npm run bundle`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { GitLabApiServer } from '../../helpers/gitlab-api-server';
import { loadTestEnv, REPO_ROOT, type RemoteDaemon, startRemoteDaemon, stopRemoteDaemon } from '../../helpers/testenv';
import { testTempDir } from '../../helpers/tmp';
import { BUNDLE } from '../scan/helpers';
import { tagTestImages, type TestImages } from './helpers';
import { expandAll, jobCreated, stringVars, type Vars } from '../../helpers/gitlab-ci';

const TEMPLATE = path.join(REPO_ROOT, 'templates', 'clair-scan.gitlab-ci.yml');
const CLI_BUNDLE = path.join(REPO_ROOT, 'dist', 'cli', 'index.js');
const JOB = 'clair-scan';
const PROJECT_ID = '4711';
const PROJECT_PATH = 'acme/shop';
const MR_IID = '31';
const TOKEN = `glpat-${randomBytes(12).toString('hex')}`;
const JOB_TOKEN = `glcbt-${randomBytes(12).toString('hex')}`;

interface Job {
  variables?: Record<string, string | { value: string }>;
  before_script?: string[];
  script: string[];
  artifacts: { paths: string[]; reports: { container_scanning: string; dotenv: string } };
  rules: { if?: string; when?: string }[];
}

let img: TestImages;
let remote: RemoteDaemon;
let gitlab: GitLabApiServer;
let root: string;
let shimDir: string;
let jobCounter = 7000;
let globalVars: Vars;
let scanJob: Job;

function remoteDocker(...args: string[]): string {
  return execFileSync('docker', args, {
    encoding: 'utf8',
    env: { ...process.env, DOCKER_HOST: remote.dockerHost },
  }).trim();
}

interface JobRun {
  exitCode: number | null;
  log: string;
  projectDir: string;
  tmpDir: string;
}

/** Runs the template's scan job in a branch pipeline on main or in a merge request pipeline targeting main. */
/** The merge request's diff base: the target branch's commit the change is compared with. */
const DIFF_BASE_SHA = 'c'.repeat(40);

/** Runs the template's scan job (with `files` of the change under review in the project directory). */
async function runScanJob(kind: 'main' | 'mr', project: Vars, files: Record<string, string> = {}): Promise<JobRun> {
  const jobId = ++jobCounter;
  const jobRoot = fs.mkdtempSync(path.join(root, `job-${jobId}-`));
  const projectDir = path.join(jobRoot, 'builds', 'acme', 'shop');
  const tmpDir = path.join(jobRoot, 'tmp');
  const home = path.join(jobRoot, 'home');
  for (const d of [projectDir, tmpDir, home]) fs.mkdirSync(d, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(projectDir, name)), { recursive: true });
    fs.writeFileSync(path.join(projectDir, name), text);
  }
  const sha = randomBytes(20).toString('hex');
  const predefined: Vars = {
    CI: 'true',
    GITLAB_CI: 'true',
    CI_SERVER_URL: gitlab.url,
    CI_API_V4_URL: gitlab.apiUrl,
    CI_PROJECT_ID: PROJECT_ID,
    CI_PROJECT_PATH: PROJECT_PATH,
    CI_PROJECT_DIR: projectDir,
    CI_PIPELINE_ID: String(jobId * 10),
    CI_COMMIT_SHA: sha,
    CI_DEFAULT_BRANCH: 'main',
    CI_JOB_ID: String(jobId),
    CI_JOB_NAME: JOB,
    CI_JOB_STAGE: 'test',
    CI_JOB_URL: `${gitlab.url}/${PROJECT_PATH}/-/jobs/${jobId}`,
    CI_JOB_TOKEN: JOB_TOKEN,
    CI_REGISTRY: 'registry.gitlab.example',
    CI_REGISTRY_IMAGE: `registry.gitlab.example/${PROJECT_PATH}`,
    CI_REGISTRY_USER: 'gitlab-ci-token',
    CI_REGISTRY_PASSWORD: JOB_TOKEN,
    ...(kind === 'main'
      ? { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'main', CI_COMMIT_REF_NAME: 'main', CI_COMMIT_REF_SLUG: 'main' }
      : {
          CI_PIPELINE_SOURCE: 'merge_request_event',
          CI_COMMIT_REF_NAME: 'feature/login',
          CI_COMMIT_REF_SLUG: 'feature-login',
          CI_MERGE_REQUEST_IID: MR_IID,
          CI_MERGE_REQUEST_PROJECT_ID: PROJECT_ID,
          CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/login',
          CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
          CI_MERGE_REQUEST_DIFF_BASE_SHA: DIFF_BASE_SHA,
          CI_OPEN_MERGE_REQUESTS: `${PROJECT_PATH}!${MR_IID}`,
        }),
  };
  // predefined < global YAML < job YAML < CI/CD (project) variables, then expanded.
  const vars = expandAll({ ...predefined, ...globalVars, ...stringVars(scanJob.variables), ...project });
  expect(jobCreated(scanJob, vars)).toBe(true);
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  const lines = [...(scanJob.before_script ?? []), ...scanJob.script];
  const script = [
    'set -eo pipefail',
    ...lines.flatMap((l) => [`printf '%s\\n' ${quote(`$ ${l.split('\n')[0]}`)}`, l]),
  ].join('\n');
  const env: Vars = {
    ...vars,
    PATH: [shimDir, path.dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
    HOME: home,
    TMPDIR: tmpDir,
  };
  const chunks: Buffer[] = [];
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('bash', ['-c', script], {
      cwd: projectDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 10 * 60_000,
    });
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', resolve);
  });
  const log = Buffer.concat(chunks).toString('utf8');
  // Nothing left: no temp dir in the job's TMPDIR, no container of the job's run on the dind daemon.
  expect(fs.readdirSync(tmpDir).filter((n) => n.startsWith('clair-scan-'))).toEqual([]);
  const runId = /^Run ([a-z0-9-]+) \(if this process is killed/m.exec(log)?.[1];
  expect(runId).toBeDefined();
  expect(remoteDocker('ps', '-a', '--filter', `label=io.clair-scan.run=${runId}`, '--format', '{{.Names}}')).toBe('');
  expect(log).not.toContain(TOKEN);
  expect(log).not.toContain(JOB_TOKEN);
  return { exitCode, log, projectDir, tmpDir };
}

function projectVariables(extra: Vars): Vars {
  const t = loadTestEnv();
  return {
    CLAIR_SCAN_CLAIR_IMAGE: t.clairImage,
    CLAIR_SCAN_POSTGRES_IMAGE: t.postgresImage,
    CLAIR_SCAN_PULL: 'never',
    CLAIR_SCAN_VULN_DATA: BUNDLE,
    CLAIR_SCAN_GITLAB_TOKEN: TOKEN,
    // The test's dind speaks plain TCP: the four variables the template's header documents for that case, with the
    // address the `docker` alias would resolve to.
    DOCKER_HOST: remote.dockerHost,
    DOCKER_TLS_CERTDIR: '',
    DOCKER_TLS_VERIFY: '',
    DOCKER_CERT_PATH: '',
    CLAIR_SCAN_FAIL_ON_NEW: 'true',
    CLAIR_SCAN_SEVERITY_THRESHOLD: 'medium',
    ...extra,
  };
}

const RESULT_PATH = 'clair-scan-reports/clair-scan-result.json';

beforeAll(async () => {
  if (!fs.existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run \`npm run bundle\` first`);
  const doc = parse(fs.readFileSync(TEMPLATE, 'utf8')) as Record<string, unknown>;
  globalVars = stringVars(doc.variables as Job['variables']);
  scanJob = doc[JOB] as Job;
  root = testTempDir('cs-e2e-baseline-gitlab-');
  shimDir = path.join(root, 'bin');
  fs.mkdirSync(shimDir);
  fs.writeFileSync(path.join(shimDir, 'clair-scan'), `#!/bin/sh\nexec node '${CLI_BUNDLE}' "$@"\n`, { mode: 0o755 });
  gitlab = new GitLabApiServer(TOKEN);
  await gitlab.start();
  img = tagTestImages('gitlab');
  remote = await startRemoteDaemon([img.base, img.pr]);
});

afterAll(async () => {
  await gitlab?.stop();
  if (remote && img) {
    for (const ref of [img.base, img.pr]) {
      try {
        remoteDocker('rmi', ref);
      } catch {
        /* not there */
      }
    }
  }
  img?.remove();
  await stopRemoteDaemon();
});

test("the template job on main, then in a merge request pipeline: the baseline comes from main's job artifact, the MR note leads with the delta", async () => {
  // 1. main: no merge request, no baseline; the job's artifact holds the result.
  const main = await runScanJob('main', projectVariables({ CS_IMAGE: img.base }));
  expect({ exitCode: main.exitCode, log: main.exitCode === 0 ? '' : main.log }).toEqual({ exitCode: 0, log: '' });
  expect(scanJob.artifacts.paths).toContain('clair-scan-reports/');
  const baseline = fs.readFileSync(path.join(main.projectDir, RESULT_PATH));
  expect(JSON.parse(baseline.toString('utf8')).delta).toBeUndefined();
  expect(gitlab.requests).toEqual([]); // neither a baseline lookup nor a note outside a merge request
  // GitLab keeps it as the artifact of main's push pipeline; a newer pipeline of a tag named "main" has a forged one
  // (every finding of the MR image: taken as the baseline, nothing would be new).
  gitlab.pipelines.push(
    {
      id: 900,
      project: PROJECT_ID,
      ref: 'main',
      tag: false,
      sha: 'a'.repeat(40),
      source: 'push',
      status: 'success',
      createdAt: '2026-03-01T10:00:00Z',
      jobs: [{ id: 9000, name: JOB, status: 'success', artifacts: new Map([[RESULT_PATH, baseline]]) }],
    },
    {
      id: 910,
      project: PROJECT_ID,
      ref: 'main',
      tag: true,
      sha: 'b'.repeat(40),
      source: 'push',
      status: 'success',
      createdAt: '2026-03-01T11:00:00Z',
      jobs: [{ id: 9100, name: JOB, status: 'success', artifacts: new Map([[RESULT_PATH, Buffer.from('{}')]]) }],
    },
  );

  // 2. the merge request pipeline (opted in as the template's header says).
  const mr = await runScanJob('mr', projectVariables({ CS_IMAGE: img.pr, CLAIR_SCAN_MR_PIPELINES: 'true' }));
  expect({ exitCode: mr.exitCode, log: mr.exitCode === 0 ? '' : mr.log }).toEqual({ exitCode: 0, log: '' });
  expect(gitlab.problems).toEqual([]);
  const baselineRequests = gitlab.requests.filter((r) => r.url.includes('/pipelines') || r.url.includes('/jobs/'));
  expect(baselineRequests).toEqual([
    {
      method: 'GET',
      url: `/api/v4/projects/${PROJECT_ID}/pipelines?ref=main&scope=branches&status=success&order_by=id&sort=desc&per_page=20`,
      status: 200,
      token: TOKEN,
    },
    { method: 'GET', url: `/api/v4/projects/${PROJECT_ID}/pipelines/900`, status: 200, token: TOKEN },
    {
      method: 'GET',
      url: `/api/v4/projects/${PROJECT_ID}/pipelines/900/jobs?scope[]=success&per_page=100`,
      status: 200,
      token: TOKEN,
    },
    {
      method: 'GET',
      url: `/api/v4/projects/${PROJECT_ID}/jobs/9000/artifacts/clair-scan-reports/clair-scan-result.json`,
      status: 200,
      token: TOKEN,
    },
  ]);
  const source = `GitLab job "${JOB}" (job 9000) of pipeline 900 on main`;
  expect(mr.log).toContain(`baseline: compared with ${source}: 1 new (1 Medium), 0 fixed, 2 unchanged`);

  // The verdict for the gate job: fail-on-new failed on the new finding (the scan job itself succeeds, report-only).
  const dotenv = fs.readFileSync(path.join(mr.projectDir, scanJob.artifacts.reports.dotenv), 'utf8');
  expect(dotenv).toMatch(/^CLAIR_SCAN_VERDICT=fail$/m);
  expect(dotenv).toMatch(/^CLAIR_SCAN_REASONS=.*1 new finding at or above Medium/m);
  // The delta for later jobs, as the action's new-*/fixed-total outputs.
  expect(dotenv.split('\n').filter((l) => /^CLAIR_SCAN_(NEW|FIXED)_/.test(l))).toEqual([
    'CLAIR_SCAN_NEW_TOTAL=1',
    'CLAIR_SCAN_NEW_CRITICAL=0',
    'CLAIR_SCAN_NEW_HIGH=0',
    'CLAIR_SCAN_FIXED_TOTAL=0',
  ]);

  // The sticky note: marker, verdict, then the delta; the new finding is the first finding listed.
  const notes = gitlab.notesOn(PROJECT_ID, Number(MR_IID));
  expect(notes).toHaveLength(1);
  const lines = notes[0].body.split('\n');
  expect(lines[0]).toMatch(/^<!-- clair-scan:[0-9a-f]{16} -->$/);
  expect(lines[1]).toBe('## ❌ clair-scan: policy failed — 1 image');
  const head = lines.indexOf('### Changes since the baseline: 1 new (1 Medium), 0 fixed, 2 unchanged');
  expect(head).toBeGreaterThan(1);
  expect(lines.slice(2, head).filter((l) => l !== '' && !l.startsWith('- ') && !l.startsWith('Rules: '))).toEqual([]); // only the verdict's lines (if any) before the delta
  // As rendered: md() writes `"` as `&quot;` and escapes punctuation with backslashes.
  expect(
    lines[head + 2]
      .replace(/\\/g, '')
      .replace(/&quot;/g, '"')
      .startsWith(`_Baseline: ${source}, scanned `),
  ).toBe(true);
  expect(lines.slice(head + 6, head + 9)).toEqual([
    '| 🆕 New | 0 | 0 | 1 | 0 | 0 | 0 | **1** |',
    '| ✅ Fixed | 0 | 0 | 0 | 0 | 0 | 0 | **0** |',
    '| Unchanged | 0 | 1 | 1 | 0 | 0 | 0 | **2** |',
  ]);
  expect(lines[head + 10]).toBe('#### New findings (1)');
  expect(lines.find((l) => /^\| [A-Za-z]+ \| \[?CVE-/.test(l))).toMatch(/^\| Medium \| \[CVE-2099-3001\]/);
  // The GitLab report of the MR job is complete (all three findings; the widget compares by itself).
  const gl = JSON.parse(
    fs.readFileSync(path.join(mr.projectDir, scanJob.artifacts.reports.container_scanning), 'utf8'),
  );
  expect(gl.vulnerabilities.map((v: { identifiers: { value: string }[] }) => v.identifiers[0].value).sort()).toEqual([
    'CVE-2099-1002',
    'CVE-2099-1003',
    'CVE-2099-3001',
  ]);
});

test('only the job token (the note token is protected): no baseline, every finding counts as new, fail-on-new fails and the log and dotenv say why', async () => {
  expect(gitlab.pipelines.length).toBeGreaterThan(0); // main's pipeline is there: only the token is missing
  gitlab.requests.length = 0;
  const mr = await runScanJob(
    'mr',
    projectVariables({ CS_IMAGE: img.pr, CLAIR_SCAN_MR_PIPELINES: 'true', CLAIR_SCAN_GITLAB_TOKEN: '' }),
  );
  expect({ exitCode: mr.exitCode, log: mr.exitCode === 0 ? '' : mr.log }).toEqual({ exitCode: 0, log: '' }); // report-only scan job; the gate job reads the dotenv
  expect(gitlab.problems).toEqual([]);
  expect(gitlab.requests.map((r) => `${r.method} ${r.url.split('?')[0]} ${r.status}`)).toEqual([
    `GET /api/v4/projects/${PROJECT_ID}/pipelines 401`,
  ]);
  const notice =
    'listing the pipelines of main for the baseline was refused (HTTP 401): the job token cannot list pipelines (and reads artifacts only on GitLab Premium); set CLAIR_SCAN_GITLAB_TOKEN (read_api). No comparison is made, the report is complete.';
  const strict = `no baseline was compared for ${img.name}: all 3 findings of it count as new (the safe reading: fail-on-new and new.* rules count them as introduced by this change).`;
  expect(mr.log).toContain(`baseline: ${notice}`);
  expect(mr.log).toContain(`baseline: ${strict}`);
  const dotenv = fs.readFileSync(path.join(mr.projectDir, scanJob.artifacts.reports.dotenv), 'utf8');
  expect(dotenv).toMatch(/^CLAIR_SCAN_VERDICT=fail$/m);
  expect(dotenv).toMatch(/^CLAIR_SCAN_REASONS=.*3 new findings at or above Medium/m);
  const result = JSON.parse(fs.readFileSync(path.join(mr.projectDir, RESULT_PATH), 'utf8'));
  expect(result.baselineNotes).toEqual([notice, strict]);
  expect(result.baselineUncompared).toEqual([img.name]);
  expect(fs.readFileSync(path.join(mr.projectDir, 'clair-scan-reports', 'clair-scan-summary.md'), 'utf8')).toContain(
    '> ℹ️ Baseline: no baseline was compared for ',
  );
});

test("a merge request that adds the allowlist entry for its own new finding: the MR note says so first; CLAIR_SCAN_POLICY_FROM_BASE lets main's allowlist decide", async () => {
  expect(gitlab.pipelines.length).toBeGreaterThan(0);
  const entry = (id: string): string[] => [`  - id: ${id}`, `    reason: accepted ${id}`];
  gitlab.files.set(
    `${PROJECT_ID}|${DIFF_BASE_SHA}|policy/allow.yaml`,
    ['version: 1', 'allowlist:', ...entry('CVE-2099-9999'), ''].join('\n'),
  );
  const mine = {
    'policy/allow.yaml': ['version: 1', 'allowlist:', ...entry('CVE-2099-9999'), ...entry('CVE-2099-3001'), ''].join(
      '\n',
    ),
  };
  const vars = { CS_IMAGE: img.pr, CLAIR_SCAN_MR_PIPELINES: 'true', CLAIR_SCAN_ALLOWLIST: 'policy/allow.yaml' };
  const note = (): string[] => gitlab.notesOn(PROJECT_ID, Number(MR_IID))[0].body.split('\n');
  const dotenvOf = (r: JobRun): string =>
    fs.readFileSync(path.join(r.projectDir, scanJob.artifacts.reports.dotenv), 'utf8');

  gitlab.requests.length = 0;
  const passes = await runScanJob('mr', projectVariables(vars), mine);
  expect({ exitCode: passes.exitCode, log: passes.exitCode === 0 ? '' : passes.log }).toEqual({ exitCode: 0, log: '' });
  expect(gitlab.problems).toEqual([]);
  expect(
    gitlab.requests.filter((r) => r.url.includes('/repository/files/')).map((r) => `${r.status} ${r.url}`),
  ).toEqual([`200 /api/v4/projects/${PROJECT_ID}/repository/files/policy%2Fallow.yaml/raw?ref=${DIFF_BASE_SHA}`]);
  expect(dotenvOf(passes)).toMatch(/^CLAIR_SCAN_VERDICT=pass$/m);
  const line = `this change suppresses 1 finding: CVE-2099-3001 (Medium, requests) in ${img.pr} by policy/allow.yaml:5 (policy files that differ from main (${DIFF_BASE_SHA.slice(0, 12)}): policy/allow.yaml).`;
  expect(passes.log).toContain(`policy: ${line}`);
  expect(note()[1]).toBe('## ✅ clair-scan: policy passed — 1 image');
  expect(note()[3]).toBe(`> ⚠️ **Policy files changed**: ${line.replace(/[()]/g, (c) => `\\${c}`)}`);

  const fails = await runScanJob('mr', projectVariables({ ...vars, CLAIR_SCAN_POLICY_FROM_BASE: 'true' }), mine);
  expect({ exitCode: fails.exitCode, log: fails.exitCode === 0 ? '' : fails.log }).toEqual({ exitCode: 0, log: '' }); // report-only scan job
  expect(dotenvOf(fails)).toMatch(/^CLAIR_SCAN_VERDICT=fail$/m);
  expect(dotenvOf(fails)).toMatch(/^CLAIR_SCAN_REASONS=.*1 new finding at or above Medium/m);
  expect(note()[3]).toMatch(
    /^> ⚠️ \*\*Policy files changed\*\*: this change would suppress 1 finding: CVE-2099-3001 .*policy-from-base: the versions of main \\\(c{12}\\\) decided; these suppressions were not applied\.$/,
  );
});
