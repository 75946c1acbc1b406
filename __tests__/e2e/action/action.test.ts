/**
 * The bundled action run the way the runner runs it: `node dist/main/index.js` with `INPUT_*` variables (every
 * input of action.yml, defaults included), the runner's file commands (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
 * GITHUB_STATE), a pull_request event payload, the GitHub API and the artifact backend as local servers; then
 * `node dist/post/index.js` with the saved state as `STATE_*`. Docker, PostgreSQL and Clair are real.
 *
 * Needs `bash scripts/test-env.sh up` and `npm run bundle` (CLAIR_SCAN_DIST=<dir> points at another bundle).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import YAML from 'yaml';
import { ArtifactServer } from '../../helpers/artifact-server';
import { GitHubApiServer } from '../../helpers/github-api-server';
import { loadTestEnv, REPO_ROOT } from '../../helpers/testenv';
import { imageDirName, type BatchSummary } from '../../../src/batch/outputs';

// The e2e project's testTimeout is not honoured inside `projects` (jest warns); set it here.
jest.setTimeout(900_000);

const DIST = process.env.CLAIR_SCAN_DIST ?? join(REPO_ROOT, 'dist');
const MAIN = join(DIST, 'main', 'index.js');
const POST = join(DIST, 'post', 'index.js');
const BUNDLE = join(REPO_ROOT, '.testenv/fixtures/vulns.jsonl');
const IMAGE = 'localhost/clair-scan-fixture/debian-vuln:1';
const TOKEN = 'ghs_e2eActionToken0123456789abcdefXYZ';
const OWNER = 'acme';
const REPO = 'widgets';
const PR = 17;

const ready = existsSync(MAIN) && existsSync(POST) && existsSync(join(REPO_ROOT, '.testenv/env.json'));
/** A test that cannot run here fails, naming what is missing: a skip would let the suite pass without the action. */
function describeIfReady(name: string, body: () => void): void {
  describe(name, () => {
    beforeAll(() => {
      if (!ready)
        throw new Error(
          `the action e2e tests need ${MAIN}, ${POST} (npm run bundle) and .testenv/env.json (scripts/test-env.sh up)`,
        );
    });
    body();
  });
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  state: Record<string, string>;
  dir: string;
}

/** Parses the runner's file-command format: `name=value` lines or `name<<DELIM\nvalue\nDELIM` blocks. */
function parseFileCommand(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(l);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]);
      out[heredoc[1]] = value.join('\n');
    } else if (l.includes('=')) {
      out[l.slice(0, l.indexOf('='))] = l.slice(l.indexOf('=') + 1);
    }
  }
  return out;
}

/** Every input as the runner sets it: action.yml defaults (with `${{ github.token }}` evaluated), then the step's `with:`. */
function inputEnv(withInputs: Record<string, string>): Record<string, string> {
  const action = YAML.parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const env: Record<string, string> = {};
  for (const [name, def] of Object.entries(action.inputs)) {
    let v = def.default ?? '';
    if (v === '${{ github.token }}') v = TOKEN;
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = v;
  }
  for (const [name, v] of Object.entries(withInputs)) env[`INPUT_${name.toUpperCase()}`] = v;
  return env;
}

function baseEnv(dir: string, api: GitHubApiServer, artifacts: ArtifactServer, event: string): Record<string, string> {
  const eventPath = join(dir, 'event.json');
  writeFileSync(
    eventPath,
    JSON.stringify({
      action: 'synchronize',
      number: PR,
      pull_request: {
        number: PR,
        head: { repo: { full_name: `${OWNER}/${REPO}` } },
        base: { repo: { full_name: `${OWNER}/${REPO}` } },
      },
      repository: { name: REPO, owner: { login: OWNER } },
    }),
  );
  for (const f of ['output', 'summary', 'state']) writeFileSync(join(dir, f), '');
  const keep = ['PATH', 'HOME', 'LANG', 'DOCKER_HOST', 'TMPDIR'];
  const env: Record<string, string> = {};
  for (const k of keep) if (process.env[k]) env[k] = process.env[k]!;
  return {
    ...env,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_WORKFLOW: 'Container scan',
    GITHUB_JOB: 'scan',
    GITHUB_RUN_ID: '1234',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: api.url,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    ...artifacts.env(),
  };
}

function collect(child: ChildProcess, dir: string): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += String(d)));
  child.stderr!.on('data', (d) => (stderr += String(d)));
  return new Promise((resolve) =>
    child.on('close', (code) =>
      resolve({
        code,
        stdout,
        stderr,
        outputs: parseFileCommand(readFileSync(join(dir, 'output'), 'utf8')),
        summary: readFileSync(join(dir, 'summary'), 'utf8'),
        state: parseFileCommand(readFileSync(join(dir, 'state'), 'utf8')),
        dir,
      }),
    ),
  );
}

