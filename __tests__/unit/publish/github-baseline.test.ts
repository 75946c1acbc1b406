/**
 * The GitHub baseline (src/publish/github/baseline.ts) against the fake GitHub API, which checks every request and
 * its own answers against GitHub's published OpenAPI description (@octokit/openapi); the artifact is downloaded by
 * @actions/artifact through the API's 302 to the blob URL.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as BaselineModule from '../../../src/publish/github/baseline';
import { renderJson } from '../../../src/report/json';
import { GitHubApiServer, type FakeWorkflowRun } from '../../helpers/github-api-server';
import { makeZip } from '../../helpers/zip';
import { imageInfo, imageResult, scanResult, vuln } from '../../helpers/model';

const TOKEN = 'ghs_baselineTestToken0123456789';
const RESULT = renderJson(scanResult([imageResult(imageInfo(), [vuln('CVE-2099-0001', 'High')])]));

describe('fetchGitHubBaseline', () => {
  const api = new GitHubApiServer();
  const dir = mkdtempSync(join(tmpdir(), 'cs-gh-baseline-'));
  const saved = process.env.GITHUB_API_URL;
  let env: Record<string, string>;
  let fetchGitHubBaseline: typeof BaselineModule.fetchGitHubBaseline;

  beforeAll(async () => {
    api.expectedToken = TOKEN;
    await api.start();
    // @actions/artifact's download makes its own client from GITHUB_API_URL, read when @actions/github is loaded (as
    // on a runner, where it is set before the action starts): load it only now.
    process.env.GITHUB_API_URL = api.url;
    fetchGitHubBaseline = (await import('../../../src/publish/github/baseline')).fetchGitHubBaseline;
    const event = join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ number: 17, pull_request: { number: 17, base: { ref: 'main' } } }));
    env = { GITHUB_REPOSITORY: 'acme/widgets', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_BASE_REF: 'main', GITHUB_RUN_ID: '5000', GITHUB_API_URL: api.url, RUNNER_TEMP: dir };
  });
  afterAll(async () => {
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.GITHUB_API_URL;
    else process.env.GITHUB_API_URL = saved;
  });
  beforeEach(() => {
    api.runs.length = 0;
    api.artifacts.length = 0;
    api.requests.length = 0;
  });
  afterEach(() => expect(api.problems).toEqual([]));

  const run = (id: number, over: Partial<FakeWorkflowRun> = {}): FakeWorkflowRun => {
    const r: FakeWorkflowRun = { id, workflowId: 77, branch: 'main', event: 'push', conclusion: 'success', headRepository: 'acme/widgets', createdAt: `2026-01-${String(10 + (id % 20)).padStart(2, '0')}T00:00:00Z`, ...over };
    api.runs.push(r);
    return r;
  };

  it('finds the newest successful run of this workflow on the base branch that kept the artifact, across pages; fork runs never count', async () => {
    run(5000, { branch: 'feature', event: 'pull_request', createdAt: '2026-02-01T00:00:00Z' }); // this run
    run(900, { createdAt: '2026-01-10T00:00:00Z' });
    run(950, { createdAt: '2026-01-20T00:00:00Z' }); // newer, but its scan step was skipped: no artifact
    run(951, { createdAt: '2026-01-21T00:00:00Z', conclusion: 'failure' });
    // 25 pull request runs from forks whose branch is also called main: newer, they fill the first page.
    for (let i = 0; i < 25; i++) run(1000 + i, { createdAt: `2026-01-2${5 + (i % 4)}T00:00:${String(i).padStart(2, '0')}Z`, event: 'pull_request', headRepository: `mallory${i}/widgets` });
    api.artifacts.push({ id: 31, runId: 900, name: 'clair-scan-reports', expired: false, zip: makeZip({ 'clair-scan-result.json': RESULT, 'clair-scan.sarif': '{}' }) });
    api.artifacts.push({ id: 32, runId: 1003, name: 'clair-scan-reports', expired: false, zip: makeZip({ 'clair-scan-result.json': '{"forged": true}' }) });

    const r = await fetchGitHubBaseline('', { token: TOKEN, artifactName: 'clair-scan-reports', env });
    expect(r && 'baseline' in r && r.baseline.source).toBe('GitHub run 900 on main, artifact clair-scan-reports');
    expect(r && 'baseline' in r && r.baseline.result.images[0].vulnerabilities[0].key).toBe('myorg/app|openssl|CVE-2099-0001');
    const ops = api.requests.map((q) => `${q.operationId} ${q.status}`);
    expect(ops).toEqual([
      'actions/get-workflow-run 200',
      'actions/list-workflow-runs 200',
      'actions/list-workflow-runs 200',
      'actions/list-workflow-run-artifacts 200', // run 950: none
      'actions/list-workflow-run-artifacts 200', // run 900
      'actions/download-artifact 302',
    ]);
    expect(api.requests[1].url).toContain('branch=main');
    expect(api.requests[1].url).toContain('status=success');
    expect(api.requests.length).toBeGreaterThanOrEqual(2);
    expect(api.requests.filter((q) => q.authorization !== `token ${TOKEN}` && q.authorization !== `Bearer ${TOKEN}`)).toEqual([]);
    expect(api.blobRequests).toHaveLength(1);
  });

  it('an expired artifact is a notice', async () => {
    run(5000, { branch: 'feature', event: 'pull_request' });
    run(900);
    api.artifacts.push({ id: 31, runId: 900, name: 'clair-scan-reports', expired: true, zip: Buffer.alloc(0) });
    expect(await fetchGitHubBaseline('', { token: TOKEN, artifactName: 'clair-scan-reports', env })).toEqual({
      notice: 'the clair-scan-reports artifact of GitHub run 900 on main has expired: no baseline; the report is complete.',
    });
  });

  it('no successful run on the base branch is a notice; an explicit run id without the artifact too; no PR and no run id: nothing', async () => {
    run(5000, { branch: 'feature', event: 'pull_request' });
    expect(await fetchGitHubBaseline('', { token: TOKEN, artifactName: 'clair-scan-reports', env })).toEqual({
      notice: 'no successful run of this workflow on main was found: no baseline; the report is complete (the next run on main makes one).',
    });
    run(4321);
    expect(await fetchGitHubBaseline('4321', { token: TOKEN, artifactName: 'clair-scan-reports', env })).toEqual({
      notice: 'GitHub run 4321 has no clair-scan-reports artifact: no baseline; the report is complete.',
    });
    expect(await fetchGitHubBaseline('', { token: TOKEN, artifactName: 'clair-scan-reports', env: { ...env, GITHUB_EVENT_NAME: 'push' } })).toBeUndefined();
  });

  it('baseline: <run id> downloads that run\'s artifact', async () => {
    run(4321);
    api.artifacts.push({ id: 40, runId: 4321, name: 'clair-scan-reports', expired: false, zip: makeZip({ 'clair-scan-result.json': RESULT }) });
    const r = await fetchGitHubBaseline('4321', { token: TOKEN, artifactName: 'clair-scan-reports', env: { ...env, GITHUB_EVENT_NAME: 'push' } });
    expect(r).toMatchObject({ baseline: { source: "GitHub run 4321, artifact clair-scan-reports" } });
  });
});
