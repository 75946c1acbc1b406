/**
 * The GitLab template's jobs and the CI/CD component's in their DIND mode (`clair-scan: extends: .clair-scan-dind`, as
 * a user opts in; the default services mode runs in services-pipeline.test.ts, and both under gitlab-ci-local in
 * ci-local.test.ts), run the way a runner runs them: each job's `variables`,
 * `rules` and `script` are read from templates/clair-scan.gitlab-ci.yml (and templates/clair-scan/template.yml with
 * its `$[[ inputs.* ]]` filled in) as written; the rules decide whether GitLab would create the job in the
 * simulated pipeline; the script runs in `bash` with `set -eo pipefail` in a directory playing `$CI_PROJECT_DIR`,
 * with the variables GitLab sets for a branch or merge request pipeline, the docker:dind service played by the
 * dind-like remote daemon (another network namespace: its containers cannot reach our 127.0.0.1), and a local
 * stand-in for GitLab's notes API. The gate job gets the scan job's artifacts and its dotenv report's variables,
 * as `needs: [{job: clair-scan, artifacts: true}]` gives them. Only the GitLab web API is simulated.
 */
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { GitLabApiServer } from '../../helpers/gitlab-api-server';
import { loadTestEnv, REPO_ROOT, RemoteDaemon, startRemoteDaemon, stopRemoteDaemon } from '../../helpers/testenv';
import { testTempDir } from '../../helpers/tmp';
import { lintSarif } from '../../helpers/sarif-multitool';
import { validateGitlab } from '../../unit/report/schemas';
import { expandAll, jobCreated, stringVars, type Vars } from '../../helpers/gitlab-ci';

const TEMPLATE = path.join(REPO_ROOT, 'templates', 'clair-scan.gitlab-ci.yml');
const COMPONENT = path.join(REPO_ROOT, 'templates', 'clair-scan', 'template.yml');
const CLI_BUNDLE = path.join(REPO_ROOT, 'dist', 'cli', 'index.js');
const SCAN_JOB = 'clair-scan';
const GATE_JOB = 'clair-scan-gate';
const IMAGE = 'localhost/clair-scan-fixture/debian-vuln:1';
const EXPECTED_IDS = [
  'CVE-2099-1001',
  'CVE-2099-1002',
  'CVE-2099-1003',
  'CVE-2099-1004',
  'CVE-2099-1005',
  'CVE-2099-1006',
];
const PROJECT_ID = '4711';
const PROJECT_PATH = 'acme/shop';
const MR_IID = '17';
/** The user's token (a masked CI/CD variable) and the job token GitLab puts in CI_JOB_TOKEN / CI_REGISTRY_PASSWORD. */
const TOKEN = `glpat-${randomBytes(12).toString('hex')}`;
const JOB_TOKEN = `glcbt-${randomBytes(12).toString('hex')}`;

interface Job {
  extends?: string;
  stage?: string;
  image?: { name?: string; entrypoint?: string[] };
  services?: ({ name: string; alias?: string } | string)[];
  variables?: Record<string, string | { value: string }>;
  before_script?: string[];
  script: string[];
  allow_failure?: unknown;
  dependencies?: string[];
  needs?: { job: string; artifacts?: boolean }[];
  artifacts?: {
    when?: string;
    paths: string[];
    reports: { container_scanning: string; cyclonedx: string; dotenv: string };
  };
  rules?: { if?: string; when?: string }[];
}
/** A pipeline definition as GitLab would hold it after `include:`: global variables and the jobs. */
interface Pipeline {
  variables: Vars;
  scan: Job;
  gate: Job;
}
type PipelineKind = 'branch' | 'mr' | 'tag';

interface JobRun {
  exitCode: number | null;
  log: string;
  projectDir: string;
  tmpDir: string;
  startedAt: number;
  endedAt: number;
  tmpNames: string[];
}

let template: Pipeline;
let remote: RemoteDaemon;
let gitlab: GitLabApiServer;
let root: string;
let shimDir: string;
let jobCounter = 1000;