function startMain(dir: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [MAIN], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

function runPost(dir: string, env: Record<string, string>, state: Record<string, string>): Promise<RunResult> {
  const stateEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(state)) stateEnv[`STATE_${k}`] = v;
  return collect(
    spawn(process.execPath, [POST], { cwd: dir, env: { ...env, ...stateEnv }, stdio: ['ignore', 'pipe', 'pipe'] }),
    dir,
  );
}

async function dockerLines(...args: string[]): Promise<string[]> {
  const child = spawn('docker', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  await new Promise((r) => child.on('close', r));
  return out.split('\n').filter(Boolean);
}

const runContainers = (runId: string) =>
  dockerLines('ps', '-a', '--filter', `label=io.clair-scan.run=${runId}`, '--format', '{{.Names}}');

function runIdOf(r: RunResult): string {
  const state = JSON.parse(r.state['clair-scan-run'] ?? '{}') as { runId?: string };
  expect(state.runId).toMatch(/^[a-z0-9-]+$/);
  return state.runId!;
}

/**
 * For a describe block: the simulated GitHub API (started before its tests, stopped after, every request checked
 * against the API description after each test) and `newDir`, temp dirs removed after the block.
 */
function apiAndTempDirs(prefix: string): { api: GitHubApiServer; newDir: () => string } {
  const api = new GitHubApiServer();
  const dirs: string[] = [];
  beforeAll(async () => {
    api.expectedToken = TOKEN;
    await api.start();
  });
  afterAll(async () => {
    await api.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  afterEach(() => expect(api.problems).toEqual([]));
  const newDir = (): string => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
  return { api, newDir };
}

describeIfReady('the action on a pull request (real Docker + Clair, simulated GitHub APIs)', () => {
  const tenv = ready ? loadTestEnv() : undefined;
  const { api, newDir } = apiAndTempDirs('cs-action-e2e-');
  const withInputs = (outDir: string): Record<string, string> => ({
    image: IMAGE,
    'clair-image': tenv!.clairImage,
    'postgres-image': tenv!.postgresImage,
    pull: 'never',
    'vuln-data': BUNDLE,
    'output-dir': outDir,
    'severity-threshold': 'high',
  });

  async function scanRun(
    event = 'pull_request',
  ): Promise<RunResult & { artifacts: ArtifactServer; reportDir: string }> {
    const artifacts = new ArtifactServer(); // one per workflow run: the artifact name is unique within a run
    await artifacts.start();
    try {
      const dir = newDir();
      const reportDir = join(dir, 'clair-scan-reports');
      const env = { ...baseEnv(dir, api, artifacts, event), ...inputEnv(withInputs(reportDir)) };
      const r = await collect(startMain(dir, env), dir);
      expect(artifacts.problems).toEqual([]);
      return { ...r, artifacts, reportDir };
    } finally {
      await artifacts.stop();
    }
  }

  function assertNoTokenLeak(r: RunResult & { reportDir: string }): void {
    // `::add-mask::<token>` is the command that tells the runner to mask it: the runner never prints it.
    const log = (r.stdout + r.stderr).split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(log.filter((l) => l.includes(TOKEN))).toEqual([]);
    expect(r.summary).not.toContain(TOKEN);
    expect(JSON.stringify(r.outputs)).not.toContain(TOKEN);
    for (const f of readdirSync(r.reportDir)) expect(readFileSync(join(r.reportDir, f), 'utf8')).not.toContain(TOKEN);
  }

  let commentId: number | undefined;

  test('first run: policy fails (exit 1), outputs + job summary + artifact written, one PR comment created; post step leaves nothing', async () => {
    const r = await scanRun();
    expect({ code: r.code, stderr: r.code === 1 ? '' : r.stderr + r.stdout }).toEqual({ code: 1, stderr: '' });
    expect(r.stdout).toMatch(/::error::Policy failed/);

    // outputs: every one of action.yml's outputs is written
    const action = YAML.parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as {
      outputs: Record<string, unknown>;
    };
    expect(Object.keys(r.outputs).sort()).toEqual(Object.keys(action.outputs).sort());
    expect(r.outputs).toMatchObject({
      verdict: 'fail',
      'exit-code': '1',
      critical: '1',
      high: '1',
      medium: '1',
      low: '1',
      negligible: '1',
      unknown: '1',
      total: '6',
      fixable: '4',
    });
    expect(r.outputs['report-dir']).toBe(r.reportDir);
    for (const k of ['sarif', 'gitlab-report', 'markdown', 'html', 'json', 'sbom'])
      expect(existsSync(r.outputs[k])).toBe(true);

    // job summary
    expect(r.summary).toContain('CVE-2099-1001');

    // artifact: exactly the reports, same bytes
    expect(r.artifacts.artifacts).toHaveLength(1);
    const a = r.artifacts.artifacts[0];
    expect(a).toMatchObject({ name: 'clair-scan-reports', finalized: true });
    const onDisk = readdirSync(r.reportDir).sort();
    expect([...a.files.keys()].sort()).toEqual(onDisk);
    for (const f of onDisk) expect(a.files.get(f)!.equals(readFileSync(join(r.reportDir, f)))).toBe(true);
    expect(onDisk).toEqual(
      expect.arrayContaining(['clair-scan.sarif', 'gl-container-scanning-report.json'].map((f) => basename(f))),
    );

    // one sticky comment, starting with the hidden marker
    const comments = api.commentsOn(OWNER, REPO, PR);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toMatch(/^<!-- clair-scan:[0-9a-f]{16} -->\n/);
    expect(comments[0].body).toContain('CVE-2099-1001');
    commentId = comments[0].id;
    const writes = api.requests.filter((x) => x.method !== 'GET');
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.filter((x) => x.authorization !== `token ${TOKEN}`)).toEqual([]);
    assertNoTokenLeak(r);

    // post step with the saved state
    const runId = runIdOf(r);
    const post = await runPost(r.dir, baseEnv(r.dir, api, new ArtifactServer(), 'pull_request'), r.state);
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(runId);
    expect(await runContainers(runId)).toEqual([]);
    expect(readdirSync(tmpdir()).filter((n) => n.includes(runId))).toEqual([]);
  });

  test('second run: the same comment is updated in place (still one)', async () => {
    expect(commentId).toBeDefined();
    const writesBefore = api.requests.filter((x) => x.method === 'POST').length;
    const r = await scanRun();
    expect(r.code).toBe(1);
    const comments = api.commentsOn(OWNER, REPO, PR);
    expect(comments.map((c) => c.id)).toEqual([commentId]);
    expect(api.requests.filter((x) => x.method === 'POST').length).toBe(writesBefore);
    expect(r.artifacts.artifacts).toHaveLength(1);
    assertNoTokenLeak(r);
  });

  test('a read-only token (fork PR, 403) is a warning; the exit code and the other publishers are unchanged', async () => {
    api.forbidWrites = true;
    try {
      const r = await scanRun();
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(
        /::warning::could not write the pull request comment \(HTTP 403: Resource not accessible by integration[^)]*\)[^\n]*job summary/,
      );
      expect(r.outputs['exit-code']).toBe('1');
      expect(r.summary).toContain('CVE-2099-1001');
      expect(r.artifacts.artifacts).toHaveLength(1);
      expect(api.commentsOn(OWNER, REPO, PR).map((c) => c.id)).toEqual([commentId]);
      assertNoTokenLeak(r);
    } finally {
      api.forbidWrites = false;
    }
  });

  test('bad input: exit 2, outputs still say exit-code 2, the error and what to do are in the log', async () => {
    const artifacts = new ArtifactServer();
    await artifacts.start();
    try {
      const dir = newDir();
      const env = {
        ...baseEnv(dir, api, artifacts, 'push'),
        ...inputEnv({ ...withInputs(join(dir, 'out')), 'severity-threshold': 'severe' }),
      };
      const r = await collect(startMain(dir, env), dir);
      expect(r.code).toBe(2);
      expect(r.outputs['exit-code']).toBe('2');
      expect(r.outputs.verdict).toBe('');
      expect(r.stdout).toMatch(/::error::input "severity-threshold" has an invalid value "severe"/);
      expect(r.summary).toContain('severity-threshold');
      expect(artifacts.artifacts).toHaveLength(0);
    } finally {
      await artifacts.stop();
    }
  });

  test('main step killed mid-scan: the post step removes its containers and temp dirs', async () => {
    const artifacts = new ArtifactServer();
    await artifacts.start();
    const dir = newDir();
    const env = { ...baseEnv(dir, api, artifacts, 'pull_request'), ...inputEnv(withInputs(join(dir, 'out'))) };
    const child = startMain(dir, env);
    const done = collect(child, dir);
    // Wait (bounded) until the run has saved its state and started a container, then kill it like a cancelled job.
    let runId: string | undefined;
    for (let i = 0; i < 600 && child.exitCode === null; i++) {
      const state = parseFileCommand(readFileSync(join(dir, 'state'), 'utf8'))['clair-scan-run'];
      if (state) {
        runId = (JSON.parse(state) as { runId: string }).runId;
        if ((await runContainers(runId)).length > 0) break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(child.exitCode).toBeNull();
    child.kill('SIGKILL');
    const r = await done;
    await artifacts.stop();
    expect(runId).toBeDefined();
    expect((await runContainers(runId!)).length).toBeGreaterThan(0);
    const post = await runPost(dir, env, r.state);
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(/removed containers/);
    expect(await runContainers(runId!)).toEqual([]);
    expect(readdirSync(tmpdir()).filter((n) => n.includes(runId!))).toEqual([]);
  });
});

describeIfReady('the action in batch mode: images-file (real Docker + Clair, simulated GitHub APIs)', () => {
  const tenv = ready ? loadTestEnv() : undefined;
  const { api, newDir } = apiAndTempDirs('cs-action-batch-e2e-');
  const fixture = (name: string): string => `docker:localhost/clair-scan-fixture/${name}:1`;
  const MISSING = 'docker:localhost/clair-scan-fixture/no-such-image:1';

  async function batchRun(
    withInputs: (dir: string) => Record<string, string>,
  ): Promise<RunResult & { artifacts: ArtifactServer; env: Record<string, string> }> {
    const artifacts = new ArtifactServer();
    await artifacts.start();
    try {
      const dir = newDir();
      // A pull request event: batch mode still keeps no PR comment (a fleet job is scheduled, not a review).
      const env = { ...baseEnv(dir, api, artifacts, 'pull_request'), ...inputEnv(withInputs(dir)) };
      const r = await collect(startMain(dir, env), dir);
      expect(artifacts.problems).toEqual([]);
      return { ...r, artifacts, env };
    } finally {
      await artifacts.stop();
    }
  }

  test('`image` plus an images-file: every image scanned against one ephemeral Clair; exit 2 (one errored), exact vulnerable.list, outputs, job summary and artifact; no PR comment; the post step leaves nothing', async () => {
    const r = await batchRun((dir) => {
      writeFileSync(
        join(dir, 'images.txt'),
        ['# the fleet', fixture('debian-vuln'), '', `${MISSING}  # gone from the daemon`, ''].join('\n'),
      );
      return {
        image: fixture('clean'),
        'images-file': join(dir, 'images.txt'),
        concurrency: '2',
        'clair-image': tenv!.clairImage,
        'postgres-image': tenv!.postgresImage,
        pull: 'never',
        'vuln-data': BUNDLE,
        'output-dir': join(dir, 'fleet'),
        'severity-threshold': 'high',
        formats: 'json,sarif',
      };
    });
    const out = join(r.dir, 'fleet');
    const missingError = `image "localhost/clair-scan-fixture/no-such-image:1" was not found in the Docker daemon at ${tenv!.dockerHost}`;
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 2, stderr: '' });

    // vulnerable.list: the image that failed, a tab, the failed rule.
    expect(readFileSync(join(out, 'vulnerable.list'), 'utf8')).toBe(
      `${fixture('debian-vuln')}\tseverity-threshold: high\n`,
    );
    const summary = JSON.parse(readFileSync(join(out, 'batch-summary.json'), 'utf8')) as BatchSummary;
    expect(summary.images.map((e) => [e.image, e.verdict])).toEqual([
      [fixture('clean'), 'pass'],
      [fixture('debian-vuln'), 'fail'],
      [MISSING, 'error'],
    ]);
    expect(summary.totals).toEqual({ images: 3, passed: 1, failed: 1, errored: 1, resumed: 0 });
    expect(summary.exitCode).toBe(2);

    // outputs: every output of action.yml, the batch's counts and files
    const action = YAML.parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as {
      outputs: Record<string, unknown>;
    };
    expect(Object.keys(r.outputs).sort()).toEqual(Object.keys(action.outputs).sort());
    const empty = [
      'new-total',
      'new-critical',
      'new-high',
      'new-medium',
      'new-low',
      'new-negligible',
      'new-unknown',
      'fixed-total',
      'sarif',
      'gitlab-report',
      'markdown',
      'html',
      'json',
      'sbom',
      'openvex',
      'platforms',
    ];
    expect(r.outputs).toEqual({
      verdict: 'fail',
      'exit-code': '2',
      total: '6',
      critical: '1',
      high: '1',
      medium: '1',
      low: '1',
      negligible: '1',
      unknown: '1',
      fixable: '4',
      'report-dir': out,
      images: '3',
      'images-passed': '1',
      'images-failed': '1',
      'images-errored': '1',
      'vulnerable-list': join(out, 'vulnerable.list'),
      'batch-summary': join(out, 'batch-summary.json'),
      ...Object.fromEntries(empty.map((k) => [k, ''])),
    });

    // the job summary: errors, then policy failures, then passes
    expect(r.summary).toBe(
      [
        '## ⚠️ clair-scan batch: not every image was scanned — 3 images: 1 passed, 1 failed the policy, 1 errored',
        '',
        'Policy: severity-threshold: high.',
        '',
        '| Image | Verdict | Critical | High | Medium | Low | Other | Total | Failed rule or error |',
        '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
        `| ${MISSING} | ⚠️ error |  |  |  |  |  |  | ${missingError.replace(/"/g, '&quot;')} |`,
        `| ${fixture('debian-vuln')} | ❌ fail | 1 | 1 | 1 | 1 | 2 | 6 | severity-threshold: high |`,
        `| ${fixture('clean')} | ✅ pass | 0 | 0 | 0 | 0 | 0 | 0 |  |`,
        '',
        '`vulnerable.list` names the 1 image that failed the policy, one per line with the failed rules.',
        '',
        'No verdict for 1 image (exit code 2): see each error above and the job log.',
        '',
        '',
      ].join('\n'),
    );

    // the step's failure: what errored, then what failed the policy (the runner's ::error:: escapes newlines as %0A)
    expect(r.stdout).toContain(
      `::error::Batch: 3 images: 1 passed, 1 failed the policy, 1 errored. Errored:%0A- ${MISSING}: ${missingError}%0APolicy failed:%0A- ${fixture('debian-vuln')}: severity-threshold: high\n`,
    );
    expect(r.stdout).toContain('batch mode keeps no pull request comment');

    // the artifact: the batch's files and each scanned image's reports, the same bytes as on disk
    expect(r.artifacts.artifacts).toHaveLength(1);
    const a = r.artifacts.artifacts[0];
    expect(a).toMatchObject({ name: 'clair-scan-reports', finalized: true });
    const perImage = (image: string): string[] =>
      ['clair-scan-result.json', 'clair-scan.sarif'].map((f) => `images/${imageDirName(image)}/${f}`);
    const expected = [
      'batch-state.jsonl',
      'batch-summary.json',
      'vulnerable.list',
      ...perImage(fixture('clean')),
      ...perImage(fixture('debian-vuln')),
    ].sort();
    expect([...a.files.keys()].sort()).toEqual(expected);
    for (const f of expected) expect(a.files.get(f)!.equals(readFileSync(join(out, f)))).toBe(true);

    // no GitHub API call at all: no PR comment, no baseline lookup
    expect(api.requests).toEqual([]);

    // the post step with the saved state: nothing of the run is left
    const runId = runIdOf(r);
    const post = await runPost(r.dir, r.env, r.state);
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(runId);
    expect(await runContainers(runId)).toEqual([]);
    expect(readdirSync(tmpdir()).filter((n) => n.includes(runId))).toEqual([]);
  });

  test('an images-file that does not exist: exit 2 with what failed and what to do, exit-code output 2, nothing scanned or uploaded', async () => {
    let missing = '';
    const r = await batchRun((dir) => {
      missing = join(dir, 'no-such-images.txt');
      return { 'images-file': missing, 'vuln-data': BUNDLE, 'output-dir': join(dir, 'fleet') };
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(
      `::error::images-file "${missing}" cannot be read: ENOENT: no such file or directory, stat '${missing}'%0AWhat to do: give the path of a text file with one image reference per line (# starts a comment).\n`,
    );
    expect(r.outputs).toMatchObject({
      'exit-code': '2',
      verdict: '',
      images: '',
      'vulnerable-list': '',
      'batch-summary': '',
    });
    expect(r.summary).toContain(`The scan did not complete: images-file &quot;${missing}&quot; cannot be read`);
    expect(r.artifacts.artifacts).toHaveLength(0);
    expect(r.state).toEqual({}); // no run was started: nothing for the post step to clean up
    expect(existsSync(join(r.dir, 'fleet'))).toBe(false);
    expect(api.requests).toEqual([]);
  });

  test('the same with job-summary: false: no job summary, although the batch failed before its settings were read', async () => {
    const r = await batchRun((dir) => ({
      'images-file': join(dir, 'no-such-images.txt'),
      'vuln-data': BUNDLE,
      'output-dir': join(dir, 'fleet'),
      'job-summary': 'false',
    }));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('::error::images-file "');
    expect(r.summary).toBe('');
    expect(r.outputs).toMatchObject({ 'exit-code': '2' });
  });
});
