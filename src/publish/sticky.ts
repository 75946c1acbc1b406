/**
 * Sticky pull/merge request comments: one comment per (scope, images), found again by a hidden HTML marker
 * at the very start of its body and edited in place on every push.
 */
import { createHash } from 'node:crypto';
import { stableImageName, type ImageRequest } from '../image/reference';
import { ClairScanError } from '../util/errors';

/** GitHub rejects issue comments above 65,536 characters. */
export const GITHUB_COMMENT_MAX_CHARS = 65536;
/** GitLab notes are limited to 1,000,000 characters. */
export const GITLAB_NOTE_MAX_CHARS = 1_000_000;

/**
 * Identifies one sticky comment: the scope (workflow / CI job name, so two workflows scanning the same image
 * keep separate comments) and the set of image names (order-insensitive).
 */
export function stickyKey(images: Pick<ImageRequest, 'ref' | 'source'>[], scope: string): string {
  const names = [...new Set(images.map(stableImageName))].sort();
  return createHash('sha256')
    .update(`${scope}\n${names.join('\n')}`)
    .digest('hex')
    .slice(0, 16);
}

export function stickyMarker(key: string): string {
  return `<!-- clair-scan:${key} -->`;
}

/** True when the comment/note body is ours: it starts with the marker (a quote of it starts with "> "). */
function isStickyBody(body: string | null | undefined, marker: string): boolean {
  return typeof body === 'string' && body.trimStart().startsWith(marker);
}

/** Marker first, then the Markdown, cut to `maxChars` in total with a note saying where the rest is. */
export function composeStickyBody(marker: string, markdown: string, maxChars: number, restIsAt: string): string {
  const text = markdown.startsWith(marker) ? markdown.slice(marker.length).replace(/^\n/, '') : markdown;
  const full = `${marker}\n${text}`;
  if (full.length <= maxChars) return full;
  const note = `\n\n… cut to fit the comment size limit; ${restIsAt}\n`;
  return full.slice(0, Math.max(marker.length + 1, maxChars - note.length)) + note;
}

/** Who wrote a comment/note, as the forge reports it. */
export interface StickyAuthor {
  id?: number;
  login?: string;
  /** GitHub `user.type === 'Bot'` (an app), GitLab `author.bot`. */
  bot?: boolean;
}

export interface StickyItem {
  id: number;
  body: string | null | undefined;
  author?: StickyAuthor;
  /** GitLab system notes ("added 1 commit") are never ours. */
  system?: boolean;
  url?: string;
}

/** The identity of the token we write with: only comments it wrote can be "the" sticky comment. */
export interface StickyIdentity {
  /** For logs, e.g. "github-actions[bot]" or "user 17 (project_5_bot)". */
  describe: string;
  owns(author: StickyAuthor | undefined): boolean;
}

/**
 * Where sticky comments live (a pull request's issue comments, a merge request's notes). The marker is public and
 * anyone can post a comment that starts with it, so a comment is ours only if `identity()` owns its author.
 */
export interface StickyStore {
  identity(): Promise<StickyIdentity>;
  /** The comments, page by page, oldest first. */
  pages(): AsyncIterable<StickyItem[]>;
  create(body: string): Promise<StickyItem>;
  update(id: number, body: string): Promise<StickyItem>;
}

export interface StickyUpsert {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
  url?: string;
  /** Comments that carry the marker but were written by someone else (ignored). */
  foreign: number;
}

/**
 * Find our comment (it starts with `marker` and was written by the token's own identity), update it, or create it
 * when there is none. A comment someone else wrote with the same marker is ignored, whoever wrote it first.
 * `maxPages` pages at most: a thread longer than that gets no new comment (it would be a duplicate if ours is
 * further on).
 */
export async function upsertSticky(
  store: StickyStore,
  marker: string,
  body: string,
  limits: { perPage: number; maxPages: number; what: string },
): Promise<StickyUpsert> {
  const me = await store.identity();
  let existing: StickyItem | undefined;
  let foreign = 0;
  let pages = 0;
  let exhausted = true;
  for await (const page of store.pages()) {
    for (const c of page) {
      if (c.system || !isStickyBody(c.body, marker)) continue;
      if (me.owns(c.author)) {
        existing = c;
        break;
      }
      foreign++;
    }
    if (existing) break;
    if (++pages >= limits.maxPages) {
      exhausted = false;
      break;
    }
  }
  if (existing) {
    if (existing.body === body) return { action: 'unchanged', id: existing.id, url: existing.url, foreign };
    const res = await store.update(existing.id, body);
    return { action: 'updated', id: res.id, url: res.url, foreign };
  }
  if (!exhausted) {
    const n = limits.perPage * limits.maxPages;
    throw new ClairScanError(
      `the ${limits.what} has more than ${n} comments and this scan's summary is not among the first ${n}; not adding another summary comment`,
      {
        hint: `delete or hide older comments on the ${limits.what} (the summary is looked for among its first ${n}); until then the summary is in the job's reports.`,
      },
    );
  }
  const res = await store.create(body);
  return { action: 'created', id: res.id, url: res.url, foreign };
}