/** A job as GitLab resolves `extends:` (hashes merged, the job's own keys winning); `mode` replaces its `extends`. */
function resolveJob(doc: Record<string, unknown>, name: string, mode?: string): Job {
  const job = doc[name] as Job;
  const baseName = mode ?? job.extends;
  if (!baseName) return job;
  const base = doc[baseName] as Partial<Job> | undefined;
  if (!base) throw new Error(`${name} extends ${baseName}, which the file does not define`);
  const { extends: _e, ...own } = job;
  return { ...base, ...own, variables: { ...base.variables, ...own.variables } } as Job;
}

function loadTemplate(): Pipeline {
  const doc = parse(fs.readFileSync(TEMPLATE, 'utf8')) as Record<string, unknown>;
  return {
    variables: stringVars(doc.variables as Job['variables']),
    scan: resolveJob(doc, SCAN_JOB, '.clair-scan-dind'),
    gate: doc[GATE_JOB] as Job,
  };
}

/**
 * The component as `include: component:` with `inputs:` makes it: the spec's defaults and types, every
 * `$[[ inputs.name ]]` replaced by the input's value (GitLab's interpolation, before YAML anchors are resolved).
 */
function loadComponent(inputs: Record<string, string | boolean>): Pipeline {
  const [specDoc, body] = fs.readFileSync(COMPONENT, 'utf8').split(/^---$/m);
  const spec = (
    parse(specDoc) as { spec: { inputs: Record<string, { default?: unknown; type?: string; options?: string[] }> } }
  ).spec.inputs;
  for (const name of Object.keys(inputs)) if (!(name in spec)) throw new Error(`the component has no input ${name}`);
  const text = body.replace(/\$\[\[\s*inputs\.([a-z0-9_-]+)\s*\]\]/g, (_m, name: string) => {
    const def = spec[name];
    if (!def) throw new Error(`the component uses an undeclared input ${name}`);
    const v = name in inputs ? inputs[name] : def.default;
    if (v === undefined) throw new Error(`input ${name} is required`);
    if (def.type === 'boolean' && typeof v !== 'boolean') throw new Error(`input ${name} must be a boolean`);
    if (def.options && !def.options.includes(String(v)))
      throw new Error(`input ${name}: ${String(v)} is not one of its options`);
    return String(v);
  });
  const doc = parse(text) as Record<string, unknown>;
  return {
    variables: stringVars(doc.variables as Job['variables']),
    scan: resolveJob(doc, SCAN_JOB),
    gate: doc[GATE_JOB] as Job,
  };
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The variables GitLab predefines for a job of a branch (push), merge request or tag pipeline. */
function predefinedVariables(kind: PipelineKind, projectDir: string, jobId: number, jobName: string): Vars {
  const sha = randomBytes(20).toString('hex');
  const common: Vars = {
    CI: 'true',
    GITLAB_CI: 'true',
    CI_SERVER: 'yes',
    CI_SERVER_URL: gitlab.url,
    CI_API_V4_URL: gitlab.apiUrl,
    CI_PROJECT_ID: PROJECT_ID,
    CI_PROJECT_PATH: PROJECT_PATH,
    CI_PROJECT_NAME: 'shop',
    CI_PROJECT_NAMESPACE: 'acme',
    CI_PROJECT_DIR: projectDir,
    CI_BUILDS_DIR: path.dirname(projectDir),
    CI_PIPELINE_ID: String(jobId * 10),
    CI_COMMIT_SHA: sha,
    CI_COMMIT_SHORT_SHA: sha.slice(0, 8),
    CI_DEFAULT_BRANCH: 'main',
    CI_JOB_ID: String(jobId),
    CI_JOB_NAME: jobName,
    CI_JOB_STAGE: 'test',
    CI_JOB_URL: `${gitlab.url}/${PROJECT_PATH}/-/jobs/${jobId}`,
    CI_JOB_TOKEN: JOB_TOKEN,
    CI_REGISTRY: 'registry.gitlab.example',
    CI_REGISTRY_IMAGE: `registry.gitlab.example/${PROJECT_PATH}`,
    CI_REGISTRY_USER: 'gitlab-ci-token',
    CI_REGISTRY_PASSWORD: JOB_TOKEN,
  };
  if (kind === 'tag')
    return {
      ...common,
      CI_PIPELINE_SOURCE: 'push',
      CI_COMMIT_TAG: 'v1.0.0',
      CI_COMMIT_REF_NAME: 'v1.0.0',
      CI_COMMIT_REF_SLUG: 'v1-0-0',
    };
  const branch = { CI_COMMIT_REF_NAME: 'feature/login', CI_COMMIT_REF_SLUG: 'feature-login' };
  if (kind === 'branch') {
    // A push to a branch that has an open merge request.
    return {
      ...common,
      ...branch,
      CI_PIPELINE_SOURCE: 'push',
      CI_COMMIT_BRANCH: 'feature/login',
      CI_OPEN_MERGE_REQUESTS: `${PROJECT_PATH}!${MR_IID}`,
    };
  }
  return {
    ...common,
    ...branch,
    CI_PIPELINE_SOURCE: 'merge_request_event',
    CI_MERGE_REQUEST_IID: MR_IID,
    CI_MERGE_REQUEST_ID: '98765',
    CI_MERGE_REQUEST_PROJECT_ID: PROJECT_ID,
    CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/login',
    CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
    CI_OPEN_MERGE_REQUESTS: `${PROJECT_PATH}!${MR_IID}`,
  };
}

/** What this test environment changes, set the way a user sets CI/CD variables (they win over the job's). */
function projectVariables(withToken: boolean, extra: Vars): Vars {
  const env = loadTestEnv();
  return {
    CLAIR_SCAN_CLAIR_IMAGE: env.clairImage,
    CLAIR_SCAN_POSTGRES_IMAGE: env.postgresImage,
    CLAIR_SCAN_PULL: 'never',
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

const VULN_DATA = (): string => path.join(REPO_ROOT, '.testenv', 'fixtures', 'vulns.jsonl');

/** The final variables of a job: predefined < global YAML < job YAML < dotenv of needed jobs < CI/CD variables. */
function jobVariables(p: Pipeline, job: Job, predefined: Vars, project: Vars, dotenv: Vars = {}): Vars {
  return expandAll({ ...predefined, ...p.variables, ...stringVars(job.variables), ...dotenv, ...project });
}

interface RunOpts {
  pipeline: Pipeline;
  job: 'scan' | 'gate';
  kind: PipelineKind;
  project: Vars;
  /** For the gate: the scan job's run (its artifacts and dotenv report are what `needs:` hands over). */
  after?: JobRun;
}

function readDotenv(file: string): Vars {
  const out: Vars = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!m) throw new Error(`not a dotenv line GitLab accepts: ${line}`);
    out[m[1]] = m[2];
  }
  // GitLab's limits for artifacts:reports:dotenv: 20 variables (gitlab.com's default), 5 KB.
  expect(Object.keys(out).length).toBeLessThanOrEqual(20);
  expect(fs.statSync(file).size).toBeLessThanOrEqual(5 * 1024);
  return out;
}

/** Runs a job's script like a runner: one bash, `set -eo pipefail`, each line echoed as `$ line`. */
async function runJob(o: RunOpts): Promise<JobRun> {
  const job = o.job === 'scan' ? o.pipeline.scan : o.pipeline.gate;
  const jobName = o.job === 'scan' ? SCAN_JOB : GATE_JOB;
  const jobId = ++jobCounter;
  const jobRoot = fs.mkdtempSync(path.join(root, `job-${jobId}-`));
  const projectDir = path.join(jobRoot, 'builds', 'acme', 'shop');
  const tmpDir = path.join(jobRoot, 'tmp');
  const home = path.join(jobRoot, 'home');
  for (const d of [projectDir, tmpDir, home]) fs.mkdirSync(d, { recursive: true });

  const predefined = predefinedVariables(o.kind, projectDir, jobId, jobName);
  let dotenv: Vars = {};
  if (o.job === 'gate') {
    // needs: [{ job: clair-scan, artifacts: true }]: the scan job's artifacts and its dotenv variables.
    expect(job.needs).toEqual([{ job: SCAN_JOB, artifacts: true }]);
    const scan = o.pipeline.scan;
    if (o.after) {
      for (const p of scan.artifacts!.paths) {
        const src = path.join(o.after.projectDir, p);
        if (fs.existsSync(src)) fs.cpSync(src, path.join(projectDir, p), { recursive: true });
      }
      const file = path.join(o.after.projectDir, scan.artifacts!.reports.dotenv);
      if (fs.existsSync(file)) dotenv = readDotenv(file);
    }
  }
  const vars = jobVariables(o.pipeline, job, predefined, o.project, dotenv);
  // The job's rules let GitLab create it in this pipeline.
  expect(jobCreated(job, vars)).toBe(true);
  if (o.job === 'scan') {
    // The template's DOCKER_HOST names the docker:dind service by its alias (`docker`), which the runner makes
    // resolvable inside the job. This simulated job has no such name resolution, so the alias is replaced by the
    // address it would resolve to: the dind-like daemon's. Scheme and port stay as given.
    const alias = dindAlias(o.pipeline);
    expect(stringVars(job.variables)).toMatchObject({
      DOCKER_HOST: `tcp://${alias}:2376`,
      DOCKER_TLS_CERTDIR: '/certs',
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: '/certs/client',
    });
    const dockerHost = new URL(vars.DOCKER_HOST);
    expect(dockerHost.hostname).toBe(alias);
    vars.DOCKER_HOST = `${dockerHost.protocol}//${new URL(remote.dockerHost).hostname}:${dockerHost.port}`;
    expect(vars.DOCKER_HOST).toBe(remote.dockerHost);
  }

  const lines = [...(job.before_script ?? []), ...job.script];
  const script = [
    'set -eo pipefail',
    ...lines.flatMap((l) => [`printf '%s\\n' ${shellQuote(`$ ${l.split('\n')[0]}`)}`, l]),
  ].join('\n');
  const env: Vars = {
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
    const child = spawn('bash', ['-c', script], {
      cwd: projectDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 12 * 60_000,
    });
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  }).finally(() => watcher.close());
  return {
    exitCode,
    log: Buffer.concat(chunks).toString('utf8'),
    projectDir,
    tmpDir,
    startedAt,
    endedAt: Math.ceil(Date.now() / 1000) + 1,
    tmpNames: [...tmpNames],
  };
}

