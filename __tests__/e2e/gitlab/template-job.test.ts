/**
 * The GitLab template's job, run the way a runner runs it: the job's `variables` and `script` are read from
 * templates/clair-scan.gitlab-ci.yml as written, the script runs in `bash` with `set -eo pipefail` in a
 * directory playing `$CI_PROJECT_DIR`, with the variables GitLab sets for a merge request pipeline, the
 * docker:dind service played by the dind-like remote daemon (another network namespace: its containers cannot
 * reach our 127.0.0.1), and a local stand-in for GitLab's notes API. Only the GitLab web API is simulated.
 */
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { GitLabApiServer } from '../../helpers/gitlab-api-server';
import { loadTestEnv, REPO_ROOT, RemoteDaemon, startRemoteDaemon, stopRemoteDaemon } from '../../helpers/testenv';
import { validateGitlab } from '../../unit/report/schemas';

const TEMPLATE = path.join(REPO_ROOT, 'templates', 'clair-scan.gitlab-ci.yml');
const CLI_BUNDLE = path.join(REPO_ROOT, 'dist', 'cli', 'index.js');
const JOB_NAME = 'clair-scan';
const IMAGE = 'localhost/clair-scan-fixture/debian-vuln:1';
const EXPECTED_IDS = ['CVE-2099-1001', 'CVE-2099-1002', 'CVE-2099-1003', 'CVE-2099-1004', 'CVE-2099-1005', 'CVE-2099-1006'];
const PROJECT_ID = '4711';
const MR_IID = '17';
/** The user's token (a masked CI/CD variable) and the job token GitLab puts in CI_JOB_TOKEN / CI_REGISTRY_PASSWORD. */
const TOKEN = `glpat-${randomBytes(12).toString('hex')}`;
const JOB_TOKEN = `glcbt-${randomBytes(12).toString('hex')}`;

interface TemplateJob {
  image?: { name?: string };
  services?: ({ name: string; alias?: string } | string)[];
  variables: Record<string, string | { value: string }>;
  before_script?: string[];
  script: string[];
  allow_failure?: unknown;
  artifacts: { when?: string; paths: string[]; reports: { container_scanning: string } };
  rules?: { if?: string }[];
}

interface JobRun {
  exitCode: number | null;
  log: string;
  projectDir: string;
  tmpDir: string;
  /** Unix seconds around the job, to read the remote daemon's events of that window. */
  startedAt: number;
  endedAt: number;
  /** Names created in the job's TMPDIR while it ran (the CLI's temp dirs are `clair-scan-<run id>-…`). */
  tmpNames: string[];
}

let job: TemplateJob;
let remote: RemoteDaemon;
let gitlab: GitLabApiServer;
let root: string;
let shimDir: string;
let jobCounter = 1000;

/**
 * GitLab's expansion of `$VAR`, `${VAR}` and `$$` (a literal `$`) in variable values: an undefined variable
 * expands to the empty string (the runner's os.Expand semantics). No shell syntax (`${X#y}`, `$(…)`) is
 * interpreted; the template uses none.
 */
function expand(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\$|\$\{([A-Za-z0-9_]+)\}|\$([A-Za-z0-9_]+)/g, (m, braced?: string, bare?: string) => {
    if (m === '$$') return '$';
    return vars[(braced ?? bare)!] ?? '';
  });
}

