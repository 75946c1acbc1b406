/**
 * The target branch's policy files in a merge request pipeline (policy/base.ts), through the repository files API
 * (doc/api/repository_files.md, "Get raw file from repository"):
 *   GET /projects/:id/repository/files/:file_path/raw?ref=<CI_MERGE_REQUEST_DIFF_BASE_SHA>
 * at the merge request's diff base (the commit of the target branch the change is compared with; by sha, so a tag
 * named like the branch cannot answer), else the target branch. With `PRIVATE-TOKEN: <gitlab-token>` (read_api),
 * else `JOB-TOKEN`. An unreadable file is reported and suppresses nothing.
 */
import { request } from 'undici';
import type { BaseFile, BasePolicyReader } from '../../policy/base';
import { errorLine } from '../../util/errors';
import { gitlabTargetBranch } from './baseline';

type Env = Record<string, string | undefined>;

const REQUEST_TIMEOUT_MS = 60_000;
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** The reader for this merge request's target branch, or undefined outside a merge request pipeline. */
export function gitlabBasePolicy(opts: { gitlabToken?: string; env?: Env }): BasePolicyReader | undefined {
  const env = opts.env ?? process.env;
  const branch = gitlabTargetBranch(env);
  if (!branch) return undefined;
  const sha = /^[0-9a-f]{40}$/.test(env.CI_MERGE_REQUEST_DIFF_BASE_SHA ?? '')
    ? env.CI_MERGE_REQUEST_DIFF_BASE_SHA!
    : undefined;
  const ref = sha ?? branch;
  const label = `${branch}${sha ? ` (${sha.slice(0, 12)})` : ''}`;
  const root = env.CI_PROJECT_DIR || process.cwd();
  const headers: Record<string, string> = opts.gitlabToken
    ? { 'PRIVATE-TOKEN': opts.gitlabToken }
    : env.CI_JOB_TOKEN
      ? { 'JOB-TOKEN': env.CI_JOB_TOKEN }
      : {};
  const { CI_API_V4_URL: api, CI_PROJECT_ID: project } = env;
  return {
    label,
    root,
    read: async (path: string): Promise<BaseFile> => {
      if (!api || !project) return { error: 'CI_API_V4_URL or CI_PROJECT_ID is not set' };
      if (!Object.keys(headers).length) return { error: 'neither CLAIR_SCAN_GITLAB_TOKEN nor CI_JOB_TOKEN is set' };
      const url = `${api.replace(/\/+$/, '')}/projects/${encodeURIComponent(project)}/repository/files/${encodeURIComponent(path)}/raw?ref=${encodeURIComponent(ref)}`;
      try {
        const res = await request(url, {
          method: 'GET',
          headers: { ...headers, accept: '*/*' },
          headersTimeout: REQUEST_TIMEOUT_MS,
          bodyTimeout: REQUEST_TIMEOUT_MS,
        });
        if (res.statusCode === 404) {
          await res.body.dump();
          return { missing: true };
        }
        if (res.statusCode !== 200) {
          await res.body.dump();
          return {
            error: `HTTP ${res.statusCode}${res.statusCode === 401 || res.statusCode === 403 ? ' (set CLAIR_SCAN_GITLAB_TOKEN with read_api)' : ''}`,
          };
        }
        if (Number(res.headers['content-length'] ?? 0) > MAX_FILE_BYTES) {
          await res.body.dump();
          return { error: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB` };
        }
        const text = await res.body.text();
        return text.length > MAX_FILE_BYTES ? { error: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB` } : { text };
      } catch (err) {
        return { error: errorLine(err) };
      }
    },
  };
}
