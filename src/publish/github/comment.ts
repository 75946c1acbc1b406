/**
 * The sticky pull request comment: one comment per marker, created once and then edited in place.
 * Uses @actions/github's Octokit (REST issue comments: a PR is an issue for comments).
 */
import type * as github from '@actions/github';
import type { BundleRequire } from '../../util/lazy';
import { log } from '../../util/log';
import { ClairScanError, errorMessage } from '../../util/errors';
import { upsertSticky, type StickyIdentity, type StickyItem, type StickyStore } from '../sticky';
import { pullRequestFromEnv } from './event';

export type Octokit = ReturnType<typeof github.getOctokit>;

declare const require: BundleRequire;
/** @actions/github (Octokit with its REST endpoint methods), loaded on first use: a chunk of its own in the bundles (src/util/lazy.ts). */
export const loadGitHub = (): Promise<typeof github> =>
  typeof require.ensure === 'function'
    ? new Promise((ok, fail) =>
        require.ensure!([], () => ok(require('@actions/github') as typeof github), fail, 'github'),
      )
    : Promise.resolve(require('@actions/github') as typeof github);

export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

export interface UpsertResult {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
  url?: string;
}

/** 100 per page (GitHub's maximum) × 100 pages: a PR with more comments than that is not ours to page through. */
const PER_PAGE = 100;
const MAX_PAGES = 100;

/** The bot account the workflow's GITHUB_TOKEN writes as. */
export const GITHUB_ACTIONS_BOT = 'github-actions[bot]';

function statusOf(err: unknown): number | undefined {
  const s = (err as { status?: unknown })?.status;
  return typeof s === 'number' ? s : undefined;
}

/**
 * Who the token writes as. A user token (PAT, OAuth) can read `GET /user`: its comments carry that user id. An
 * installation token — the workflow's GITHUB_TOKEN — gets 403 there ("Resource not accessible by integration");
 * its comments are written by `github-actions[bot]`, a `Bot` account. Logins ending in `[bot]` exist only for
 * GitHub Apps (no one can register one) and `type` is set by GitHub, so neither can be forged by a commenter.
 * Limitation: the token of another GitHub App writes as `<app>[bot]`, which is not recognised; such a run gets a
 * new comment instead of editing the old one (never someone else's).
 */
export async function githubIdentity(octokit: Octokit): Promise<StickyIdentity> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return { describe: `${data.login} (user id ${data.id})`, owns: (a) => a?.id === data.id };
  } catch (err) {
    if (statusOf(err) !== 403) throw err;
    return { describe: GITHUB_ACTIONS_BOT, owns: (a) => !!a?.bot && a.login === GITHUB_ACTIONS_BOT };
  }
}

/** A pull request's issue comments as a StickyStore. */
export function issueCommentStore(octokit: Octokit, target: CommentTarget): StickyStore {
  const { owner, repo, issueNumber } = target;
  type C = {
    id: number;
    body?: string | null;
    html_url?: string;
    user?: { id?: number; login?: string; type?: string } | null;
  };
  const item = (c: C): StickyItem => ({
    id: c.id,
    body: c.body,
    url: c.html_url,
    author: c.user ? { id: c.user.id, login: c.user.login, bot: c.user.type === 'Bot' } : undefined,
  });
  return {
    identity: () => githubIdentity(octokit),
    async *pages() {
      for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: PER_PAGE,
      })) {
        yield (page.data as C[]).map(item);
      }
    },
    create: async (body) =>
      item((await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body })).data as C),
    update: async (id, body) =>
      item((await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body })).data as C),
  };
}

/**
 * Find our comment (starts with `marker`, written by the token's own identity; following every page), update it,
 * or create it if none exists.
 */
export async function upsertStickyComment(
  octokit: Octokit,
  target: CommentTarget,
  marker: string,
  body: string,
): Promise<UpsertResult> {
  const r = await upsertSticky(issueCommentStore(octokit, target), marker, body, {
    perPage: PER_PAGE,
    maxPages: MAX_PAGES,
    what: 'pull request',
  });
  if (r.foreign > 0)
    log.warn(
      `ignored ${r.foreign} comment(s) on the pull request that carry this scan's marker but were not written by this token's identity.`,
    );
  return { action: r.action, id: r.id, url: r.url };
}

export type CommentOutcome =
  | { status: 'skipped'; reason: string }
  | { status: 'created' | 'updated' | 'unchanged'; id: number; url?: string }
  | { status: 'failed'; reason: string };

/**
 * Keep the sticky comment on the run's pull request. Never throws: every problem is a warning (publishing
 * must not hide the verdict), and a read-only token (fork PRs) says where the summary is instead.
 */
export async function publishPullRequestComment(opts: {
  token: string | undefined;
  env: Record<string, string | undefined>;
  marker: string;
  body: string;
}): Promise<CommentOutcome> {
  const pr = pullRequestFromEnv(opts.env);
  if (!pr) {
    log.debug('not a pull request event: no PR comment');
    return { status: 'skipped', reason: 'not a pull request' };
  }
  if (!opts.token) {
    log.warn('no github-token: the pull request comment is skipped; the summary is in the job summary.');
    return { status: 'skipped', reason: 'no token' };
  }
  const octokit = (await loadGitHub()).getOctokit(opts.token, {
    baseUrl: opts.env.GITHUB_API_URL || 'https://api.github.com',
  });
  try {
    const r = await upsertStickyComment(
      octokit,
      { owner: pr.owner, repo: pr.repo, issueNumber: pr.number },
      opts.marker,
      opts.body,
    );
    log.info(`pull request #${pr.number}: summary comment ${r.action}${r.url ? ` (${r.url})` : ''}`);
    return { status: r.action, id: r.id, url: r.url };
  } catch (err) {
    const status = statusOf(err);
    // Only the status and GitHub's message: never the request (its headers carry the token).
    const what = `${status ? `HTTP ${status}: ` : ''}${firstLine(errorMessage(err))}`;
    if (status === 403 || status === 404) {
      log.warn(
        `could not write the pull request comment (${what}). The token is read-only here` +
          `${pr.fromFork ? ' (pull request from a fork)' : ''}; the summary is in the job summary. ` +
          'To get the comment, give the job `permissions: pull-requests: write`' +
          `${pr.fromFork ? ' (fork PRs always get a read-only token on `pull_request`)' : ''}.`,
      );
    } else {
      log.warn(
        `could not write the pull request comment (${what}); ${err instanceof ClairScanError ? err.hint : 'the summary is in the job summary.'}`,
      );
    }
    return { status: 'failed', reason: what };
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0].slice(0, 300);
}
