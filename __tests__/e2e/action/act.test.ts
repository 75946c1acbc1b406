/**
 * The bundled action run by a GitHub Actions runner no one here wrote: nektos/act (built from its Go module by
 * scripts/test-env/go-tools.sh), self-hosted platform (`-P ubuntu-latest=-self-hosted`: the job runs on this host),
 * act's own artifact server on a loopback port, real Docker + Clair + PostgreSQL. A temp git repository holds only
 * what the action needs (action.yml, dist/, one workflow); `actions/checkout@v4` is handled by act locally, which
 * makes the workspace that `uses: ./` reads. No GitHub API is reachable: no token, or a token and an API address
 * that refuses connections (a closed loopback port).
 *
 * act's JSON log (`--json`) carries each step's result, the workflow commands (::warning:: …) and the job summary
 * (act logs the step's GITHUB_STEP_SUMMARY file as a `summary` command). A later step writes `toJSON(steps.scan)`
 * (outcome and outputs) into a file.
 *
 * Needs `bash scripts/test-env.sh up` (act, the images), the fixture images and `npm run bundle`
 * (CLAIR_SCAN_DIST=<dir> points at another bundle).
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import YAML from 'yaml';
import { loadTestEnv, REPO_ROOT } from '../../helpers/testenv';
import { leftoverContainers, leftoverTempDirs } from '../../helpers/runs';
import { readZip } from '../../helpers/zip';
import { GitHubApiServer } from '../../helpers/github-api-server';
import { validateWrittenReports } from '../../unit/report/schemas';
import { DEBIAN_VULN_FINDINGS, findingLines } from '../scan/helpers';
import type { ImageResult } from '../../../src/findings/model';

jest.setTimeout(900_000);

const DIST = process.env.CLAIR_SCAN_DIST ?? join(REPO_ROOT, 'dist');
const BUNDLE = join(REPO_ROOT, '.testenv/fixtures/vulns.jsonl');
const IMAGE = 'localhost/clair-scan-fixture/debian-vuln:1';
const GO_TOOLS = join(REPO_ROOT, 'scripts/test-env/go-tools.sh');
const TOKEN = 'ghs_actE2eToken0123456789abcdefXYZ';
/** act's upper bound per run: two scans' worth of container starts on a busy 2-core machine. */
const ACT_TIMEOUT_MS = 600_000;