function dindAlias(p: Pipeline = template): string {
  const svc = (p.scan.services ?? []).find((s) => typeof s !== 'string' && /(^|\/)docker:[^/]*dind$/.test(s.name));
  if (!svc || typeof svc === 'string') throw new Error('the scan job has no docker:dind service with an alias');
  return svc.alias ?? 'docker';
}

function remoteDocker(...args: string[]): string[] {
  const out = execFileSync('docker', args, {
    encoding: 'utf8',
    env: { ...process.env, DOCKER_HOST: remote.dockerHost },
  }).trim();
  return out ? out.split('\n') : [];
}

/** "<run id> <role>" of each clair-scan container created on the remote daemon while the job ran. */
function remoteRunsDuring(run: JobRun): string[] {
  const filters = [
    '--filter',
    'type=container',
    '--filter',
    'event=create',
    '--filter',
    'label=io.clair-scan.owner=clair-scan',
  ];
  const format = '{{index .Actor.Attributes "io.clair-scan.run"}} {{index .Actor.Attributes "io.clair-scan.role"}}';
  return remoteDocker(
    'events',
    '--since',
    String(run.startedAt),
    '--until',
    String(run.endedAt),
    ...filters,
    '--format',
    format,
  );
}

/* eslint-disable @typescript-eslint/no-explicit-any */
function readArtifact(p: Pipeline, run: JobRun, report: 'container_scanning' | 'cyclonedx'): any {
  const file = path.join(run.projectDir, p.scan.artifacts!.reports[report]);
  expect(fs.existsSync(file)).toBe(true);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

async function expectScanned(p: Pipeline, run: JobRun, ids: string[] = EXPECTED_IDS): Promise<void> {
  const report = readArtifact(p, run, 'container_scanning');
  expect(validateGitlab(report)).toBeNull();
  expect(report.scan.status).toBe('success');
  expect(report.vulnerabilities.map((v: any) => v.identifiers[0].value).sort()).toEqual(ids);
  expect(new Set(report.vulnerabilities.map((v: any) => v.location.image))).toEqual(new Set([IMAGE]));
  for (const a of p.scan.artifacts!.paths) expect(fs.existsSync(path.join(run.projectDir, a))).toBe(true);
  // The SBOM GitLab reads (artifacts:reports:cyclonedx): schema-valid CycloneDX with GitLab's properties.
  const sbomFile = path.join(run.projectDir, p.scan.artifacts!.reports.cyclonedx);
  expect(
    await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(fs.readFileSync(sbomFile, 'utf8')),
  ).toBeNull();
  const props = Object.fromEntries(
    (readArtifact(p, run, 'cyclonedx').metadata.properties as { name: string; value: string }[]).map((x) => [
      x.name,
      x.value,
    ]),
  );
  expect(props).toMatchObject({
    'gitlab:meta:schema_version': '1',
    'gitlab:container_scanning:image:name': 'localhost/clair-scan-fixture/debian-vuln',
    'gitlab:container_scanning:image:tag': '1',
    'gitlab:container_scanning:operating_system:name': 'debian',
    'gitlab:container_scanning:operating_system:version': '12',
  });
  // The job log: the script line as the runner echoes it, the findings table, no secret in clear.
  expect(run.log).toContain(`$ ${p.scan.script[0]}`);
  for (const id of ids) expect(run.log).toContain(id);
  expect(run.log).not.toContain(TOKEN);
  expect(run.log).not.toContain(JOB_TOKEN);
  // Clair and PostgreSQL ran on the dind-like daemon, and nothing is left behind there: no container of the
  // job's run, none labelled as ours at all; no temp dirs in the job's TMPDIR. The job's run is the one whose
  // temp dirs (`clair-scan-<run id>-…`) appeared in the job's own TMPDIR: other tests may share the daemon.
  const created = remoteRunsDuring(run).map((l) => l.split(' '));
  const runIds = [...new Set(created.map(([id]) => id))].filter((id) =>
    run.tmpNames.some((n) => n.startsWith(`clair-scan-${id}-`)),
  );
  expect(runIds).toHaveLength(1);
  expect(
    created
      .filter(([id]) => id === runIds[0])
      .map(([, role]) => role)
      .sort(),
  ).toEqual(['clair', 'postgres']);
  expect(
    remoteDocker('ps', '-a', '--filter', `label=io.clair-scan.run=${runIds[0]}`, '--format', '{{.Names}}'),
  ).toEqual([]);
  expect(
    remoteDocker('ps', '-a', '--filter', 'label=io.clair-scan.owner=clair-scan', '--format', '{{.Names}}'),
  ).toEqual([]);
  expect(fs.readdirSync(run.tmpDir).filter((n) => n.startsWith('clair-scan-'))).toEqual([]);
}

function dotenvOf(p: Pipeline, run: JobRun): Vars {
  return readDotenv(path.join(run.projectDir, p.scan.artifacts!.reports.dotenv));
}

/** The summary the job wrote (clair-scan-summary.md), read from its artifacts. */
function summaryOf(p: Pipeline, run: JobRun): string {
  const dir = path.dirname(path.join(run.projectDir, p.scan.artifacts!.reports.container_scanning));
  return fs.readFileSync(path.join(dir, 'clair-scan-summary.md'), 'utf8');
}

const MARKER = /^<!-- clair-scan:[0-9a-f]{16} -->\n/;

/** The requests of the sticky note (the notes API and GET /user, whose notes are ours), not other API use. */
function noteRequests(): GitLabApiServer['requests'] {
  return gitlab.requests.filter((r) => /\/notes(\/\d+)?(\?|$)|\/user(\?|$)/.test(r.url));
}

beforeAll(async () => {
  if (!fs.existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run \`npm run bundle\` first`);
  template = loadTemplate();
  root = testTempDir('cs-gitlab-job-');
  // The job image provides the `clair-scan` command; here it is the bundle users run (dist/cli/index.js).
  shimDir = path.join(root, 'bin');
  fs.mkdirSync(shimDir);
  fs.writeFileSync(path.join(shimDir, 'clair-scan'), `#!/bin/sh\nexec node ${shellQuote(CLI_BUNDLE)} "$@"\n`, {
    mode: 0o755,
  });
  gitlab = new GitLabApiServer(TOKEN);
  await gitlab.start();
  remote = await startRemoteDaemon([IMAGE]);
});

afterAll(async () => {
  await gitlab?.stop();
  await stopRemoteDaemon();
});

describe('as written', () => {
  test("the template: a report-only scan job and a gate job, rules and clone settings like GitLab's own template", () => {
    const { scan, gate } = template;
    expect(scan.image?.name).toBe('$CLAIR_SCAN_TOOL_IMAGE');
    expect(template.variables.CLAIR_SCAN_TOOL_IMAGE).toMatch(/^ghcr\.io\/clair-scan\/clair-scan:\d+\.\d+\.\d+$/);
    expect(scan.dependencies).toEqual([]);
    expect(stringVars(scan.variables).GIT_STRATEGY).toBe('none');
    expect(stringVars(gate.variables).GIT_STRATEGY).toBe('none');
    // The security reports of a failed job are not ingested: the scan job does not fail on the policy.
    expect(scan.allow_failure).toBeUndefined();
    expect(scan.artifacts).toMatchObject({
      when: 'always',
      reports: {
        container_scanning: 'clair-scan-reports/gl-container-scanning-report.json',
        cyclonedx: 'clair-scan-reports/clair-scan.cdx.json',
        dotenv: 'clair-scan-reports/clair-scan.env',
      },
    });
    expect(gate.needs).toEqual([{ job: SCAN_JOB, artifacts: true }]);
    expect(gate.stage).toBe(scan.stage);
    expect(gate.rules).toEqual(scan.rules);
    expect(stringVars(scan.variables).CLAIR_SCAN_FAIL).toBe('true');
  });

  test("the component: the template's jobs with the inputs filled in", () => {
    const c = loadComponent({ mode: 'dind' });
    for (const k of ['scan', 'gate'] as const) {
      const { variables: tv, rules: tr, image: ti, ...t } = template[k];
      const { variables: cv, rules: cr, image: ci, ...comp } = c[k];
      expect(comp).toEqual(t);
      expect(ci).toEqual({ ...ti, name: template.variables.CLAIR_SCAN_TOOL_IMAGE });
      // Same rules, with the MR opt-in given as an input instead of CLAIR_SCAN_MR_PIPELINES/AST_ENABLE_MR_PIPELINES.
      expect(cr?.map((r) => r.when)).toEqual(tr?.map((r) => r.when));
      // Every variable the component sets means what the template's does (same default where the template has one).
      // The template sets the database image globally, the component in the job.
      const tvars = { ...template.variables, ...stringVars(tv) };
      for (const [name, value] of Object.entries(stringVars(cv))) {
        if (name === 'CLAIR_SCAN_MR_PIPELINES') continue;
        // The template reaches these through GitLab's CS_* variables (CS_IMAGE, CS_REGISTRY_USER/PASSWORD).
        const viaCs: Vars = {
          CLAIR_SCAN_IMAGE: tvars.CS_IMAGE,
          CLAIR_SCAN_REGISTRY_USERNAME: tvars.CS_REGISTRY_USER,
          CLAIR_SCAN_REGISTRY_PASSWORD: tvars.CS_REGISTRY_PASSWORD,
        };
        expect({ name, value }).toEqual({ name, value: viaCs[name] ?? tvars[name] });
      }
    }
  });

  test.each<[string, PipelineKind, Vars, boolean]>([
    ['a branch pipeline (the default)', 'branch', {}, true],
    ['a tag pipeline', 'tag', {}, false],
    ['a merge request pipeline without the opt-in', 'mr', {}, false],
    ['a merge request pipeline with CLAIR_SCAN_MR_PIPELINES', 'mr', { CLAIR_SCAN_MR_PIPELINES: 'true' }, true],
    ["a merge request pipeline with GitLab's AST_ENABLE_MR_PIPELINES", 'mr', { AST_ENABLE_MR_PIPELINES: 'true' }, true],
    [
      'the branch pipeline of a branch with an open MR, MR pipelines opted in',
      'branch',
      { CLAIR_SCAN_MR_PIPELINES: 'true' },
      false,
    ],
    ['a branch pipeline with CLAIR_SCAN_DISABLED', 'branch', { CLAIR_SCAN_DISABLED: 'true' }, false],
    [
      'a merge request pipeline with CLAIR_SCAN_DISABLED=1',
      'mr',
      { CLAIR_SCAN_MR_PIPELINES: 'true', CLAIR_SCAN_DISABLED: '1' },
      false,
    ],
  ])('rules: %s → jobs created: %s', (_name, kind, project, created) => {
    const predefined = predefinedVariables(kind, '/builds/acme/shop', 1, SCAN_JOB);
    for (const job of [template.scan, template.gate])
      expect(jobCreated(job, jobVariables(template, job, predefined, project))).toBe(created);
    // The component, with its input instead of the variables.
    const { CLAIR_SCAN_MR_PIPELINES: mr, AST_ENABLE_MR_PIPELINES: ast, ...rest } = project;
    const c = loadComponent({ 'mr-pipelines': mr === 'true' || ast === 'true' });
    for (const job of [c.scan, c.gate]) expect(jobCreated(job, jobVariables(c, job, predefined, rest))).toBe(created);
  });
});

let firstNoteId: number;

test("a branch pipeline: the scan job succeeds with the findings and the verdict, the gate job fails the pipeline, one sticky note on the branch's MR", async () => {
  const project = projectVariables(true, { CS_IMAGE: IMAGE, CLAIR_SCAN_VULN_DATA: VULN_DATA() });
  const run = await runJob({ pipeline: template, job: 'scan', kind: 'branch', project });
  expect({ exitCode: run.exitCode, log: run.exitCode === 0 ? '' : run.log }).toEqual({ exitCode: 0, log: '' });
  await expectScanned(template, run);
  expect(dotenvOf(template, run)).toMatchObject({
    CLAIR_SCAN_VERDICT: 'fail',
    CLAIR_SCAN_ENFORCED: 'true',
    CLAIR_SCAN_EXIT_CODE: '1',
    CLAIR_SCAN_TOTAL: '6',
    CLAIR_SCAN_CRITICAL: '1',
    CLAIR_SCAN_HIGH: '1',
    CLAIR_SCAN_REASONS: expect.stringMatching(/at or above High/),
  });
  // The real scan's SARIF passes the SARIF multitool's GitHub and SARIF rules without an error or a warning.
  const lint = lintSarif(path.join(run.projectDir, 'clair-scan-reports', 'clair-scan.sarif'));
  expect({ errors: lint.errors, warnings: lint.warnings }).toEqual({ errors: [], warnings: [] });
  // The branch pipeline finds its merge request in CI_OPEN_MERGE_REQUESTS.
  expect(run.log).toMatch(/merge request !17: summary note created/);
  const notes = gitlab.notesOn(PROJECT_ID, Number(MR_IID));
  expect(notes).toHaveLength(1);
  expect(notes[0].body).toMatch(MARKER);
  expect(notes[0].body.replace(MARKER, '')).toBe(summaryOf(template, run));
  expect(notes[0].body).toMatch(/policy failed/);
  firstNoteId = notes[0].id;
  expect(noteRequests().length).toBeGreaterThan(0);
  expect(noteRequests().filter((r) => r.token !== TOKEN || r.status >= 300)).toEqual([]);
  expect(gitlab.problems).toEqual([]);

  const gate = await runJob({ pipeline: template, job: 'gate', kind: 'branch', project, after: run });
  expect(gate.exitCode).toBe(1);
  expect(gate.log).toMatch(/clair-scan verdict: fail \(critical 1, high 1, medium 1, low 1; reports: http/);
  expect(gate.log).toMatch(/the policy failed: 2 findings at or above High/);
});

test('a merge request pipeline (opted in): the same note is updated, the gate fails', async () => {
  expect(firstNoteId).toBeDefined();
  const before = noteRequests().length;
  const project = projectVariables(true, {
    CLAIR_SCAN_IMAGE: IMAGE,
    CLAIR_SCAN_VULN_DATA: VULN_DATA(),
    CLAIR_SCAN_MR_PIPELINES: 'true',
  });
  const run = await runJob({ pipeline: template, job: 'scan', kind: 'mr', project });
  expect(run.exitCode).toBe(0);
  await expectScanned(template, run);
  expect(run.log).toMatch(/summary note updated/);
  const notes = gitlab.notesOn(PROJECT_ID, Number(MR_IID));
  expect(notes).toHaveLength(1);
  expect(notes[0].id).toBe(firstNoteId);
  expect(
    noteRequests()
      .slice(before)
      .find((r) => r.method === 'PUT')!.url,
  ).toMatch(new RegExp(`/notes/${firstNoteId}$`));
  expect(gitlab.problems).toEqual([]);
  const gate = await runJob({ pipeline: template, job: 'gate', kind: 'mr', project, after: run });
  expect(gate.exitCode).toBe(1);
});

test('report-only (CLAIR_SCAN_FAIL: "false"), no token, GitLab\'s CS_SEVERITY_THRESHOLD: no note, a filtered report, the gate passes and says why', async () => {
  const before = noteRequests().length;
  const notesBefore = gitlab.notesOn(PROJECT_ID, Number(MR_IID)).map((n) => ({ ...n }));
  const project = projectVariables(false, {
    CS_IMAGE: IMAGE,
    CLAIR_SCAN_VULN_DATA: VULN_DATA(),
    CLAIR_SCAN_FAIL: 'false',
    CS_SEVERITY_THRESHOLD: 'HIGH',
  });
  const run = await runJob({ pipeline: template, job: 'scan', kind: 'branch', project });
  expect({ exitCode: run.exitCode, log: run.exitCode === 0 ? '' : run.log }).toEqual({ exitCode: 0, log: '' });
  // CS_SEVERITY_THRESHOLD filters the GitLab report as in GitLab's template (High and Critical only); the gate and
  // the counts still see every finding, and the complete JSON report keeps all six.
  await expectScanned(template, run, ['CVE-2099-1001', 'CVE-2099-1002']);
  const json = JSON.parse(
    fs.readFileSync(path.join(run.projectDir, 'clair-scan-reports', 'clair-scan-result.json'), 'utf8'),
  );
  expect(json.images[0].vulnerabilities).toHaveLength(6);
  expect(readArtifact(template, run, 'container_scanning').scan.messages).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        value: expect.stringMatching(
          /4 of 6 vulnerabilities are not in this report \(report-severities: critical, high\)/,
        ),
      }),
    ]),
  );
  expect(run.log).toMatch(/no gitlab-token \(CLAIR_SCAN_GITLAB_TOKEN\): the merge request note is skipped/);
  expect(noteRequests().length).toBe(before);
  expect(gitlab.notesOn(PROJECT_ID, Number(MR_IID))).toEqual(notesBefore);
  expect(dotenvOf(template, run)).toMatchObject({
    CLAIR_SCAN_VERDICT: 'fail',
    CLAIR_SCAN_ENFORCED: 'false',
    CLAIR_SCAN_EXIT_CODE: '0',
    CLAIR_SCAN_TOTAL: '6',
  });
  const gate = await runJob({ pipeline: template, job: 'gate', kind: 'branch', project, after: run });
  expect({ exitCode: gate.exitCode, log: gate.exitCode === 0 ? '' : gate.log }).toEqual({ exitCode: 0, log: '' });
  expect(gate.log).toMatch(/report-only/);
});

