/**
 * The baseline in GitLab CI: this job's clair-scan-result.json from the latest successful pipeline of the merge
 * request's target branch's own commits (`ref` = the branch, not a tag; source push, schedule or web — not an API,
 * trigger or merge request pipeline, whose variables others choose), through the pipelines, jobs and job artifacts
 * APIs with `gitlab-token` (read_api), else the job token (which cannot list pipelines: then no baseline).
 * Every problem is a notice (then every finding counts as new: findings/delta.ts).
 * The API calls and why: docs/decisions/gitlab-baseline.md.
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
  const open = (env.CI_OPEN_MERGE_REQUESTS ?? '')
    .split(',')
    .some((x) => env.CI_PROJECT_PATH && x.trim().startsWith(`${env.CI_PROJECT_PATH}!`));
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

/** Pipeline sources that run the branch's own commits with the project's own variables. */
const BRANCH_SOURCES = ['push', 'schedule', 'web'];
/** How many of the branch's newest successful pipelines are looked at for one whose job kept the artifact. */
const MAX_PIPELINES = 10;
/** Largest API answer read as JSON (a page of pipelines or jobs is a few KiB). */
const MAX_JSON_BYTES = 4 * 1024 * 1024;

type Answer = { status: number; json?: unknown; text?: string; tooLarge?: boolean };

