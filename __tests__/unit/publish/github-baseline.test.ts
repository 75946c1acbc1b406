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
import { crc32, createDeflateRaw } from 'node:zlib';
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
    env = {
      GITHUB_REPOSITORY: 'acme/widgets',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_BASE_REF: 'main',
      GITHUB_RUN_ID: '5000',
      GITHUB_API_URL: api.url,
      RUNNER_TEMP: dir,
    };
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
    api.gitRefs.clear();
    api.commits.clear();
    api.blobRequests.length = 0;
  });
  afterEach(() => expect(api.problems).toEqual([]));

  const run = (id: number, over: Partial<FakeWorkflowRun> = {}): FakeWorkflowRun => {
    const r: FakeWorkflowRun = {
      id,
      workflowId: 77,
      branch: 'main',
      event: 'push',
      conclusion: 'success',
      headRepository: 'acme/widgets',
      createdAt: `2026-01-${String(10 + (id % 20)).padStart(2, '0')}T00:00:00Z`,
      ...over,
    };
    api.runs.push(r);
    return r;
  };

  /** The sha the fake gives run `id` (unless the run says otherwise). */
  const shaOf = (id: number): string => id.toString(16).padStart(40, '0');
  /** A first-parent chain of commits, oldest first; the last is the head of `heads/<branch>`. */
  const history = (branch: string, shas: string[], parent?: string): void => {
    shas.forEach((c, i) => api.commits.set(c, i === 0 ? parent : shas[i - 1]));
    api.gitRefs.set(`heads/${branch}`, shas[shas.length - 1]);
  };
  const HEAD = 'e'.repeat(40);

  it('finds the newest successful run of this workflow on the base branch that kept the artifact, across pages; fork runs never count', async () => {
    run(5000, { branch: 'feature', event: 'pull_request', createdAt: '2026-02-01T00:00:00Z' }); // this run
    run(900, { createdAt: '2026-01-10T00:00:00Z' });
    run(950, { createdAt: '2026-01-20T00:00:00Z' }); // newer, but its scan step was skipped: no artifact
    run(951, { createdAt: '2026-01-21T00:00:00Z', conclusion: 'failure' });
    history('main', [shaOf(900), shaOf(950), HEAD]);
    // 25 push runs whose head repository is a fork with a branch also called main: newer, they fill the first page.
    for (let i = 0; i < 25; i++)
      run(1000 + i, {
        createdAt: `2026-01-2${5 + (i % 4)}T00:00:${String(i).padStart(2, '0')}Z`,
        headRepository: `mallory${i}/widgets`,
      });
    api.artifacts.push({
      id: 31,
      runId: 900,
      name: 'clair-scan-reports',
      expired: false,
      zip: makeZip({ 'clair-scan-result.json': RESULT, 'clair-scan.sarif': '{}' }),
    });
    api.artifacts.push({
      id: 32,
      runId: 1003,
      name: 'clair-scan-reports',
      expired: false,
      zip: makeZip({ 'clair-scan-result.json': '{"forged": true}' }),
    });

    const r = await fetchGitHubBaseline('', { token: TOKEN, artifactName: 'clair-scan-reports', env });
    expect(r && 'baseline' in r && r.baseline.source).toBe('GitHub run 900 on main, artifact clair-scan-reports');
    expect(r && 'baseline' in r && r.baseline.result.images[0].vulnerabilities[0].key).toBe(
      'myorg/app|openssl|CVE-2099-0001',
    );
    const ops = api.requests.map((q) => `${q.operationId} ${q.status}`);
    expect(ops).toEqual([
      'actions/get-workflow-run 200',
      'actions/list-workflow-runs 200', // page 1: the forks' runs only
      'actions/list-workflow-runs 200',
      'git/get-ref 200', // main's head, looked up once
      'repos/compare-commits-with-basehead 200', // run 950 is on main
      'repos/compare-commits-with-basehead 200', // run 900 too
      'actions/list-workflow-run-artifacts 200', // run 950: none
      'actions/list-workflow-run-artifacts 200', // run 900
      'actions/download-artifact 302',
    ]);
    expect(api.requests[1].url).toContain('branch=main');
    expect(api.requests[1].url).toContain('event=push');
    expect(api.requests[1].url).toContain('status=success');
    expect(api.requests.length).toBeGreaterThanOrEqual(2);
    expect(
      api.requests.filter((q) => q.authorization !== `token ${TOKEN}` && q.authorization !== `Bearer ${TOKEN}`),
    ).toEqual([]);
    expect(api.blobRequests).toHaveLength(1);
  }, 30_000); // the first requests compile GitHub's response schemas (the commit schema is large)

  it('an expired artifact is a notice', async () => {
    run(5000, { branch: 'feature', event: 'pull_request' });
    run(900);
    history('main', [shaOf(900)]);
    api.artifacts.push({ id: 31, runId: 900, name: 'clair-scan-reports', expired: true, zip: Buffer.alloc(0) });
    expect(await fetchGitHubBaseline('', { token: TOKEN, artifactName: 'clair-scan-reports', env })).toEqual({
      notice:
        'the clair-scan-reports artifact of GitHub run 900 on main has expired: no baseline; the report is complete.',
    });
  });

  it('no successful run on the base branch is a notice; an explicit run id without the artifact too; no PR and no run id: nothing', async () => {
    run(5000, { branch: 'feature', event: 'pull_request' });
    expect(await fetchGitHubBaseline('', { token: TOKEN, artifactName: 'clair-scan-reports', env })).toEqual({
      notice:
        'no successful push run of this workflow on a commit of main was found: no baseline; the report is complete (the next push to main makes one).',
    });
    run(4321);
    expect(await fetchGitHubBaseline('4321', { token: TOKEN, artifactName: 'clair-scan-reports', env })).toEqual({
      notice: 'GitHub run 4321 has no clair-scan-reports artifact: no baseline; the report is complete.',
    });
    expect(
      await fetchGitHubBaseline('', {
        token: TOKEN,
        artifactName: 'clair-scan-reports',
        env: { ...env, GITHUB_EVENT_NAME: 'push' },
      }),
    ).toBeUndefined();
  });

  it("baseline: <run id> downloads that run's artifact", async () => {
    run(4321);
    api.artifacts.push({
      id: 40,
      runId: 4321,
      name: 'clair-scan-reports',
      expired: false,
      zip: makeZip({ 'clair-scan-result.json': RESULT }),
    });
    const r = await fetchGitHubBaseline('4321', {
      token: TOKEN,
      artifactName: 'clair-scan-reports',
      env: { ...env, GITHUB_EVENT_NAME: 'push' },
    });
    expect(r).toMatchObject({ baseline: { source: 'GitHub run 4321, artifact clair-scan-reports' } });
  });

  it('a zip bomb is stopped at the entry cap: a notice (so every finding counts as new), no disk filled', async () => {
    run(5000, { branch: 'feature', event: 'pull_request' });
    run(900);
    history('main', [shaOf(900)]);
    // ~0.5 MB of deflated zeros that unpack to 512 MiB + 1 byte: @actions/artifact's own download would have written it all.
    api.artifacts.push({
      id: 31,
      runId: 900,
      name: 'clair-scan-reports',
      expired: false,
      zip: await deflatedZip('clair-scan-result.json', 2 ** 29 + 1),
    });
    const r = await fetchGitHubBaseline('', { token: TOKEN, artifactName: 'clair-scan-reports', env });
    expect(r).toEqual({
      notice: expect.stringMatching(
        /^the clair-scan-reports artifact of GitHub run 900 on main could not be downloaded \(clair-scan-result\.json in the baseline artifact decompresses to more than 512 MiB, the limit clair-scan reads\); no comparison is made/,
      ),
    });
    // The token went to the API only, never to the blob storage.
    expect(api.blobRequests).toEqual([{ url: '/_blob/31.zip?sig=ok', authorization: undefined }]);
    // Deflating and inflating 512 MiB is CPU work: 2–3 s on a quiet machine, more on a loaded one. Not a timed
    // assertion, only jest's guard against a hang.
  }, 60_000);

  it('an artifact without clair-scan-result.json is a notice', async () => {
    run(5000, { branch: 'feature', event: 'pull_request' });
    run(900);
    history('main', [shaOf(900)]);
    api.artifacts.push({
      id: 31,
      runId: 900,
      name: 'clair-scan-reports',
      expired: false,
      zip: makeZip({ 'clair-scan.sarif': '{}' }),
    });
    expect(await fetchGitHubBaseline('', { token: TOKEN, artifactName: 'clair-scan-reports', env })).toEqual({
      notice:
        'the clair-scan-reports artifact of GitHub run 900 on main has no clair-scan-result.json: no comparison is made, the report is complete.',
    });
  });

  describe('provenance: only push runs whose commit is on the base branch', () => {
    const FORGED = renderJson(
      scanResult([imageResult(imageInfo(), [vuln('CVE-2099-0001', 'High'), vuln('CVE-2099-0666', 'Critical')])]),
    );
    const TAG_SHA = 'd'.repeat(40);

    it('a newer run of a tag named like the branch (its commit is not on main) is passed over for the run on main', async () => {
      run(5000, { branch: 'feature', event: 'pull_request' });
      run(900, { createdAt: '2026-01-10T00:00:00Z' });
      // `git tag main <commit off main>; git push origin refs/tags/main`: a push run whose head_branch is "main".
      run(990, { createdAt: '2026-01-30T00:00:00Z', headSha: TAG_SHA });
      history('main', [shaOf(900), HEAD]);
      history('side', ['c'.repeat(40), TAG_SHA], shaOf(900)); // branched off main's history, never merged
      api.gitRefs.set('tags/main', TAG_SHA);
      api.artifacts.push({
        id: 50,
        runId: 990,
        name: 'clair-scan-reports',
        expired: false,
        zip: makeZip({ 'clair-scan-result.json': FORGED }),
      });
      api.artifacts.push({
        id: 51,
        runId: 900,
        name: 'clair-scan-reports',
        expired: false,
        zip: makeZip({ 'clair-scan-result.json': RESULT }),
      });
      const r = await fetchGitHubBaseline('', { token: TOKEN, artifactName: 'clair-scan-reports', env });
      expect(r && 'baseline' in r && r.baseline.source).toBe('GitHub run 900 on main, artifact clair-scan-reports');
      expect(api.requests.filter((q) => q.operationId === 'git/get-ref').map((q) => q.url)).toEqual([
        expect.stringMatching(/\/git\/ref\/heads(%2F|\/)main$/),
      ]);
      expect(
        api.requests.filter((q) => q.operationId === 'actions/list-workflow-run-artifacts').map((q) => q.url),
      ).toEqual([expect.stringContaining('/actions/runs/900/artifacts')]);
      expect(api.blobRequests).toHaveLength(1);
    });

    it('only a tag run: a notice that says which run was not used, and every finding then counts as new', async () => {
      run(5000, { branch: 'feature', event: 'pull_request' });
      run(990, { headSha: TAG_SHA });
      history('main', [shaOf(900), HEAD]);
      history('side', [TAG_SHA], shaOf(900));
      api.artifacts.push({
        id: 50,
        runId: 990,
        name: 'clair-scan-reports',
        expired: false,
        zip: makeZip({ 'clair-scan-result.json': FORGED }),
      });
      const r = await fetchGitHubBaseline('', { token: TOKEN, artifactName: 'clair-scan-reports', env });
      expect(r).toEqual({
        notice:
          `no successful push run of this workflow on a commit of main was found (not used: run 990 (commit ${TAG_SHA.slice(0, 12)}), whose commit is not on main, e.g. runs of a tag named main): ` +
          'no baseline; the report is complete (the next push to main makes one).',
      });
      expect(api.blobRequests).toHaveLength(0);
      const { useBaseline } = await import('../../../src/findings/delta');
      const result = scanResult([imageResult(imageInfo(), [vuln('CVE-2099-0666', 'Critical')])]);
      useBaseline(result, r);
      expect(result.images[0].vulnerabilities[0].baselineState).toBe('new');
      expect(result.baselineUncompared).toEqual(['myorg/app']);
    });

    it('a run of a commit ahead of main (pushed elsewhere, same head_branch) is not used; a base branch that does not exist is a notice', async () => {
      run(5000, { branch: 'feature', event: 'pull_request' });
      run(990, { headSha: TAG_SHA });
      history('main', [shaOf(900)]);
      api.commits.set(TAG_SHA, shaOf(900)); // one commit past main's head: not (yet) on main
      expect(await fetchGitHubBaseline('', { token: TOKEN, artifactName: 'clair-scan-reports', env })).toMatchObject({
        notice: expect.stringContaining('not used: run 990'),
      });
      api.gitRefs.clear();
      api.gitRefs.set('tags/main', TAG_SHA); // a tag of that name does not stand in for the branch
      expect(await fetchGitHubBaseline('', { token: TOKEN, artifactName: 'clair-scan-reports', env })).toEqual({
        notice:
          'the base branch main was not found (GET git/ref/heads/main): no baseline whose commit is on it; the report is complete.',
      });
      // The fake records its 404 as a problem; that one was the point of the test.
      expect(api.problems).toEqual(['GET /repos/acme/widgets/git/ref/heads%2Fmain: Not Found']);
      api.problems.length = 0;
    });
  });
});

/** A zip of one deflated entry of `size` zero bytes, written without holding the entry in memory. */
async function deflatedZip(name: string, size: number): Promise<Buffer> {
  const chunk = Buffer.alloc(2 ** 24);
  const deflate = createDeflateRaw({ level: 1 });
  const parts: Buffer[] = [];
  deflate.on('data', (b: Buffer) => parts.push(b));
  const ended = new Promise((ok) => deflate.on('end', ok));
  let crc = 0;
  for (let left = size; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((ok) => deflate.once('drain', ok));
  }
  deflate.end();
  await ended;
  const data = Buffer.concat(parts);
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(n.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(30 + n.length + data.length, 16);
  return Buffer.concat([local, n, data, central, n, end]);
}
