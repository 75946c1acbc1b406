/**
 * The sticky pull request comment: one comment per marker, created once and then edited in place.
 * Uses @actions/github's Octokit (REST issue comments: a PR is an issue for comments).
 */
import * as github from '@actions/github';
import { log } from '../../util/log';
import { errorMessage } from '../../util/errors';
import { isStickyBody } from '../sticky';
import { pullRequestFromEnv } from './event';

export type Octokit = ReturnType<typeof github.getOctokit>;

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

/** Find the comment that starts with `marker` (following every page), update it, or create it if none exists. */
export async function upsertStickyComment(octokit: Octokit, target: CommentTarget, marker: string, body: string): Promise<UpsertResult> {
  const { owner, repo, issueNumber } = target;
  let existing: { id: number; body?: string | null; html_url?: string } | undefined;
  let pages = 0;
  let exhausted = true;
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issueNumber,
    per_page: PER_PAGE,
  })) {
    existing = page.data.find((c) => isStickyBody(c.body, marker));
    if (existing) break;
    if (++pages >= MAX_PAGES) {
      exhausted = false;
      break;
    }
  }
  if (existing) {
    if (existing.body === body) return { action: 'unchanged', id: existing.id, url: existing.html_url };
    const res = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
    return { action: 'updated', id: res.data.id, url: res.data.html_url };
  }
  if (!exhausted) {
    throw new Error(`the pull request has more than ${PER_PAGE * MAX_PAGES} comments; not adding another summary comment`);
  }
  const res = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
  return { action: 'created', id: res.data.id, url: res.data.html_url };
}

export type CommentOutcome =
  | { status: 'skipped'; reason: string }
  | { status: 'created' | 'updated' | 'unchanged'; id: number; url?: string }
  | { status: 'failed'; reason: string };

function statusOf(err: unknown): number | undefined {
  const s = (err as { status?: unknown })?.status;
  return typeof s === 'number' ? s : undefined;
}

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
  const octokit = github.getOctokit(opts.token, { baseUrl: opts.env.GITHUB_API_URL || 'https://api.github.com' });
  try {
    const r = await upsertStickyComment(octokit, { owner: pr.owner, repo: pr.repo, issueNumber: pr.number }, opts.marker, opts.body);
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
      log.warn(`could not write the pull request comment (${what}); the summary is in the job summary.`);
    }
    return { status: 'failed', reason: what };
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0].slice(0, 300);
}
