/**
 * Sticky pull/merge request comments: one comment per (scope, images), found again by a hidden HTML marker
 * at the very start of its body and edited in place on every push.
 */
import { createHash } from 'node:crypto';
import type { ImageRequest } from '../inputs/settings';

/** GitHub rejects issue comments above 65,536 characters. */
export const GITHUB_COMMENT_MAX_CHARS = 65536;
/** GitLab notes are limited to 1,000,000 characters. */
export const GITLAB_NOTE_MAX_CHARS = 1_000_000;

/**
 * The image's name without source prefix, tag or digest — stable across builds, so the marker of
 * `myapp:${sha}` stays the same from push to push.
 */
export function stableImageName(req: Pick<ImageRequest, 'ref' | 'source'>): string {
  let ref = req.ref.trim();
  if (req.source === 'archive') return `archive:${ref}`;
  const at = ref.indexOf('@');
  if (at >= 0) ref = ref.slice(0, at);
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > slash) ref = ref.slice(0, colon);
  return ref.toLowerCase();
}

/**
 * Identifies one sticky comment: the scope (workflow / CI job name, so two workflows scanning the same image
 * keep separate comments) and the set of image names (order-insensitive).
 */
export function stickyKey(images: Pick<ImageRequest, 'ref' | 'source'>[], scope: string): string {
  const names = [...new Set(images.map(stableImageName))].sort();
  return createHash('sha256').update(`${scope}\n${names.join('\n')}`).digest('hex').slice(0, 16);
}

export function stickyMarker(key: string): string {
  return `<!-- clair-scan:${key} -->`;
}

/** True when the comment/note body is ours: it starts with the marker (a quote of it starts with "> "). */
export function isStickyBody(body: string | null | undefined, marker: string): boolean {
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
