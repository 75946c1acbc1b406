/**
 * The base branch's policy files in a pull request (policy/base.ts), through the contents API at the pull request's
 * base commit (`pull_request.base.sha` of the event payload), with the job's token (`contents: read`):
 *   GET /repos/{o}/{r}/contents/{path}?ref={base sha}
 * By sha, not by branch name: a tag named like the branch cannot answer, and the files are those the change was
 * compared with. The checkout (actions/checkout fetches one commit) does not have the base's history, so no git.
 */
import { promises as fs } from 'node:fs';
import type { BaseFile, BasePolicyReader } from '../../policy/base';
import { errorLine } from '../../util/errors';
import { loadGitHub } from './comment';
import { PULL_REQUEST_EVENTS } from './event';

type Env = Record<string, string | undefined>;

/** The contents API returns files up to 1 MB with their content; a policy file is far smaller. */
const MAX_FILE_BYTES = 1024 * 1024;

/** The reader for this pull request's base, or undefined outside a pull request. */
export async function githubBasePolicy(opts: { token?: string; env?: Env }): Promise<BasePolicyReader | undefined> {
  const env = opts.env ?? process.env;
  if (!PULL_REQUEST_EVENTS.includes(env.GITHUB_EVENT_NAME ?? '')) return undefined;
  let base: { sha?: string; ref?: string } | undefined;
  try {
    base = (
      JSON.parse(await fs.readFile(env.GITHUB_EVENT_PATH ?? '', 'utf8')) as {
        pull_request?: { base?: { sha?: string; ref?: string } };
      }
    ).pull_request?.base;
  } catch {
    base = undefined;
  }
  const root = env.GITHUB_WORKSPACE || process.cwd();
  const sha = base?.sha && /^[0-9a-f]{40}$/.test(base.sha) ? base.sha : undefined;
  const label = `${base?.ref ?? 'the base branch'}${sha ? ` (${sha.slice(0, 12)})` : ''}`;
  const fail = (error: string): BasePolicyReader => ({ label, root, read: async () => ({ error }) });
  const repoFull = env.GITHUB_REPOSITORY ?? '';
  if (!sha || !/^[^/]+\/[^/]+$/.test(repoFull))
    return fail('the event payload names no base commit (pull_request.base.sha)');
  if (!opts.token) return fail('no github-token to read it with');
  const [owner, repo] = repoFull.split('/');
  const octokit = (await loadGitHub()).getOctokit(opts.token, {
    baseUrl: env.GITHUB_API_URL || 'https://api.github.com',
  });
  return {
    label,
    root,
    read: async (path: string): Promise<BaseFile> => {
      try {
        const res = await octokit.rest.repos.getContent({ owner, repo, path, ref: sha });
        const d = res.data;
        if (Array.isArray(d) || d.type !== 'file') return { error: `not a file at ${sha.slice(0, 12)}` };
        if (d.size > MAX_FILE_BYTES || (d.size > 0 && !d.content))
          return { error: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB` };
        return { text: Buffer.from(d.content, (d.encoding as BufferEncoding) || 'base64').toString('utf8') };
      } catch (err) {
        const status = (err as { status?: number }).status;
        if (status === 404) return { missing: true };
        return { error: status ? `HTTP ${status}` : errorLine(err) };
      }
    },
  };
}
