/**
 * The baseline in the GitHub Action end to end: the bundled `dist/main/index.js` run the way the runner runs it
 * (INPUT_* for every input of action.yml, file commands, event payload), Docker/PostgreSQL/Clair real, the GitHub
 * REST API simulated by GitHubApiServer (every request and every answer checked against @octokit/openapi) and the
 * artifact backend by ArtifactServer.
 *
 *  1. A push to main scans the base image (fixture `base:1` under the test image name) and uploads the
 *     `clair-scan-reports` artifact; its zip, as uploaded, becomes the artifact of that successful run in the API.
 *  2. A pull_request run on a branch off main scans the PR image (`derived:1`, same name) with `fail-on-new`: the
 *     action finds main's latest successful run of this workflow, lists its artifacts, downloads the zip (the API's
 *     302 to the blob), compares, and the sticky PR comment leads with the delta (the new finding first); outputs
 *     `new-total` / `new-<severity>` / `fixed-total`.
 *
 * Needs `bash scripts/test-env.sh up` and `npm run bundle`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import YAML from 'yaml';
import { ArtifactServer } from '../../helpers/artifact-server';
import { GitHubApiServer } from '../../helpers/github-api-server';
import { loadTestEnv, REPO_ROOT } from '../../helpers/testenv';
import { testTempDir } from '../../helpers/tmp';
import { BUNDLE, leftoverContainers, leftoverTempDirs } from '../scan/helpers';
import { tagTestImages, type TestImages } from './helpers';

const MAIN = join(process.env.CLAIR_SCAN_DIST ?? join(REPO_ROOT, 'dist'), 'main', 'index.js');
const TOKEN = 'ghs_e2eBaselineToken0123456789abcdefXYZ';
const OWNER = 'acme';
const REPO = 'widgets';
const PR = 23;
const WORKFLOW_ID = 77;
const MAIN_RUN = 5100;
const PR_RUN = 5200;
/** The pull request's base commit (main's head): the event payload's pull_request.base.sha. */
const BASE_SHA = 'a'.repeat(40);

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  state: Record<string, string>;
  artifacts: ArtifactServer;
}

/** The runner's file-command format: `name=value` lines or `name<<DELIM\nvalue\nDELIM` blocks. */
function parseFileCommand(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]);
      out[heredoc[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      out[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
    }
  }
  return out;
}