/** Evaluates the simple `rules:if` forms the template uses: `$A == "x"`, `$A == $B`, `$A` (set and non-empty). */
function ruleMatches(expr: string, vars: Record<string, string>): boolean {
  const operand = (s: string): string | undefined => {
    s = s.trim();
    if (/^\$[A-Za-z0-9_]+$/.test(s)) return vars[s.slice(1)];
    const q = /^"(.*)"$|^'(.*)'$/.exec(s);
    if (q) return q[1] ?? q[2];
    throw new Error(`rules:if operand not understood by this test: ${s}`);
  };
  const eq = expr.split('==');
  if (eq.length === 2) return operand(eq[0]) === operand(eq[1]);
  if (eq.length === 1) return Boolean(operand(expr));
  throw new Error(`rules:if expression not understood by this test: ${expr}`);
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The variables GitLab predefines for a merge request pipeline's job (docs: ci/variables/predefined_variables). */
function predefinedVariables(projectDir: string, jobId: number): Record<string, string> {
  const sha = randomBytes(20).toString('hex');
  return {
    CI: 'true',
    GITLAB_CI: 'true',
    CI_SERVER: 'yes',
    CI_SERVER_URL: gitlab.url,
    CI_API_V4_URL: gitlab.apiUrl,
    CI_PROJECT_ID: PROJECT_ID,
    CI_PROJECT_PATH: 'acme/shop',
    CI_PROJECT_NAME: 'shop',
    CI_PROJECT_NAMESPACE: 'acme',
    CI_PROJECT_DIR: projectDir,
    CI_BUILDS_DIR: path.dirname(projectDir),
    CI_PIPELINE_SOURCE: 'merge_request_event',
    CI_PIPELINE_ID: String(jobId * 10),
    CI_MERGE_REQUEST_IID: MR_IID,
    CI_MERGE_REQUEST_ID: '98765',
    CI_MERGE_REQUEST_PROJECT_ID: PROJECT_ID,
    CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/login',
    CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
    CI_COMMIT_SHA: sha,
    CI_COMMIT_SHORT_SHA: sha.slice(0, 8),
    CI_COMMIT_REF_NAME: 'feature/login',
    CI_COMMIT_REF_SLUG: 'feature-login',
    CI_DEFAULT_BRANCH: 'main',
    CI_JOB_ID: String(jobId),
    CI_JOB_NAME: JOB_NAME,
    CI_JOB_STAGE: 'test',
    CI_JOB_URL: `${gitlab.url}/acme/shop/-/jobs/${jobId}`,
    CI_JOB_TOKEN: JOB_TOKEN,
    CI_REGISTRY: 'registry.gitlab.example',
    CI_REGISTRY_IMAGE: 'registry.gitlab.example/acme/shop',
    CI_REGISTRY_USER: 'gitlab-ci-token',
    CI_REGISTRY_PASSWORD: JOB_TOKEN,
  };
}

/** What this test environment changes, set the way a user sets CI/CD variables (they win over the job's). */
function projectVariables(withToken: boolean, extra: Record<string, string>): Record<string, string> {
  const env = loadTestEnv();
  return {
    CLAIR_SCAN_IMAGE: IMAGE,
    CLAIR_SCAN_CLAIR_IMAGE: env.clairImage,
    CLAIR_SCAN_POSTGRES_IMAGE: env.postgresImage,
    CLAIR_SCAN_PULL: 'never',
    CLAIR_SCAN_VULN_DATA: path.join(REPO_ROOT, '.testenv', 'fixtures', 'vulns.jsonl'),
    ...(withToken ? { CLAIR_SCAN_GITLAB_TOKEN: TOKEN } : {}),
    // The template talks to dind over TLS (tcp://docker:2376 + client certificates in /certs/client). The test
    // daemon only speaks plain TCP, so the job is given the plain-TCP variables the template's header documents for
    // that case, the way a user would set them.
    DOCKER_HOST: `tcp://${dindAlias()}:${new URL(remote.dockerHost).port}`,
    DOCKER_TLS_CERTDIR: '',
    DOCKER_TLS_VERIFY: '',
    DOCKER_CERT_PATH: '',
    ...extra,
  };
}

/** Runs the job's script like a runner: one bash, `set -eo pipefail`, each line echoed as `$ line`. */
async function runJob(opts: { withToken: boolean; extra?: Record<string, string> }): Promise<JobRun> {
  const jobId = ++jobCounter;
  const jobRoot = fs.mkdtempSync(path.join(root, `job-${jobId}-`));
  const projectDir = path.join(jobRoot, 'builds', 'acme', 'shop');
  const tmpDir = path.join(jobRoot, 'tmp');
  const home = path.join(jobRoot, 'home');
  for (const d of [projectDir, tmpDir, home]) fs.mkdirSync(d, { recursive: true });

  const predefined = predefinedVariables(projectDir, jobId);
  const jobVars: Record<string, string> = {};
  for (const [k, v] of Object.entries(job.variables)) {
    jobVars[k] = expand(typeof v === 'string' ? v : v.value, { ...predefined, ...jobVars });
  }
  const project = projectVariables(opts.withToken, opts.extra ?? {});
  const vars: Record<string, string> = { ...predefined, ...jobVars, ...project };
  // The template's DOCKER_HOST names the docker:dind service by its alias (`docker`), which the runner makes
  // resolvable inside the job. This simulated job has no such name resolution, so the alias is replaced by the
  // address it would resolve to: the dind-like daemon's. Scheme and port stay as the template wrote them.
  const alias = dindAlias();
  expect(jobVars).toMatchObject({ DOCKER_HOST: `tcp://${alias}:2376`, DOCKER_TLS_CERTDIR: '/certs', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs/client' });
  const dockerHost = new URL(vars.DOCKER_HOST);
  expect(dockerHost.hostname).toBe(alias);
  vars.DOCKER_HOST = `${dockerHost.protocol}//${new URL(remote.dockerHost).hostname}:${dockerHost.port}`;
  expect(vars.DOCKER_HOST).toBe(remote.dockerHost);

  // The job's rules let it run in this (merge request) pipeline.
  expect((job.rules ?? []).some((r) => r.if && ruleMatches(r.if, vars))).toBe(true);

  const lines = [...(job.before_script ?? []), ...job.script];
  const script = ['set -eo pipefail', ...lines.flatMap((l) => [`printf '%s\\n' ${shellQuote(`$ ${l}`)}`, l])].join('\n');
  const env: Record<string, string> = {
    ...vars,
    // What the tool image's container provides: a PATH with node and `clair-scan`, a HOME, a temp dir.
    PATH: [shimDir, path.dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
    HOME: home,
    TMPDIR: tmpDir,
  };
  const chunks: Buffer[] = [];
  const startedAt = Math.floor(Date.now() / 1000) - 1;
  const tmpNames = new Set<string>();
  const watcher = fs.watch(tmpDir, (_event, name) => name && tmpNames.add(String(name)));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd: projectDir, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 12 * 60_000 });
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  }).finally(() => watcher.close());
  return { exitCode, log: Buffer.concat(chunks).toString('utf8'), projectDir, tmpDir, startedAt, endedAt: Math.ceil(Date.now() / 1000) + 1, tmpNames: [...tmpNames] };
}