/** act's binary, or an error naming the fix (a test that cannot run here fails). */
function actBinary(): string {
  try {
    return execFileSync('bash', [GO_TOOLS, 'path', 'act'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  } catch (err) {
    throw new Error(`the act e2e tests need nektos/act: ${String((err as { stderr?: string }).stderr ?? err).trim()}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface ActLine {
  msg: string;
  level?: string;
  stage?: string;
  stepID?: string[];
  stepResult?: string;
  jobResult?: string;
  command?: string;
  arg?: string;
  name?: string;
  content?: string;
  raw_output?: boolean;
}

interface ActRun {
  code: number | null;
  /** act's own messages (not JSON): its artifact server's log, "Job 'scan' failed" */
  stderr: string;
  lines: ActLine[];
  /** the scan step as `toJSON(steps.scan)` in a later step */
  step: { outcome: string; conclusion: string; outputs: Record<string, string> };
  dir: string;
  reportDir: string;
  artifactDir: string;
  /** the run id the main step logged */
  runId: string;
}

const scanLines = (r: ActRun, stage: 'Main' | 'Post'): ActLine[] =>
  r.lines.filter((l) => l.stage === stage && l.stepID?.[0] === 'scan');
const commands = (r: ActRun, command: string): string[] =>
  scanLines(r, 'Main')
    .filter((l) => l.command === command)
    .map((l) => l.arg ?? '');
const printed = (r: ActRun, stage: 'Main' | 'Post'): string =>
  scanLines(r, stage)
    .filter((l) => l.raw_output)
    .map((l) => l.msg)
    .join('');

function workflow(dir: string, reportDir: string): string {
  return YAML.stringify({
    name: 'Container scan',
    on: ['push', 'pull_request'],
    jobs: {
      scan: {
        'runs-on': 'ubuntu-latest',
        steps: [
          { uses: 'actions/checkout@v4' },
          {
            id: 'scan',
            uses: './',
            with: {
              image: IMAGE,
              'clair-image': loadTestEnv().clairImage,
              'postgres-image': loadTestEnv().postgresImage,
              pull: 'never',
              'vuln-data': BUNDLE,
              'severity-threshold': 'high',
              'output-dir': reportDir,
            },
          },
          {
            name: 'record the scan step',
            if: 'always()',
            env: { STEP: '${{ toJSON(steps.scan) }}' },
            run: `printf '%s' "$STEP" > '${join(dir, 'step.json')}'`,
          },
        ],
      },
    },
  });
}

/** A git repository with only what the action needs, as a user's repository would hold it. */
function makeRepo(dir: string, reportDir: string): { repo: string; sha: string } {
  const repo = join(dir, 'repo');
  mkdirSync(join(repo, '.github', 'workflows'), { recursive: true });
  cpSync(join(REPO_ROOT, 'action.yml'), join(repo, 'action.yml'));
  for (const d of ['main', 'post']) cpSync(join(DIST, d), join(repo, 'dist', d), { recursive: true });
  writeFileSync(join(repo, '.github', 'workflows', 'scan.yml'), workflow(dir, reportDir));
  const git = (...args: string[]): string =>
    execFileSync(
      'git',
      ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.invalid', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd: repo,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: join(dir, 'home'), GIT_CONFIG_NOSYSTEM: '1' },
      },
    ).trim();
  git('init', '-q', '-b', 'main');
  // act takes GITHUB_REPOSITORY from the origin remote (nektos/act without one): the event's repository.
  git('remote', 'add', 'origin', 'https://github.com/acme/widgets.git');
  git('add', '.');
  git('commit', '-q', '-m', 'scan workflow');
  return { repo, sha: git('rev-parse', 'HEAD') };
}

function eventPayload(event: 'push' | 'pull_request', sha: string): unknown {
  const repository = { name: 'widgets', full_name: 'acme/widgets', owner: { login: 'acme' } };
  if (event === 'push') return { ref: 'refs/heads/main', after: sha, repository };
  const side = (ref: string) => ({ ref, sha, repo: { full_name: 'acme/widgets' } });
  return {
    action: 'synchronize',
    number: 17,
    pull_request: { number: 17, head: side('feature'), base: side('main') },
    repository,
  };
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function runAct(event: 'push' | 'pull_request', opts: { token?: string; apiUrl?: string } = {}): Promise<ActRun> {
  const act = actBinary();
  const dir = mkdtempSync(join(tmpdir(), 'cs-act-e2e-'));
  dirs.push(dir);
  const reportDir = join(dir, 'reports');
  const artifactDir = join(dir, 'artifacts');
  const home = join(dir, 'home');
  for (const d of [artifactDir, home]) mkdirSync(d, { recursive: true });
  const { repo, sha } = makeRepo(dir, reportDir);
  const eventFile = join(dir, 'event.json');
  writeFileSync(eventFile, JSON.stringify(eventPayload(event, sha)));
  const args = [
    event,
    '-P',
    'ubuntu-latest=-self-hosted',
    '-W',
    '.github/workflows/scan.yml',
    '-e',
    eventFile,
    '--json',
    '--artifact-server-path',
    artifactDir,
    '--artifact-server-addr',
    '127.0.0.1',
    '--artifact-server-port',
    String(await freePort()),
    // act's cache server binds the machine's outbound address by default; nothing here uses it.
    '--no-cache-server',
    // the workspace copies and act's per-job files: inside this test's temp dir
    '--action-cache-path',
    join(dir, 'act-cache'),
  ];
  if (opts.token) args.push('-s', `GITHUB_TOKEN=${opts.token}`);
  if (opts.apiUrl) args.push('--env', `GITHUB_API_URL=${opts.apiUrl}`);
  // act hands its own environment to self-hosted steps: keep it to what a runner host has, with HOME (act's
  // config and caches) in the temp dir. ACT_DISABLE_VERSION_CHECK: act would otherwise ask its notices server.
  const env: Record<string, string> = {
    HOME: home,
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_CONFIG_HOME: join(home, '.config'),
    ACT_DISABLE_VERSION_CHECK: '1',
    DOCKER_HOST: loadTestEnv().dockerHost,
  };
  for (const k of ['PATH', 'LANG', 'TMPDIR']) if (process.env[k]) env[k] = process.env[k]!;
  const child = spawn(act, args, { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), ACT_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  const lines = stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as ActLine);
  const stepFile = join(dir, 'step.json');
  if (!existsSync(stepFile))
    throw new Error(
      `act (exit ${code}) did not run the step that records the scan step\n${stderr}\n${stdout.slice(-4000)}`,
    );
  const mainOutput = lines
    .filter((l) => l.raw_output && l.stage === 'Main' && l.stepID?.[0] === 'scan')
    .map((l) => l.msg)
    .join('');
  const runId = /^Run ([a-z0-9-]+) \(if this process is killed/m.exec(mainOutput)?.[1];
  if (!runId) throw new Error(`the main step logged no run id\n${stdout.slice(-4000)}`);
  return { code, stderr, lines, step: JSON.parse(readFileSync(stepFile, 'utf8')), dir, reportDir, artifactDir, runId };
}

/** Every file under dir, relative, sorted. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

const REPORTS = [
  'clair-scan-report.html',
  'clair-scan-result.json',
  'clair-scan-summary.md',
  'clair-scan.cdx.json',
  'clair-scan.sarif',
  'gl-container-scanning-report.json',
];

/** What every run asserts: exact findings and outputs, the gate, the job summary, the post step's cleanup, the artifact. */
async function expectScanned(r: ActRun): Promise<void> {
  // the gate: the step fails (exit 1, a policy failure), so does the job and act
  expect(r.step.outcome).toBe('failure');
  expect(r.code).toBe(1);
  expect(r.stderr).toContain("Job 'scan' failed");
  expect(r.lines.filter((l) => l.jobResult).map((l) => l.jobResult)).toEqual(['failure']);
  expect(commands(r, 'error')).toEqual([
    'Policy failed:\n- 2 findings at or above High (severity-threshold: high): 1 Critical, 1 High',
  ]);

  // exact findings, in schema-valid reports
  expect(readdirSync(r.reportDir).sort()).toEqual(REPORTS);
  const json = JSON.parse(readFileSync(join(r.reportDir, 'clair-scan-result.json'), 'utf8')) as {
    images: ImageResult[];
  };
  expect(json.images.map((i) => i.image.ref)).toEqual([IMAGE]);
  expect(findingLines(json.images[0])).toEqual(DEBIAN_VULN_FINDINGS);
  const at = (f: string): string => join(r.reportDir, f);
  expect(
    await validateWrittenReports({
      sarif: at('clair-scan.sarif'),
      gitlab: at('gl-container-scanning-report.json'),
      cyclonedx: at('clair-scan.cdx.json'),
    }),
  ).toEqual([]);

  // outputs, as a later step sees them: every output of action.yml
  const action = YAML.parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as {
    outputs: Record<string, unknown>;
  };
  // new-* and fixed-total stay empty: no baseline was compared (on push none is looked for; in these pull
  // requests none can be fetched), as action.yml documents.
  const expected: Record<string, string> = {
    ...Object.fromEntries(Object.keys(action.outputs).map((k) => [k, ''])),
    verdict: 'fail',
    'exit-code': '1',
    total: '6',
    critical: '1',
    high: '1',
    medium: '1',
    low: '1',
    negligible: '1',
    unknown: '1',
    fixable: '4',
    'report-dir': r.reportDir,
    sarif: at('clair-scan.sarif'),
    'gitlab-report': at('gl-container-scanning-report.json'),
    markdown: at('clair-scan-summary.md'),
    html: at('clair-scan-report.html'),
    json: at('clair-scan-result.json'),
    sbom: at('clair-scan.cdx.json'),
  };
  expect(r.step.outputs).toEqual(expected);

  // the job summary (act logs the step's GITHUB_STEP_SUMMARY): the Markdown report, once
  const summaries = scanLines(r, 'Main')
    .filter((l) => l.command === 'summary')
    .map((l) => l.content ?? '');
  expect(summaries).toHaveLength(1);
  expect(summaries[0].trimEnd()).toBe(readFileSync(at('clair-scan-summary.md'), 'utf8').trimEnd());
  expect(summaries[0]).toMatch(/^## ❌ clair-scan: policy failed — 1 image\n/);
  for (const id of DEBIAN_VULN_FINDINGS.map((f) => f.split(' ')[0])) expect(summaries[0]).toContain(id);

  // the post step ran (post-if: always()) and left nothing of the run
  const post = scanLines(r, 'Post');
  expect(post.filter((l) => l.stepResult).map((l) => l.stepResult)).toEqual(['success']);
  expect(printed(r, 'Post')).toContain(`clair-scan: cleanup of run ${r.runId} done: no containers left.`);
  expect(leftoverContainers(r.runId)).toEqual([]);
  expect(leftoverTempDirs(r.runId)).toEqual([]);

  expectArtifactOutcome(r);
}

/**
 * act's artifact server and the action's artifact client. While nektos/act #6021 stands the blob upload gets
 * 401 "Error unauthorized" from act's signature check: then the warning must give a reason and nothing else may
 * change (the gate and outputs are asserted by the caller). When an act version accepts the upload, the artifact
 * must be a valid zip of exactly the reports.
 */
function expectArtifactOutcome(r: ActRun): void {
  const warnings = commands(r, 'warning').filter((w) => w.startsWith('uploading the report artifact'));
  const uploaded = printed(r, 'Main').includes('artifact "clair-scan-reports" uploaded');
  if (!uploaded) {
    // the act bug: its server logs the refusal; our warning names the HTTP status, never an empty reason
    expect(r.stderr).toContain('Error unauthorized');
    expect(warnings).toHaveLength(1);
    const reason = /^uploading the report artifact failed: (.*)$/.exec(warnings[0])?.[1] ?? '';
    expect(reason.trim()).not.toBe('');
    expect(reason).toContain('401');
    // what act kept of the refused upload is no usable artifact
    for (const f of filesUnder(r.artifactDir)) expect(() => readZip(readFileSync(join(r.artifactDir, f)))).toThrow();
    console.info(
      `act ${r.runId}: the artifact upload was refused by act's server (nektos/act #6021): "${warnings[0]}"`,
    );
    return;
  }
  expect(warnings).toEqual([]);
  const zips = filesUnder(r.artifactDir);
  expect(zips).toEqual([expect.stringMatching(/(^|\/)clair-scan-reports\.zip$/)]);
  const files = readZip(readFileSync(join(r.artifactDir, zips[0])));
  expect([...files.keys()].sort()).toEqual(REPORTS);
  for (const f of REPORTS) expect(files.get(f)!.equals(readFileSync(join(r.reportDir, f)))).toBe(true);
  console.info(`act ${r.runId}: the artifact upload succeeded: ${zips[0]} holds the ${REPORTS.length} reports`);
}

describe('the bundled action under nektos/act (self-hosted, real Docker + Clair)', () => {
  beforeAll(() => {
    const missing = [join(DIST, 'main', 'index.js'), join(DIST, 'post', 'index.js'), BUNDLE].filter(
      (f) => !existsSync(f),
    );
    if (missing.length)
      throw new Error(`the act e2e tests need ${missing.join(', ')} (npm run bundle; bash scripts/fixtures/build.sh)`);
    loadTestEnv();
    actBinary();
  });

  test('push: the gate fails the job (exit 1) with exact findings, outputs, job summary; the post step cleans up; the artifact outcome is checked', async () => {
    const r = await runAct('push');
    await expectScanned(r);
    // no pull request: no comment and no baseline to look for
    expect(commands(r, 'warning').filter((w) => /pull request comment|baseline/.test(w))).toEqual([]);
  });

  test('pull_request without a token: comment and baseline skipped with the documented warnings, the job summary says so, the gate still fails the job', async () => {
    const r = await runAct('pull_request');
    await expectScanned(r);
    const warnings = commands(r, 'warning');
    expect(warnings).toContain(
      'no github-token: the pull request comment is skipped; the summary is in the job summary.',
    );
    expect(warnings).toContain(
      'baseline: no github-token: the baseline cannot be fetched; no comparison is made, the report is complete.',
    );
    expect(
      warnings.filter((w) =>
        w.startsWith('baseline: no baseline was compared for localhost/clair-scan-fixture/debian-vuln'),
      ),
    ).toHaveLength(1);
    const summary = scanLines(r, 'Main').find((l) => l.command === 'summary')!.content!;
    expect(summary).toContain('Baseline: no github-token: the baseline cannot be fetched');
  });

  test('pull_request with a token but the GitHub API unreachable (connection refused): warnings with the reason, job summary, the gate still fails the job, the token never printed', async () => {
    const apiUrl = `http://127.0.0.1:${await freePort()}`; // nothing listens there
    const r = await runAct('pull_request', { token: TOKEN, apiUrl });
    await expectScanned(r);
    const warnings = commands(r, 'warning');
    const comment = warnings.filter((w) => w.startsWith('could not write the pull request comment'));
    expect(comment).toHaveLength(1);
    expect(comment[0]).toMatch(/^could not write the pull request comment \([^)]*ECONNREFUSED[^)]*\)/);
    const baseline = warnings.filter((w) => w.startsWith('baseline: the baseline could not be fetched'));
    expect(baseline).toHaveLength(1);
    expect(baseline[0]).toMatch(
      /^baseline: the baseline could not be fetched \([^)]*ECONNREFUSED[^)]*\); no comparison is made, the report is complete\.$/,
    );
    // act prints the add-mask command's argument in its own JSON field; every other line must not carry the token
    const leaks = r.lines.filter((l) => l.command !== 'add-mask' && JSON.stringify(l).includes(TOKEN));
    expect(leaks).toEqual([]);
    for (const f of readdirSync(r.reportDir)) expect(readFileSync(join(r.reportDir, f), 'utf8')).not.toContain(TOKEN);
  });

  test('pull_request with a token and the (simulated) GitHub API: one sticky comment with the findings, the same comment after the next run, every request valid for the API description', async () => {
    // Only the GitHub web API is simulated (each request and answer checked against @octokit/openapi); the runner
    // (act), its event, its token secret and the bundled action are real.
    const api = new GitHubApiServer();
    api.expectedToken = TOKEN;
    // This run, as act numbers it (GITHUB_RUN_ID 1): the baseline lookup asks for its workflow; main has no run yet.
    api.runs.push({
      id: 1,
      workflowId: 1,
      branch: 'feature',
      event: 'pull_request',
      conclusion: 'failure',
      headRepository: 'acme/widgets',
      createdAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    });
    const apiUrl = await api.start();
    try {
      const ids: number[] = [];
      for (const round of [1, 2]) {
        const r = await runAct('pull_request', { token: TOKEN, apiUrl });
        await expectScanned(r);
        expect({ round, comment: commands(r, 'warning').filter((w) => /pull request comment/.test(w)) }).toEqual({
          round,
          comment: [],
        });
        const comments = api.commentsOn('acme', 'widgets', 17);
        expect(comments).toHaveLength(1);
        expect(comments[0].body.split('\n')[0]).toMatch(/^<!-- clair-scan:[0-9a-f]{16} -->$/);
        expect(comments[0].body).toMatch(/policy failed/i);
        for (const id of ['CVE-2099-1001', 'CVE-2099-1002']) expect(comments[0].body).toContain(id);
        ids.push(comments[0].id);
        const leaks = r.lines.filter((l) => l.command !== 'add-mask' && JSON.stringify(l).includes(TOKEN));
        expect(leaks).toEqual([]);
      }
      expect(ids[1]).toBe(ids[0]);
      expect(api.requests.filter((q) => q.method === 'POST' && /\/comments/.test(q.url))).toHaveLength(1);
      expect(api.problems).toEqual([]);
    } finally {
      await api.stop();
    }
  });
});
