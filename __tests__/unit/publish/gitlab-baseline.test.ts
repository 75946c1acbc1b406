/** The GitLab baseline (src/publish/gitlab/baseline.ts) against the fake GitLab API (job artifacts, per doc/api/job_artifacts.md). */
import { fetchGitLabBaseline, gitlabTargetBranch } from '../../../src/publish/gitlab/baseline';
import { renderJson } from '../../../src/report/json';
import { GitLabApiServer } from '../../helpers/gitlab-api-server';
import { imageInfo, imageResult, scanResult, vuln } from '../../helpers/model';

const RESULT = renderJson(scanResult([imageResult(imageInfo(), [vuln('CVE-2099-0001', 'High')])]));
const PRIVATE = 'glpat-baselineTest0123456789';
const JOB = 'glcbt-jobToken0123456789';

describe('fetchGitLabBaseline', () => {
  const api = new GitLabApiServer(PRIVATE);
  let env: Record<string, string>;
  beforeAll(async () => {
    await api.start();
    env = { GITLAB_CI: 'true', CI_API_V4_URL: api.apiUrl, CI_PROJECT_ID: '42', CI_PROJECT_PATH: 'acme/widgets', CI_JOB_NAME: 'clair-scan', CI_PROJECT_DIR: '/builds/acme/widgets', CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main', CI_JOB_TOKEN: JOB };
  });
  afterAll(() => api.stop());
  beforeEach(() => {
    api.refArtifacts.clear();
    api.requests.length = 0;
    api.jobToken = undefined;
    api.redirectArtifacts = false;
  });
  afterEach(() => expect(api.problems).toEqual([]));

  it('reads this job\'s result of the latest successful pipeline on the target branch, with the gitlab-token', async () => {
    api.refArtifacts.set('42|main|clair-scan|clair-scan-reports/clair-scan-result.json', Buffer.from(RESULT));
    const r = await fetchGitLabBaseline('', { outputDir: 'clair-scan-reports', gitlabToken: PRIVATE, env });
    expect(r).toMatchObject({ baseline: { source: 'GitLab job "clair-scan" of the latest successful pipeline on main' } });
    expect(api.requests.map((q) => [q.method, q.url, q.status, q.token])).toEqual([['GET', '/api/v4/projects/42/jobs/artifacts/main/raw/clair-scan-reports/clair-scan-result.json?job=clair-scan', 200, PRIVATE]]);
  });

  it('with the job token (Premium), following a redirect to object storage without the token', async () => {
    api.jobToken = JOB;
    api.redirectArtifacts = true;
    api.refArtifacts.set('42|main|clair-scan|clair-scan-reports/clair-scan-result.json', Buffer.from(RESULT));
    const r = await fetchGitLabBaseline('', { outputDir: '/builds/acme/widgets/clair-scan-reports', env });
    expect(r && 'baseline' in r).toBe(true);
    expect(api.requests.map((q) => q.status)).toEqual([302]);
    expect(api.storageRequests).toHaveLength(1);
  });

  it('no successful pipeline / artifact (404) and a refused job token (401) are notices; no MR pipeline: nothing', async () => {
    expect(await fetchGitLabBaseline('', { outputDir: 'clair-scan-reports', gitlabToken: PRIVATE, env })).toEqual({
      notice: 'GitLab job "clair-scan" of the latest successful pipeline on main has no clair-scan-reports/clair-scan-result.json (no successful pipeline on main yet, the job or its artifacts are gone, or the artifacts expired): no baseline; the report is complete.',
    });
    const refused = await fetchGitLabBaseline('', { outputDir: 'clair-scan-reports', env });
    expect(refused).toEqual({
      notice: 'reading the baseline from GitLab job "clair-scan" of the latest successful pipeline on main was refused (HTTP 401): the job token may read artifacts only on GitLab Premium; set CLAIR_SCAN_GITLAB_TOKEN (read_api). No comparison is made, the report is complete.',
    });
    const { CI_MERGE_REQUEST_TARGET_BRANCH_NAME: _t, ...branchPipeline } = env;
    expect(await fetchGitLabBaseline('', { outputDir: 'clair-scan-reports', env: branchPipeline })).toBeUndefined();
    expect(gitlabTargetBranch({ ...branchPipeline, CI_OPEN_MERGE_REQUESTS: 'acme/widgets!17', CI_DEFAULT_BRANCH: 'main', CI_COMMIT_BRANCH: 'feature' })).toBe('main');
  });
});
