/**
 * The GitLab baseline (src/publish/gitlab/baseline.ts) against the fake GitLab API (pipelines, jobs and job artifacts,
 * per doc/api/pipelines.md, jobs.md, job_artifacts.md): only pipelines of the target branch's own commits count.
 */
import { fetchGitLabBaseline, gitlabTargetBranch } from '../../../src/publish/gitlab/baseline';
import { renderJson } from '../../../src/report/json';
import { GitLabApiServer, type FakePipeline } from '../../helpers/gitlab-api-server';
import { useBaseline } from '../../../src/findings/delta';
import { imageInfo, imageResult, scanResult, vuln } from '../../helpers/model';

const RESULT = renderJson(scanResult([imageResult(imageInfo(), [vuln('CVE-2099-0001', 'High')])]));
const PRIVATE = 'glpat-baselineTest0123456789';
const JOB = 'glcbt-jobToken0123456789';

describe('fetchGitLabBaseline', () => {
  const api = new GitLabApiServer(PRIVATE);
  let env: Record<string, string>;
  const FILE = 'clair-scan-reports/clair-scan-result.json';
  const FORGED = renderJson(
    scanResult([imageResult(imageInfo(), [vuln('CVE-2099-0001', 'High'), vuln('CVE-2099-0666', 'Critical')])]),
  );
  beforeAll(async () => {
    await api.start();
    env = {
      GITLAB_CI: 'true',
      CI_API_V4_URL: api.apiUrl,
      CI_PROJECT_ID: '42',
      CI_PROJECT_PATH: 'acme/widgets',
      CI_JOB_NAME: 'clair-scan',
      CI_PROJECT_DIR: '/builds/acme/widgets',
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
      CI_JOB_TOKEN: JOB,
    };
  });
  afterAll(() => api.stop());
  beforeEach(() => {
    api.refArtifacts.clear();
    api.pipelines.length = 0;
    api.requests.length = 0;
    api.storageRequests.length = 0;
    api.jobToken = undefined;
    api.redirectArtifacts = false;
  });
  afterEach(() => expect(api.problems).toEqual([]));

  /** A successful pipeline of project 42 whose clair-scan job (id = pipeline id * 10) kept `result` (if given). */
  const pipeline = (id: number, over: Partial<FakePipeline> = {}, result: string | null = RESULT): FakePipeline => {
    const p: FakePipeline = {
      id,
      project: '42',
      ref: 'main',
      tag: false,
      sha: id.toString(16).padStart(40, '0'),
      source: 'push',
      status: 'success',
      createdAt: '2026-01-01T00:00:00Z',
      jobs: [
        {
          id: id * 10,
          name: 'clair-scan',
          status: 'success',
          artifacts: new Map(result === null ? [] : [[FILE, Buffer.from(result)]]),
        },
      ],
      ...over,
    };
    api.pipelines.push(p);
    return p;
  };

  it("reads this job's result of the latest successful push pipeline of the target branch, with the gitlab-token", async () => {
    pipeline(700);
    const r = await fetchGitLabBaseline('', { outputDir: 'clair-scan-reports', gitlabToken: PRIVATE, env });
    expect(r).toMatchObject({ baseline: { source: 'GitLab job "clair-scan" (job 7000) of pipeline 700 on main' } });
    expect(api.requests.map((q) => [q.method, q.url, q.status, q.token])).toEqual([
      [
        'GET',
        '/api/v4/projects/42/pipelines?ref=main&scope=branches&status=success&order_by=id&sort=desc&per_page=20',
        200,
        PRIVATE,
      ],
      ['GET', '/api/v4/projects/42/pipelines/700', 200, PRIVATE],
      ['GET', '/api/v4/projects/42/pipelines/700/jobs?scope[]=success&per_page=100', 200, PRIVATE],
      ['GET', '/api/v4/projects/42/jobs/7000/artifacts/clair-scan-reports/clair-scan-result.json', 200, PRIVATE],
    ]);
  });

  it('follows a redirect to object storage without the token; a pipeline whose job kept no artifact is passed over', async () => {
    api.redirectArtifacts = true;
    pipeline(700);
    pipeline(710, {}, null); // newer: the job ran, its artifacts expired
    const r = await fetchGitLabBaseline('', {
      outputDir: '/builds/acme/widgets/clair-scan-reports',
      gitlabToken: PRIVATE,
      env,
    });
    expect(r).toMatchObject({ baseline: { source: 'GitLab job "clair-scan" (job 7000) of pipeline 700 on main' } });
    expect(api.storageRequests).toHaveLength(1);
    expect(api.storageRequests[0].headers['private-token']).toBeUndefined();
  });

  it('no pipeline (a notice); the job token alone cannot list pipelines (401: a notice naming the fix); no MR pipeline: nothing', async () => {
    expect(await fetchGitLabBaseline('', { outputDir: 'clair-scan-reports', gitlabToken: PRIVATE, env })).toEqual({
      notice:
        "no successful pipeline of main's commits was found: no baseline; the report is complete (the next pipeline on main makes one).",
    });
    api.jobToken = JOB;
    pipeline(700);
    const refused = await fetchGitLabBaseline('', { outputDir: 'clair-scan-reports', env });
    expect(refused).toEqual({
      notice:
        'listing the pipelines of main for the baseline was refused (HTTP 401): the job token cannot list pipelines (and reads artifacts only on GitLab Premium); set CLAIR_SCAN_GITLAB_TOKEN (read_api). No comparison is made, the report is complete.',
    });
    const { CI_MERGE_REQUEST_TARGET_BRANCH_NAME: _t, ...branchPipeline } = env;
    expect(await fetchGitLabBaseline('', { outputDir: 'clair-scan-reports', env: branchPipeline })).toBeUndefined();
    expect(
      gitlabTargetBranch({
        ...branchPipeline,
        CI_OPEN_MERGE_REQUESTS: 'acme/widgets!17',
        CI_DEFAULT_BRANCH: 'main',
        CI_COMMIT_BRANCH: 'feature',
      }),
    ).toBe('main');
  });

  describe("provenance: only pipelines of the target branch's commits", () => {
    it('a tag pipeline named like the branch, an API-triggered and an MR pipeline are passed over for the push pipeline', async () => {
      pipeline(700);
      pipeline(720, { source: 'api' }, FORGED);
      pipeline(730, { source: 'merge_request_event' }, FORGED);
      pipeline(740, { tag: true }, FORGED); // `git tag main <anything>`: ref "main", a tag
      const r = await fetchGitLabBaseline('', { outputDir: 'clair-scan-reports', gitlabToken: PRIVATE, env });
      expect(r).toMatchObject({ baseline: { source: 'GitLab job "clair-scan" (job 7000) of pipeline 700 on main' } });
      expect(api.requests.filter((q) => q.url.includes('/artifacts/')).map((q) => q.url)).toEqual([
        '/api/v4/projects/42/jobs/7000/artifacts/clair-scan-reports/clair-scan-result.json',
      ]);
    });

    it('only other pipelines: a notice naming them, and then every finding counts as new', async () => {
      pipeline(720, { source: 'trigger' }, FORGED);
      pipeline(730, { source: 'merge_request_event' }, FORGED);
      const r = await fetchGitLabBaseline('', { outputDir: 'clair-scan-reports', gitlabToken: PRIVATE, env });
      expect(r).toEqual({
        notice:
          "no successful pipeline of main's commits was found (not used: pipeline 730 (merge_request_event pipeline of main), pipeline 720 (trigger pipeline of main): only push, schedule and web pipelines of the branch count): " +
          'no baseline; the report is complete (the next pipeline on main makes one).',
      });
      const result = scanResult([imageResult(imageInfo(), [vuln('CVE-2099-0666', 'Critical')])]);
      useBaseline(result, r);
      expect(result.images[0].vulnerabilities[0].baselineState).toBe('new');
      expect(result.baselineUncompared).toEqual(['myorg/app']);
    });
  });
});