/** Every input as the runner sets it: action.yml's defaults (`${{ github.token }}` evaluated), then the step's `with:`. */
function inputEnv(withInputs: Record<string, string>): Record<string, string> {
  const action = YAML.parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const env: Record<string, string> = {};
  for (const [name, def] of Object.entries(action.inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] =
      def.default === '${{ github.token }}' ? TOKEN : (def.default ?? '');
  for (const [name, v] of Object.entries(withInputs)) env[`INPUT_${name.toUpperCase()}`] = v;
  return env;
}

let img: TestImages;
const api = new GitHubApiServer();

async function runAction(
  kind: 'push' | 'pull_request',
  image: string,
  extra: Record<string, string>,
  files: Record<string, string> = {},
): Promise<ActionRun> {
  const dir = testTempDir('cs-e2e-baseline-action-');
  // The checkout (GITHUB_WORKSPACE): files of the change under review, e.g. its allowlist.
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const artifacts = new ArtifactServer();
  await artifacts.start();
  try {
    const eventPath = join(dir, 'event.json');
    const repository = { name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER } };
    writeFileSync(
      eventPath,
      JSON.stringify(
        kind === 'pull_request'
          ? {
              action: 'synchronize',
              number: PR,
              pull_request: {
                number: PR,
                head: { ref: 'feature/login', repo: { full_name: `${OWNER}/${REPO}` } },
                base: { ref: 'main', sha: BASE_SHA, repo: { full_name: `${OWNER}/${REPO}` } },
              },
              repository,
            }
          : { ref: 'refs/heads/main', repository },
      ),
    );
    for (const f of ['output', 'summary', 'state']) writeFileSync(join(dir, f), '');
    const t = loadTestEnv();
    const env: Record<string, string> = {};
    for (const k of ['PATH', 'HOME', 'LANG', 'DOCKER_HOST', 'TMPDIR']) if (process.env[k]) env[k] = process.env[k]!;
    Object.assign(env, {
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_EVENT_NAME: kind,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_WORKFLOW: 'Container scan',
      GITHUB_JOB: 'scan',
      GITHUB_RUN_ID: String(kind === 'push' ? MAIN_RUN : PR_RUN),
      GITHUB_REF: kind === 'push' ? 'refs/heads/main' : `refs/pull/${PR}/merge`,
      ...(kind === 'pull_request' ? { GITHUB_BASE_REF: 'main', GITHUB_HEAD_REF: 'feature/login' } : {}),
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: api.url,
      GITHUB_OUTPUT: join(dir, 'output'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary'),
      GITHUB_STATE: join(dir, 'state'),
      GITHUB_WORKSPACE: dir,
      RUNNER_TEMP: dir,
      ...artifacts.env(),
      ...inputEnv({
        image,
        'clair-image': t.clairImage,
        'postgres-image': t.postgresImage,
        pull: 'never',
        'vuln-data': BUNDLE,
        'output-dir': join(dir, 'clair-scan-reports'),
        ...extra,
      }),
    });
    const child = spawn(process.execPath, [MAIN], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const run: ActionRun = {
      code,
      stdout,
      stderr,
      outputs: parseFileCommand(readFileSync(join(dir, 'output'), 'utf8')),
      summary: readFileSync(join(dir, 'summary'), 'utf8'),
      state: parseFileCommand(readFileSync(join(dir, 'state'), 'utf8')),
      artifacts,
    };
    expect(artifacts.problems).toEqual([]);
    // The main step cleaned up after itself: no container, no temp dir of its run.
    const runId = (JSON.parse(run.state['clair-scan-run'] ?? '{}') as { runId?: string }).runId;
    expect(runId).toMatch(/^[a-z0-9-]+$/);
    expect(leftoverContainers(runId)).toEqual([]);
    expect(leftoverTempDirs(runId!)).toEqual([]);
    return run;
  } finally {
    await artifacts.stop();
  }
}

describe("the action on a pull request compares with the base branch's artifact", () => {
  beforeAll(async () => {
    // Fails rather than skips: a missing bundle must not pass as a green test.
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run bundle\` first`);
    img = tagTestImages('action');
    api.expectedToken = TOKEN;
    await api.start();
  });
  afterAll(async () => {
    await api.stop();
    img?.remove();
  });
  afterEach(() => expect(api.problems).toEqual([]));

  let mainZip: Buffer;
  let prZip: Buffer;
  /** The commits the fake's runs ran on (FakeWorkflowRun.headSha's default: the run id in hex). */
  const shaOf = (id: number): string => id.toString(16).padStart(40, '0');
  const MAIN_HEAD = BASE_SHA;

  test('a push to main: no baseline (not a pull request), the report artifact is uploaded', async () => {
    const r = await runAction('push', img.base, { 'fail-on-new': 'true', 'severity-threshold': 'medium' });
    expect({ code: r.code, out: r.code === 0 ? '' : r.stdout + r.stderr }).toEqual({ code: 0, out: '' });
    expect(r.outputs).toMatchObject({
      verdict: 'pass',
      total: '2',
      'new-total': '',
      'new-medium': '',
      'fixed-total': '',
    });
    expect(api.requests).toEqual([]); // no PR: neither a baseline lookup nor a comment
    expect(r.artifacts.artifacts).toHaveLength(1);
    const a = r.artifacts.artifacts[0];
    expect(a).toMatchObject({ name: 'clair-scan-reports', finalized: true });
    const result = JSON.parse(a.files.get('clair-scan-result.json')!.toString('utf8'));
    expect(result.images[0].image.name).toBe(img.name);
    mainZip = a.zip;
  });

  test("the pull request: main's artifact is found and downloaded through the API; 1 new finding, the comment leads with it, new-* outputs; fail-on-new fails", async () => {
    expect(mainZip).toBeDefined();
    // The Actions API's view of the repository: this PR run, main's successful push run (with the artifact it
    // uploaded) and an older failed one.
    api.runs.push(
      {
        id: PR_RUN,
        workflowId: WORKFLOW_ID,
        branch: 'feature/login',
        event: 'pull_request',
        conclusion: 'success',
        headRepository: `${OWNER}/${REPO}`,
        createdAt: '2026-03-02T10:00:00Z',
      },
      {
        id: MAIN_RUN,
        workflowId: WORKFLOW_ID,
        branch: 'main',
        event: 'push',
        conclusion: 'success',
        headRepository: `${OWNER}/${REPO}`,
        createdAt: '2026-03-01T10:00:00Z',
      },
      {
        id: MAIN_RUN - 1,
        workflowId: WORKFLOW_ID,
        branch: 'main',
        event: 'push',
        conclusion: 'failure',
        headRepository: `${OWNER}/${REPO}`,
        createdAt: '2026-03-01T12:00:00Z',
      },
    );
    api.artifacts.push({ id: 9001, runId: MAIN_RUN, name: 'clair-scan-reports', expired: false, zip: mainZip });
    // main's history: the push run's commit, then one more (main moved on since): the run is on main.
    api.commits.set(shaOf(MAIN_RUN), undefined);
    api.commits.set(MAIN_HEAD, shaOf(MAIN_RUN));
    api.gitRefs.set('heads/main', MAIN_HEAD);

    const r = await runAction('pull_request', img.pr, { 'fail-on-new': 'true', 'severity-threshold': 'medium' });
    expect({ code: r.code, out: r.code === 1 ? '' : r.stdout + r.stderr }).toEqual({ code: 1, out: '' });
    expect(r.stdout).toMatch(/::error::Policy failed:%0A- 1 new finding at or above Medium/);

    // The baseline lookup, then the comment: every request valid for GitHub's API (afterEach: no problems).
    expect(api.requests.map((q) => `${q.method} ${q.operationId} ${q.status}`)).toEqual([
      'GET actions/get-workflow-run 200',
      'GET actions/list-workflow-runs 200',
      'GET git/get-ref 200', // main's head commit
      'GET repos/compare-commits-with-basehead 200', // the run's commit is on main
      'GET actions/list-workflow-run-artifacts 200',
      'GET actions/download-artifact 302',
      'GET users/get-authenticated 403', // whose comments are ours: GITHUB_TOKEN is an installation token
      'GET issues/list-comments 200',
      'POST issues/create-comment 201',
    ]);
    expect(api.requests[0].url).toBe(`/repos/${OWNER}/${REPO}/actions/runs/${PR_RUN}`);
    expect(new URL(api.requests[1].url, api.url).searchParams.get('branch')).toBe('main');
    expect(new URL(api.requests[1].url, api.url).searchParams.get('event')).toBe('push');
    expect(new URL(api.requests[1].url, api.url).searchParams.get('status')).toBe('success');
    expect(api.requests[3].url).toBe(`/repos/${OWNER}/${REPO}/compare/${shaOf(MAIN_RUN)}...${MAIN_HEAD}?per_page=1`);
    expect(api.requests[4].url).toMatch(new RegExp(`^/repos/${OWNER}/${REPO}/actions/runs/${MAIN_RUN}/artifacts\\?`));
    expect(api.requests[5].url).toBe(`/repos/${OWNER}/${REPO}/actions/artifacts/9001/zip`);
    expect(
      api.requests.every((q) => q.authorization === `token ${TOKEN}` || q.authorization === `Bearer ${TOKEN}`),
    ).toBe(true);
    expect(api.blobRequests.map((b) => b.url)).toEqual(['/_blob/9001.zip?sig=ok']);

    // Outputs for later steps.
    expect(r.outputs).toMatchObject({
      verdict: 'fail',
      'exit-code': '1',
      total: '3',
      'new-total': '1',
      'new-critical': '0',
      'new-high': '0',
      'new-medium': '1',
      'new-low': '0',
      'new-negligible': '0',
      'new-unknown': '0',
      'fixed-total': '0',
    });

    // The sticky comment: marker, verdict, then the delta; the new finding is the first finding listed.
    const comments = api.commentsOn(OWNER, REPO, PR);
    expect(comments).toHaveLength(1);
    const lines = comments[0].body.split('\n');
    expect(lines[0]).toMatch(/^<!-- clair-scan:[0-9a-f]{16} -->$/);
    expect(lines[1]).toBe('## ❌ clair-scan: policy failed — 1 image');
    const head = lines.indexOf('### Changes since the baseline: 1 new (1 Medium), 0 fixed, 2 unchanged');
    expect(head).toBeGreaterThan(1);
    expect(lines.slice(2, head).filter((l) => l !== '' && !l.startsWith('- ') && !l.startsWith('Rules: '))).toEqual([]); // only the verdict's lines (if any) before the delta
    expect(lines[head + 2]).toMatch(
      new RegExp(`^_Baseline: GitHub run ${MAIN_RUN} on main, artifact clair-scan-reports, scanned `),
    );
    expect(lines.slice(head + 6, head + 9)).toEqual([
      '| 🆕 New | 0 | 0 | 1 | 0 | 0 | 0 | **1** |',
      '| ✅ Fixed | 0 | 0 | 0 | 0 | 0 | 0 | **0** |',
      '| Unchanged | 0 | 1 | 1 | 0 | 0 | 0 | **2** |',
    ]);
    expect(lines[head + 10]).toBe('#### New findings (1)');
    const firstFinding = lines.find((l) => /^\| [A-Za-z]+ \| \[?CVE-/.test(l));
    expect(firstFinding).toMatch(/^\| Medium \| \[CVE-2099-3001\]/);
    // The job summary says the same.
    expect(r.summary).toContain('### Changes since the baseline: 1 new (1 Medium), 0 fixed, 2 unchanged');

    // This run's own artifact carries the compared result (the next PR's baseline once merged).
    const uploaded = JSON.parse(r.artifacts.artifacts[0].files.get('clair-scan-result.json')!.toString('utf8'));
    expect(uploaded.delta.baseline).toMatchObject({
      source: `GitHub run ${MAIN_RUN} on main, artifact clair-scan-reports`,
      images: [img.name],
    });
    expect(uploaded.delta.counts.new.Medium).toBe(1);
    expect(
      uploaded.images[0].vulnerabilities
        .filter((v: { baselineState: string }) => v.baselineState === 'new')
        .map((v: { key: string }) => v.key),
    ).toEqual([img.keys.requests]);
    prZip = r.artifacts.artifacts[0].zip;
  });

  test('a tag named like the base branch cannot supply the baseline: its run is not used, every finding counts as new, fail-on-new fails and says why', async () => {
    expect(prZip).toBeDefined();
    // Someone pushed a tag "main" on a commit off main; its push run (head_branch "main", newest, successful) uploaded
    // an artifact that has every finding of the PR image — taken as the baseline, nothing would be new.
    const TAG_RUN = 5300;
    const OFF_MAIN = 'b'.repeat(40);
    api.runs.length = 0;
    api.artifacts.length = 0;
    api.requests.length = 0;
    api.commentsOn(OWNER, REPO, PR).forEach((c) => api.comments.delete(c.id));
    api.runs.push(
      {
        id: PR_RUN,
        workflowId: WORKFLOW_ID,
        branch: 'feature/login',
        event: 'pull_request',
        conclusion: 'success',
        headRepository: `${OWNER}/${REPO}`,
        createdAt: '2026-03-02T10:00:00Z',
      },
      {
        id: TAG_RUN,
        workflowId: WORKFLOW_ID,
        branch: 'main',
        event: 'push',
        conclusion: 'success',
        headRepository: `${OWNER}/${REPO}`,
        createdAt: '2026-03-02T09:00:00Z',
        headSha: OFF_MAIN,
      },
    );
    api.artifacts.push({ id: 9002, runId: TAG_RUN, name: 'clair-scan-reports', expired: false, zip: prZip });
    api.commits.set(OFF_MAIN, shaOf(MAIN_RUN)); // branched off main's history, never merged into it
    api.gitRefs.set('tags/main', OFF_MAIN);

    const r = await runAction('pull_request', img.pr, { 'fail-on-new': 'true', 'severity-threshold': 'medium' });
    expect({ code: r.code, out: r.code === 1 ? '' : r.stdout + r.stderr }).toEqual({ code: 1, out: '' });
    expect(api.requests.map((q) => `${q.method} ${q.operationId} ${q.status}`)).toEqual([
      'GET actions/get-workflow-run 200',
      'GET actions/list-workflow-runs 200',
      'GET git/get-ref 200',
      'GET repos/compare-commits-with-basehead 200', // diverged: not on main
      'GET users/get-authenticated 403',
      'GET issues/list-comments 200',
      'POST issues/create-comment 201',
    ]);
    expect(api.blobRequests.map((b) => b.url)).not.toContain('/_blob/9002.zip?sig=ok');
    const notice =
      `no successful push run of this workflow on a commit of main was found (not used: run ${TAG_RUN} (commit ${OFF_MAIN.slice(0, 12)}), whose commit is not on main, e.g. runs of a tag named main): ` +
      'no baseline; the report is complete (the next push to main makes one).';
    const strict = `no baseline was compared for ${img.name}: all 3 findings of it count as new (the safe reading: fail-on-new and new.* rules count them as introduced by this change).`;
    expect(r.stdout).toContain(`::warning::baseline: ${notice}`);
    expect(r.stdout).toContain(`::warning::baseline: ${strict}`);
    expect(r.stdout).toMatch(/::error::Policy failed:%0A- 3 new findings at or above Medium/);
    expect(r.outputs).toMatchObject({ verdict: 'fail', 'exit-code': '1', total: '3' });
    const uploaded = JSON.parse(r.artifacts.artifacts[0].files.get('clair-scan-result.json')!.toString('utf8'));
    expect(uploaded.delta).toBeUndefined();
    expect(uploaded.baselineNotes).toEqual([notice, strict]);
    expect(uploaded.images[0].vulnerabilities.map((v: { baselineState?: string }) => v.baselineState)).toEqual([
      'new',
      'new',
      'new',
    ]);
    // The comment and the job summary say why, right after the verdict.
    const body = api.commentsOn(OWNER, REPO, PR)[0].body;
    expect(body.split('\n')[1]).toBe('## ❌ clair-scan: policy failed — 1 image');
    expect(body).toContain('> ℹ️ Baseline: no baseline was compared for ');
    expect(r.summary).toContain('> ℹ️ Baseline: no baseline was compared for ');
  });

  test("a pull request that adds the allowlist entry for its own new finding: the comment says so first; policy-from-base lets main's allowlist decide", async () => {
    expect(mainZip).toBeDefined();
    api.runs.length = 0;
    api.artifacts.length = 0;
    api.gitRefs.delete('tags/main');
    api.runs.push(
      {
        id: PR_RUN,
        workflowId: WORKFLOW_ID,
        branch: 'feature/login',
        event: 'pull_request',
        conclusion: 'success',
        headRepository: `${OWNER}/${REPO}`,
        createdAt: '2026-03-02T10:00:00Z',
      },
      {
        id: MAIN_RUN,
        workflowId: WORKFLOW_ID,
        branch: 'main',
        event: 'push',
        conclusion: 'success',
        headRepository: `${OWNER}/${REPO}`,
        createdAt: '2026-03-01T10:00:00Z',
      },
    );
    api.artifacts.push({ id: 9001, runId: MAIN_RUN, name: 'clair-scan-reports', expired: false, zip: mainZip });
    const entry = (id: string): string[] => [`  - id: ${id}`, `    reason: accepted ${id}`];
    // main's allowlist (read through the contents API at the base sha) and the pull request's, which adds the new finding.
    api.files.set(
      `${BASE_SHA}:policy/allow.yaml`,
      ['version: 1', 'allowlist:', ...entry('CVE-2099-9999'), ''].join('\n'),
    );
    const prAllowlist = ['version: 1', 'allowlist:', ...entry('CVE-2099-9999'), ...entry('CVE-2099-3001'), ''].join(
      '\n',
    );
    const inputs = { 'fail-on-new': 'true', 'severity-threshold': 'medium', allowlist: 'policy/allow.yaml' };

    const comments = (): string[] => api.commentsOn(OWNER, REPO, PR)[0].body.split('\n');
    const mdEsc = (t: string): string => t.replace(/[()]/g, (c) => `\\${c}`);
    const suppressed = `CVE-2099-3001 (Medium, requests) in ${img.pr} by policy/allow.yaml:5`;

    // 1. Without policy-from-base the change's entry applies: nothing new is counted, the gate passes — and says why first.
    const passes = await runAction('pull_request', img.pr, inputs, { 'policy/allow.yaml': prAllowlist });
    expect({ code: passes.code, out: passes.code === 0 ? '' : passes.stdout + passes.stderr }).toEqual({
      code: 0,
      out: '',
    });
    const line = `this change suppresses 1 finding: ${suppressed} (policy files that differ from main (${BASE_SHA.slice(0, 12)}): policy/allow.yaml).`;
    expect(passes.stdout).toContain(`::warning::policy: ${line}`);
    expect(comments()[1]).toBe('## ✅ clair-scan: policy passed — 1 image');
    expect(comments()[3]).toBe(`> ⚠️ **Policy files changed**: ${mdEsc(line)}`);
    expect(passes.summary.split('\n')).toContain(`> ⚠️ **Policy files changed**: ${mdEsc(line)}`);
    const result = JSON.parse(passes.artifacts.artifacts[0].files.get('clair-scan-result.json')!.toString('utf8'));
    expect(result.policyChange).toEqual({
      base: `main (${BASE_SHA.slice(0, 12)})`,
      changed: ['policy/allow.yaml'],
      unreadable: [],
      fromBase: false,
      suppressed: [
        { id: 'CVE-2099-3001', severity: 'Medium', image: img.pr, package: 'requests', by: 'policy/allow.yaml:5' },
      ],
    });
    expect(api.requests.filter((q) => q.operationId === 'repos/get-content').map((q) => q.url)).toEqual([
      `/repos/${OWNER}/${REPO}/contents/policy%2Fallow.yaml?ref=${BASE_SHA}`,
    ]);

    // 2. policy-from-base: main's allowlist decides, the new finding counts, fail-on-new fails.
    const fails = await runAction(
      'pull_request',
      img.pr,
      { ...inputs, 'policy-from-base': 'true' },
      { 'policy/allow.yaml': prAllowlist },
    );
    expect({ code: fails.code, out: fails.code === 1 ? '' : fails.stdout + fails.stderr }).toEqual({
      code: 1,
      out: '',
    });
    expect(fails.stdout).toMatch(/::error::Policy failed:%0A- 1 new finding at or above Medium/);
    expect(comments()[1]).toBe('## ❌ clair-scan: policy failed — 1 image');
    expect(comments()[3]).toMatch(
      /^> ⚠️ \*\*Policy files changed\*\*: this change would suppress 1 finding: CVE-2099-3001 .* policy-from-base: the versions of main \\\(a{12}\\\) decided; these suppressions were not applied\.$/,
    );
  });
});