test("the gate fails closed without the scan job's verdict", async () => {
  const gate = await runJob({ pipeline: template, job: 'gate', kind: 'branch', project: {} });
  expect(gate.exitCode).toBe(2);
  expect(gate.log).toMatch(/no verdict from the clair-scan job/);
});

test('an error (exit 2) fails the scan job itself', async () => {
  const project = projectVariables(false, {
    CS_IMAGE: 'localhost/clair-scan-fixture/no-such-image:1',
    CLAIR_SCAN_VULN_DATA: VULN_DATA(),
  });
  const run = await runJob({ pipeline: template, job: 'scan', kind: 'branch', project });
  expect(run.exitCode).toBe(2);
  expect(run.log).toMatch(/no-such-image/);
});

test('the CI/CD component in an MR pipeline: inputs set the image, the data and a critical threshold; the Critical finding fails the gate', async () => {
  const c = loadComponent({
    mode: 'dind',
    image: IMAGE,
    'vuln-data': VULN_DATA(),
    'severity-threshold': 'critical',
    'mr-pipelines': true,
  });
  const project = projectVariables(false, {});
  const run = await runJob({ pipeline: c, job: 'scan', kind: 'mr', project });
  expect({ exitCode: run.exitCode, log: run.exitCode === 0 ? '' : run.log }).toEqual({ exitCode: 0, log: '' });
  await expectScanned(c, run);
  expect(dotenvOf(c, run)).toMatchObject({
    CLAIR_SCAN_VERDICT: 'fail',
    CLAIR_SCAN_REASONS: expect.stringMatching(/1 finding at or above Critical/),
  });
  const gate = await runJob({ pipeline: c, job: 'gate', kind: 'mr', project, after: run });
  expect(gate.exitCode).toBe(1);
});