function dindAlias(): string {
  const svc = (job.services ?? []).find((s) => typeof s !== 'string' && /(^|\/)docker:[^/]*dind$/.test(s.name));
  if (!svc || typeof svc === 'string') throw new Error('the template has no docker:dind service with an alias');
  return svc.alias ?? 'docker';
}

function remoteDocker(...args: string[]): string[] {
  const out = execFileSync('docker', args, { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: remote.dockerHost } }).trim();
  return out ? out.split('\n') : [];
}

/** "<run id> <role>" of each clair-scan container created on the remote daemon while the job ran. */
function remoteRunsDuring(run: JobRun): string[] {
  const filters = ['--filter', 'type=container', '--filter', 'event=create', '--filter', 'label=io.clair-scan.owner=clair-scan'];
  const format = '{{index .Actor.Attributes "io.clair-scan.run"}} {{index .Actor.Attributes "io.clair-scan.role"}}';
  return remoteDocker('events', '--since', String(run.startedAt), '--until', String(run.endedAt), ...filters, '--format', format);
}

/* eslint-disable @typescript-eslint/no-explicit-any */
function readReport(run: JobRun): any {
  const file = path.join(run.projectDir, job.artifacts.reports.container_scanning);
  expect(fs.existsSync(file)).toBe(true);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function expectScanned(run: JobRun): void {
  const report = readReport(run);
  expect(validateGitlab(report)).toBeNull();
  expect(report.scan.status).toBe('success');
  expect(report.vulnerabilities.map((v: any) => v.identifiers[0].value).sort()).toEqual(EXPECTED_IDS);
  expect(new Set(report.vulnerabilities.map((v: any) => v.location.image))).toEqual(new Set([IMAGE]));
  for (const p of job.artifacts.paths) expect(fs.existsSync(path.join(run.projectDir, p))).toBe(true);
  // The job log: the script line as the runner echoes it, the findings table, no secret in clear.
  expect(run.log).toContain(`$ ${job.script[0]}`);
  for (const id of EXPECTED_IDS) expect(run.log).toContain(id);
  expect(run.log).not.toContain(TOKEN);
  expect(run.log).not.toContain(JOB_TOKEN);
  // Clair and PostgreSQL ran on the dind-like daemon, and nothing is left behind there: no container of the
  // job's run, none labelled as ours at all; no temp dirs in the job's TMPDIR. The job's run is the one whose
  // temp dirs (`clair-scan-<run id>-…`) appeared in the job's own TMPDIR: other tests may share the daemon.
  const created = remoteRunsDuring(run).map((l) => l.split(' '));
  const runIds = [...new Set(created.map(([id]) => id))].filter((id) => run.tmpNames.some((n) => n.startsWith(`clair-scan-${id}-`)));
  expect(runIds).toHaveLength(1);
  expect(created.filter(([id]) => id === runIds[0]).map(([, role]) => role).sort()).toEqual(['clair', 'postgres']);
  expect(remoteDocker('ps', '-a', '--filter', `label=io.clair-scan.run=${runIds[0]}`, '--format', '{{.Names}}')).toEqual([]);
  expect(remoteDocker('ps', '-a', '--filter', 'label=io.clair-scan.owner=clair-scan', '--format', '{{.Names}}')).toEqual([]);
  expect(fs.readdirSync(run.tmpDir).filter((n) => n.startsWith('clair-scan-'))).toEqual([]);
}

/** The summary the job wrote (clair-scan-summary.md), read from its artifacts. */
function summaryOf(run: JobRun): string {
  const dir = path.dirname(path.join(run.projectDir, job.artifacts.reports.container_scanning));
  return fs.readFileSync(path.join(dir, 'clair-scan-summary.md'), 'utf8');
}

const MARKER = /^<!-- clair-scan:[0-9a-f]{16} -->\n/;

beforeAll(async () => {
  if (!fs.existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run \`npm run bundle\` first`);
  const doc = parse(fs.readFileSync(TEMPLATE, 'utf8')) as Record<string, TemplateJob>;
  job = doc[JOB_NAME];
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-gitlab-job-'));
  // The job image provides the `clair-scan` command; here it is the bundle users run (dist/cli/index.js).
  shimDir = path.join(root, 'bin');
  fs.mkdirSync(shimDir);
  fs.writeFileSync(path.join(shimDir, 'clair-scan'), `#!/bin/sh\nexec node ${shellQuote(CLI_BUNDLE)} "$@"\n`, { mode: 0o755 });
  gitlab = new GitLabApiServer(TOKEN);
  await gitlab.start();
  remote = await startRemoteDaemon([IMAGE]);
});

afterAll(async () => {
  await gitlab?.stop();
  await stopRemoteDaemon();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

test('the template is a job this test can run as written', () => {
  expect(job.script.length).toBeGreaterThan(0);
  expect(job.image?.name).toBe('$CLAIR_SCAN_TOOL_IMAGE');
  expect(job.artifacts.reports.container_scanning).toMatch(/gl-container-scanning-report\.json$/);
  // Documented in the header: a policy failure fails the job (no allow_failure), the artifacts are still uploaded.
  expect(job.allow_failure).toBeUndefined();
  expect(job.artifacts.when).toBe('always');
  expect(job.variables.CLAIR_SCAN_FAIL).toBe('true');
  expect(job.variables.CLAIR_SCAN_SEVERITY_THRESHOLD).toBe('high');
});

let firstNoteId: number;

test('an MR pipeline job: the policy fails the job (exit 1), the report validates, one sticky note is created', async () => {
  const run = await runJob({ withToken: true });
  expect({ exitCode: run.exitCode, log: run.exitCode === 1 ? '' : run.log }).toEqual({ exitCode: 1, log: '' });
  expectScanned(run);
  expect(run.log).toMatch(/summary note created/);

  const notes = gitlab.notesOn(PROJECT_ID, Number(MR_IID));
  expect(notes).toHaveLength(1);
  expect(notes[0].body).toMatch(MARKER);
  // The note is the marker followed by the same Markdown summary the job wrote to its artifacts.
  expect(notes[0].body.replace(MARKER, '')).toBe(summaryOf(run));
  expect(notes[0].body).toMatch(/policy failed/);
  for (const id of EXPECTED_IDS.slice(0, 4)) expect(notes[0].body).toContain(id);
  firstNoteId = notes[0].id;
  expect(gitlab.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
  expect(gitlab.requests.every((r) => r.token === TOKEN && r.status < 300)).toBe(true);
  expect(gitlab.problems).toEqual([]);
});

test('a second job on the same MR updates that note instead of adding one', async () => {
  expect(firstNoteId).toBeDefined();
  const before = gitlab.requests.length;
  const run = await runJob({ withToken: true });
  expect(run.exitCode).toBe(1);
  expectScanned(run);
  expect(run.log).toMatch(/summary note updated/);
  const notes = gitlab.notesOn(PROJECT_ID, Number(MR_IID));
  expect(notes).toHaveLength(1);
  expect(notes[0].id).toBe(firstNoteId);
  expect(notes[0].body.replace(MARKER, '')).toBe(summaryOf(run));
  expect(gitlab.requests.slice(before).map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200', `PUT 200`]);
  expect(gitlab.requests.slice(before).find((r) => r.method === 'PUT')!.url).toMatch(new RegExp(`/notes/${firstNoteId}$`));
  expect(gitlab.problems).toEqual([]);
});

test('without CLAIR_SCAN_GITLAB_TOKEN: the note is skipped with a notice, the scan and reports still happen', async () => {
  const before = gitlab.requests.length;
  const notesBefore = gitlab.notesOn(PROJECT_ID, Number(MR_IID)).map((n) => ({ ...n }));
  const run = await runJob({ withToken: false });
  expect(run.exitCode).toBe(1);
  expectScanned(run);
  expect(run.log).toMatch(/no gitlab-token \(CLAIR_SCAN_GITLAB_TOKEN\): the merge request note is skipped/);
  expect(gitlab.requests.length).toBe(before);
  expect(gitlab.notesOn(PROJECT_ID, Number(MR_IID))).toEqual(notesBefore);
});

test('report-only (CLAIR_SCAN_FAIL: "false", as the template documents): the same findings, the job succeeds', async () => {
  const run = await runJob({ withToken: false, extra: { CLAIR_SCAN_FAIL: 'false' } });
  expect({ exitCode: run.exitCode, log: run.exitCode === 0 ? '' : run.log }).toEqual({ exitCode: 0, log: '' });
  expectScanned(run);
});
