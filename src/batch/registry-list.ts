/**
 * Registry listings for batch mode: `registry:HOST/ORG/*` names every repository of the registry's catalog
 * (`GET /v2/_catalog`) that matches the pattern, and for each the tags (`GET /v2/<repo>/tags/list`) that the
 * `tags` filter keeps. Both APIs are paginated (`?n=` and a `Link: <…>; rel="next"` header) and go through
 * src/image/registry.ts's client: the same host-bound credentials, challenge handling and size limits as
 * pulling an image.
 */
import type { Readable } from 'node:stream';
import { ClairScanError, errorMessage } from '../util/errors';
import { MAX_JSON_BYTES, readLimited, RegistryAuth, RegistryClient } from '../image/registry';

/** A `registry:HOST/PATTERN` listing: repositories matching PATTERN (`*` one path segment's worth, `**` any depth). */
export interface Listing {
  /** As written, e.g. `registry:127.0.0.1:5000/org/*`. */
  input: string;
  registry: string;
  pattern: string;
}

/** A listing line, or undefined when the line is a single image. */
export function parseListing(input: string): Listing | undefined {
  const text = input.trim();
  if (!text.includes('*')) return undefined;
  const m = /^(?:registry:)?([^/\s]+)\/([^\s]+)$/.exec(text);
  const bad = (why: string): ClairScanError =>
    new ClairScanError(`"${text}" is not a registry listing: ${why}`, {
      hint: 'write registry:HOST/ORG/* (the repositories directly under ORG) or registry:HOST/ORG/** (at any depth), and choose tags with the tags input.',
    });
  if (!m) throw bad('it needs a registry host and a repository pattern');
  const [, registry, pattern] = m;
  if (!/[.:]/.test(registry) && registry !== 'localhost')
    throw bad(`"${registry}" is not a registry host (host[:port], e.g. ghcr.io or 127.0.0.1:5000)`);
  if (pattern.includes(':') || pattern.includes('@'))
    throw bad('a listing takes no tag or digest (the tags input chooses the tags)');
  if (!/^[a-z0-9._\-/*]+$/.test(pattern))
    throw bad('repository names are lower-case letters, digits, ".", "_", "-" and "/"');
  return { input: text, registry, pattern };
}

export function repositoryMatcher(pattern: string): RegExp {
  const re = pattern
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${re}$`);
}

const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/**
 * The `tags` filter: comma-separated `latest` (the tag latest), `semver` (every tag that is a semantic version,
 * with or without a leading v), `all`, or `/REGEX/` (a JavaScript regular expression the whole tag must match).
 * A tag is kept when any of them matches.
 */
export function tagFilter(spec: string[]): (tag: string) => boolean {
  const tests = spec.map((s): ((t: string) => boolean) => {
    const v = s.trim();
    if (v === 'latest') return (t) => t === 'latest';
    if (v === 'semver') return (t) => SEMVER.test(t);
    if (v === 'all' || v === '*') return () => true;
    const m = /^\/(.+)\/$/.exec(v);
    if (m) {
      let re: RegExp;
      try {
        re = new RegExp(`^(?:${m[1]})$`);
      } catch (err) {
        throw new ClairScanError(`input "tags" has an invalid regular expression ${v}: ${errorMessage(err)}`, {
          hint: 'write it as /REGEX/, e.g. /v2\\..*/.',
        });
      }
      return (t) => re.test(t);
    }
    throw new ClairScanError(`input "tags" has an invalid value "${v}"`, {
      hint: 'use latest, semver, all or /REGEX/ (comma-separated), e.g. latest,semver.',
    });
  });
  if (tests.length === 0)
    throw new ClairScanError('input "tags" is empty', {
      hint: 'use latest, semver, all or /REGEX/, e.g. latest,semver.',
    });
  return (tag) => tests.some((f) => f(tag));
}

/** Page size asked for; registries may answer with fewer per page. */
const PAGE_SIZE = 100;
/** Pages followed at most per listing (a registry whose Link never ends must not loop forever). */
const MAX_PAGES = 10_000;

/** Every page of a paginated list API, following `Link: <…>; rel="next"` on the registry's own origin. */
async function* pages<T>(client: RegistryClient, registry: string, firstPath: string): AsyncGenerator<T> {
  let next: string | undefined = firstPath;
  const seen = new Set<string>();
  for (let n = 0; next && n < MAX_PAGES; n++) {
    if (seen.has(next)) break;
    seen.add(next);
    const res = await client.request('GET', next, { headers: { accept: 'application/json' } });
    const body = await readLimited(
      res.body as unknown as Readable,
      MAX_JSON_BYTES,
      next,
      res.headers['content-length'],
    );
    if (res.statusCode === 404)
      throw new ClairScanError(`the registry ${registry} has no ${next.replace(/\?.*$/, '')} (HTTP 404)`, {
        hint: 'check the registry host and the repository pattern.',
      });
    if (res.statusCode === 401 || res.statusCode === 403) {
      throw new ClairScanError(
        `the registry ${registry} refused to list ${next.replace(/\?.*$/, '')} (HTTP ${res.statusCode})`,
        {
          hint: 'listing the catalog needs credentials with catalog access (registry:catalog:* on token registries): set registry-username and registry-password.',
        },
      );
    }
    if (res.statusCode !== 200) {
      throw new ClairScanError(`the registry ${registry} answered HTTP ${res.statusCode} for ${next}`, {
        hint: "check the registry's status.",
        details: body.toString('utf8').slice(0, 500),
      });
    }
    try {
      yield JSON.parse(body.toString('utf8')) as T;
    } catch (err) {
      throw new ClairScanError(`the registry ${registry} sent invalid JSON for ${next}: ${errorMessage(err)}`, {
        hint: 'check the registry.',
      });
    }
    next = nextLink(res.headers.link);
  }
}

/** The path of a `rel="next"` Link (relative, or absolute on the same origin); else undefined. */
export function nextLink(header: string | string[] | undefined): string | undefined {
  for (const h of Array.isArray(header) ? header : header ? [header] : []) {
    for (const part of h.split(/,(?=\s*<)/)) {
      const m = /^\s*<([^>]+)>\s*;(.*)$/.exec(part);
      if (!m || !/\brel="?next"?/i.test(m[2])) continue;
      const target = m[1];
      if (target.startsWith('/')) return target;
      try {
        const u = new URL(target);
        return `${u.pathname}${u.search}`;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export interface ListedImages {
  /** `HOST/REPO:TAG` references, sorted by repository then tag. */
  refs: string[];
  /** Repositories whose tags could not be listed: recorded as errors of the batch, which goes on. */
  failures: { ref: string; error: ClairScanError }[];
}

/** Lists the images a listing names, filtered by the `tags` filter. */
export async function listImages(
  listing: Listing,
  keepTag: (tag: string) => boolean,
  auth: RegistryAuth,
  opts: { pageSize?: number } = {},
): Promise<ListedImages> {
  const n = opts.pageSize ?? PAGE_SIZE;
  const match = repositoryMatcher(listing.pattern);
  const catalog = new RegistryClient(
    { registry: listing.registry, repository: listing.pattern.replace(/\/?\*.*$/, '') || 'catalog' },
    auth,
  );
  const repos: string[] = [];
  for await (const page of pages<{ repositories?: string[] }>(catalog, listing.registry, `/v2/_catalog?n=${n}`)) {
    for (const r of page.repositories ?? []) if (typeof r === 'string' && match.test(r)) repos.push(r);
  }
  const refs: string[] = [];
  const failures: ListedImages['failures'] = [];
  for (const repo of [...new Set(repos)].sort()) {
    const client = new RegistryClient({ registry: listing.registry, repository: repo }, auth);
    try {
      const tags: string[] = [];
      for await (const page of pages<{ tags?: string[] | null }>(
        client,
        listing.registry,
        `/v2/${repo}/tags/list?n=${n}`,
      )) {
        for (const t of page.tags ?? []) if (typeof t === 'string' && keepTag(t)) tags.push(t);
      }
      for (const t of [...new Set(tags)].sort()) refs.push(`${listing.registry}/${repo}:${t}`);
    } catch (err) {
      const e =
        err instanceof ClairScanError ? err : new ClairScanError(errorMessage(err), { hint: 'check the registry.' });
      failures.push({ ref: `${listing.registry}/${repo}`, error: e });
    }
  }
  return { refs, failures };
}