export async function fetchGitLabBaseline(
  spec: string,
  opts: { outputDir: string; gitlabToken?: string; env?: Env },
): Promise<BaselineLoad | undefined> {
  const env = opts.env ?? process.env;
  if (spec)
    return {
      notice: `baseline "${spec}" is a run id, which only the GitHub Action can fetch; in GitLab CI give a file path. No comparison is made.`,
    };
  const branch = gitlabTargetBranch(env);
  if (!branch) return undefined; // not a merge request pipeline: nothing to compare with
  const { CI_API_V4_URL: api, CI_PROJECT_ID: project, CI_JOB_NAME: job } = env;
  if (!api || !project || !job)
    return {
      notice:
        'CI_API_V4_URL, CI_PROJECT_ID or CI_JOB_NAME is not set: the baseline cannot be looked up; no comparison is made.',
    };
  const file = artifactPath(opts.outputDir, env);
  if (!file)
    return {
      notice: `output-dir (${opts.outputDir}) is outside the project directory, so it is no job artifact: no baseline; the report is complete.`,
    };
  const headers: Record<string, string> = opts.gitlabToken
    ? { 'PRIVATE-TOKEN': opts.gitlabToken }
    : env.CI_JOB_TOKEN
      ? { 'JOB-TOKEN': env.CI_JOB_TOKEN }
      : {};
  if (!Object.keys(headers).length)
    return {
      notice:
        'neither CLAIR_SCAN_GITLAB_TOKEN nor CI_JOB_TOKEN is set: the baseline cannot be fetched; no comparison is made.',
    };
  const projectUrl = `${api.replace(/\/+$/, '')}/projects/${encodeURIComponent(project)}`;
  const where = `the latest successful pipeline of ${branch}`;

  const get = async (url: string, asJson: boolean): Promise<Answer> => {
    let res = await request(url, {
      method: 'GET',
      headers: { ...headers, accept: asJson ? 'application/json' : '*/*' },
      headersTimeout: REQUEST_TIMEOUT_MS,
      bodyTimeout: REQUEST_TIMEOUT_MS,
    });
    for (let hops = 0; !asJson && res.statusCode >= 300 && res.statusCode < 400 && hops < 3; hops++) {
      const location = res.headers.location;
      await res.body.dump();
      if (typeof location !== 'string') break;
      // Object storage: a signed URL; the token stays with GitLab.
      res = await request(new URL(location, url).toString(), {
        method: 'GET',
        headersTimeout: REQUEST_TIMEOUT_MS,
        bodyTimeout: REQUEST_TIMEOUT_MS,
      });
    }
    if (res.statusCode !== 200) {
      await res.body.dump();
      return { status: res.statusCode };
    }
    const cap = asJson ? MAX_JSON_BYTES : MAX_BASELINE_BYTES;
    if (Number(res.headers['content-length'] ?? 0) > cap) {
      await res.body.dump();
      return { status: 200, tooLarge: true };
    }
    const text = await res.body.text();
    if (text.length > cap) return { status: 200, tooLarge: true };
    if (!asJson) return { status: 200, text };
    try {
      return { status: 200, json: JSON.parse(text) as unknown };
    } catch {
      return { status: 200, json: undefined };
    }
  };
  const refused = (status: number, what: string): BaselineLoad => ({
    notice:
      `${what} for the baseline was refused (HTTP ${status}): ` +
      (opts.gitlabToken
        ? 'the token needs read_api scope on this project.'
        : 'the job token cannot list pipelines (and reads artifacts only on GitLab Premium); set CLAIR_SCAN_GITLAB_TOKEN (read_api).') +
      ' No comparison is made, the report is complete.',
  });
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

  const list = await get(
    `${projectUrl}/pipelines?ref=${encodeURIComponent(branch)}&scope=branches&status=success&order_by=id&sort=desc&per_page=20`,
    true,
  );
  if (list.status === 401 || list.status === 403) return refused(list.status, `listing the pipelines of ${branch}`);
  if (list.status !== 200 || !Array.isArray(list.json))
    return {
      notice: `listing the pipelines of ${branch} for the baseline failed (HTTP ${list.status}${list.status === 200 ? ', not a list' : ''}); no comparison is made, the report is complete.`,
    };
  const rejected: string[] = [];
  const candidates: number[] = [];
  for (const p of list.json) {
    if (!isObj(p) || typeof p.id !== 'number') continue;
    if (p.ref !== branch || p.status !== 'success' || !BRANCH_SOURCES.includes(String(p.source))) {
      rejected.push(`pipeline ${p.id} (${String(p.source)} pipeline of ${String(p.ref)})`);
      continue;
    }
    if (candidates.length < MAX_PIPELINES) candidates.push(p.id);
  }
  let jobless = 0;
  for (const id of candidates) {
    // The list has no `tag` field: one pipeline's answer says whether its ref is a tag named like the branch.
    const one = await get(`${projectUrl}/pipelines/${id}`, true);
    if (one.status === 401 || one.status === 403) return refused(one.status, `reading pipeline ${id}`);
    if (!isObj(one.json) || one.json.tag !== false || one.json.ref !== branch) {
      rejected.push(
        `pipeline ${id} (${isObj(one.json) && one.json.tag === true ? 'a tag pipeline' : 'not a pipeline of the branch'})`,
      );
      continue;
    }
    const jobs = await get(`${projectUrl}/pipelines/${id}/jobs?scope[]=success&per_page=100`, true);
    if (jobs.status === 401 || jobs.status === 403) return refused(jobs.status, `listing the jobs of pipeline ${id}`);
    const found = Array.isArray(jobs.json)
      ? jobs.json.find((j): j is Record<string, unknown> => isObj(j) && j.name === job && typeof j.id === 'number')
      : undefined;
    if (!found) {
      jobless++;
      continue; // the job did not run (or did not succeed) in that pipeline: try the one before
    }
    const source = `GitLab job "${job}" (job ${String(found.id)}) of pipeline ${id} on ${branch}`;
    const art = await get(
      `${projectUrl}/jobs/${String(found.id)}/artifacts/${file.split('/').map(encodeURIComponent).join('/')}`,
      false,
    );
    if (art.status === 404) {
      jobless++;
      continue; // no such file, or the artifacts expired
    }
    if (art.status === 401 || art.status === 403) return refused(art.status, `reading the artifact of ${source}`);
    if (art.status !== 200)
      return {
        notice: `reading the baseline from ${source} failed (HTTP ${art.status}); no comparison is made, the report is complete.`,
      };
    if (art.tooLarge)
      return {
        notice: `the baseline from ${source} is larger than ${MAX_BASELINE_BYTES / 1024 / 1024} MiB: not a clair-scan result; no comparison is made.`,
      };
    return parseBaseline(art.text ?? '', source);
  }
  const why = rejected.length
    ? ` (not used: ${rejected.slice(0, 5).join(', ')}${rejected.length > 5 ? ` and ${rejected.length - 5} more` : ''}: only push, schedule and web pipelines of the branch count)`
    : '';
  if (candidates.length === 0 || jobless === 0)
    return {
      notice: `no successful pipeline of ${branch}'s commits was found${why}: no baseline; the report is complete (the next pipeline on ${branch} makes one).`,
    };
  return {
    notice: `the job "${job}" has no ${file} in ${where} (nor in the ${candidates.length - 1} before it)${why}: the job did not run there, or its artifacts expired; no baseline; the report is complete.`,
  };
}
