/**
 * The baseline in GitLab CI: this job's clair-scan-result.json from the latest successful pipeline of the merge
 * request's target branch, through the job artifacts API (doc/api/job_artifacts.md, "Download a single artifact file
 * from specific tag or branch"):
 *   GET /projects/:id/jobs/artifacts/:ref_name/raw/*artifact_path?job=<CI_JOB_NAME>
 * with `PRIVATE-TOKEN: <gitlab-token>` (scope read_api or api), else `JOB-TOKEN: $CI_JOB_TOKEN` (GitLab Premium and
 * Ultimate accept the job token there). A 404 (no successful pipeline, no artifact, expired) is a notice.
 * The answer may redirect to object storage: followed without the token.
 */
import * as path from 'node:path';
import { request } from 'undici';
import { MAX_BASELINE_BYTES, parseBaseline, type BaselineLoad } from '../../findings/delta';

type Env = Record<string, string | undefined>;

const REQUEST_TIMEOUT_MS = 60_000;
const RESULT_FILE = 'clair-scan-result.json';

/** The branch to compare with: the MR's target; in a branch pipeline of an open MR, the default branch. */
export function gitlabTargetBranch(env: Env): string | undefined {
  if (env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME) return env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME;
  const open = (env.CI_OPEN_MERGE_REQUESTS ?? '').split(',').some((x) => env.CI_PROJECT_PATH && x.trim().startsWith(`${env.CI_PROJECT_PATH}!`));
  if (open && env.CI_DEFAULT_BRANCH && env.CI_COMMIT_BRANCH !== env.CI_DEFAULT_BRANCH) return env.CI_DEFAULT_BRANCH;
  return undefined;
}

/** Where the result file is inside the job's artifacts: output-dir relative to the project directory. */
function artifactPath(outputDir: string, env: Env): string | undefined {
  const projectDir = env.CI_PROJECT_DIR || process.cwd();
  const rel = path.relative(projectDir, path.resolve(projectDir, outputDir));
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return path.posix.join(...rel.split(path.sep).filter(Boolean), RESULT_FILE);
}

export async function fetchGitLabBaseline(spec: string, opts: { outputDir: string; gitlabToken?: string; env?: Env }): Promise<BaselineLoad | undefined> {
  const env = opts.env ?? process.env;
  if (spec) return { notice: `baseline "${spec}" is a run id, which only the GitHub Action can fetch; in GitLab CI give a file path. No comparison is made.` };
  const branch = gitlabTargetBranch(env);
  if (!branch) return undefined; // not a merge request pipeline: nothing to compare with
  const { CI_API_V4_URL: api, CI_PROJECT_ID: project, CI_JOB_NAME: job } = env;
  if (!api || !project || !job) return { notice: 'CI_API_V4_URL, CI_PROJECT_ID or CI_JOB_NAME is not set: the baseline cannot be looked up; no comparison is made.' };
  const file = artifactPath(opts.outputDir, env);
  if (!file) return { notice: `output-dir (${opts.outputDir}) is outside the project directory, so it is no job artifact: no baseline; the report is complete.` };
  const headers: Record<string, string> = opts.gitlabToken ? { 'PRIVATE-TOKEN': opts.gitlabToken } : env.CI_JOB_TOKEN ? { 'JOB-TOKEN': env.CI_JOB_TOKEN } : {};
  if (!Object.keys(headers).length) return { notice: 'neither CLAIR_SCAN_GITLAB_TOKEN nor CI_JOB_TOKEN is set: the baseline cannot be fetched; no comparison is made.' };
  const url =
    `${api.replace(/\/+$/, '')}/projects/${encodeURIComponent(project)}/jobs/artifacts/${encodeURIComponent(branch)}/raw/` +
    `${file.split('/').map(encodeURIComponent).join('/')}?job=${encodeURIComponent(job)}`;
  const source = `GitLab job "${job}" of the latest successful pipeline on ${branch}`;
  let res = await request(url, { method: 'GET', headers: { ...headers, accept: '*/*' }, headersTimeout: REQUEST_TIMEOUT_MS, bodyTimeout: REQUEST_TIMEOUT_MS });
  for (let hops = 0; res.statusCode >= 300 && res.statusCode < 400 && hops < 3; hops++) {
    const location = res.headers.location;
    await res.body.dump();
    if (typeof location !== 'string') break;
    // Object storage: a signed URL; the token stays with GitLab.
    res = await request(new URL(location, url).toString(), { method: 'GET', headersTimeout: REQUEST_TIMEOUT_MS, bodyTimeout: REQUEST_TIMEOUT_MS });
  }
  if (res.statusCode === 404) {
    await res.body.dump();
    return { notice: `${source} has no ${file} (no successful pipeline on ${branch} yet, the job or its artifacts are gone, or the artifacts expired): no baseline; the report is complete.` };
  }
  if (res.statusCode === 401 || res.statusCode === 403) {
    await res.body.dump();
    return {
      notice:
        `reading the baseline from ${source} was refused (HTTP ${res.statusCode}): ` +
        (opts.gitlabToken ? 'the token needs read_api scope on this project.' : 'the job token may read artifacts only on GitLab Premium; set CLAIR_SCAN_GITLAB_TOKEN (read_api).') +
        ' No comparison is made, the report is complete.',
    };
  }
  if (res.statusCode !== 200) {
    await res.body.dump();
    return { notice: `reading the baseline from ${source} failed (HTTP ${res.statusCode}); no comparison is made, the report is complete.` };
  }
  const length = Number(res.headers['content-length'] ?? 0);
  if (length > MAX_BASELINE_BYTES) {
    await res.body.dump();
    return { notice: `the baseline from ${source} is larger than ${MAX_BASELINE_BYTES / 1024 / 1024} MiB: not a clair-scan result; no comparison is made.` };
  }
  return parseBaseline(await res.body.text(), source);
}
