/**
 * The sticky merge request note in GitLab CI: one note per marker, created once and then edited in place,
 * through the REST API (v4) with a `PRIVATE-TOKEN` (project/personal access token with `api` scope; the CI
 * job token cannot write notes). Called by the CLI when it runs in a GitLab merge request pipeline.
 *
 * API (docs/api/notes.md): GET/POST /projects/:id/merge_requests/:iid/notes, PUT …/notes/:note_id; lists are
 * paged with `page`/`per_page` and the `x-next-page` response header (empty on the last page). GET /user
 * (docs/api/users.md) tells whose notes are ours.
 */
import { request } from 'undici';
import { ClairScanError, errorMessage } from '../../util/errors';
import { log } from '../../util/log';
import { upsertSticky, type StickyIdentity, type StickyItem, type StickyStore } from '../sticky';

type Env = Record<string, string | undefined>;

export interface GitLabTarget {
  apiUrl: string;
  projectId: string;
  mergeRequestIid: string;
  token: string;
}

export type NoteOutcome =
  | { status: 'skipped'; reason: string }
  | { status: 'created' | 'updated' | 'unchanged'; id: number }
  | { status: 'failed'; reason: string };

const PER_PAGE = 100;
const MAX_PAGES = 100;
const REQUEST_TIMEOUT_MS = 30_000;

interface Note {
  id: number;
  body: string;
  system?: boolean;
  author?: { id?: number; username?: string; bot?: boolean };
}

export class GitLabApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call(
  target: GitLabTarget,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<{ data: unknown; headers: Record<string, string | string[] | undefined> }> {
  const url = `${target.apiUrl.replace(/\/+$/, '')}${path}`;
  const res = await request(url, {
    method,
    headers: {
      'PRIVATE-TOKEN': target.token,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    headersTimeout: REQUEST_TIMEOUT_MS,
    bodyTimeout: REQUEST_TIMEOUT_MS,
  });
  const text = await res.body.text();
  if (res.statusCode < 200 || res.statusCode >= 300) {
    let msg = text.slice(0, 300);
    try {
      const j = JSON.parse(text) as { message?: unknown; error?: unknown };
      msg = JSON.stringify(j.message ?? j.error ?? j).slice(0, 300);
    } catch {
      /* not JSON: keep the text */
    }
    throw new GitLabApiError(res.statusCode, `${method} ${path}: HTTP ${res.statusCode} ${msg}`);
  }
  if (!text) return { data: undefined, headers: res.headers };
  try {
    return { data: JSON.parse(text) as unknown, headers: res.headers };
  } catch (err) {
    throw new ClairScanError(
      `${method} ${path}: GitLab answered HTTP ${res.statusCode} with something that is not JSON (${errorMessage(err)})`,
      {
        hint: 'check CI_API_V4_URL: it must be the GitLab API (https://<host>/api/v4), not a proxy or sign-in page.',
        details: text.slice(0, 300),
      },
    );
  }
}

function notesPath(t: GitLabTarget): string {
  return `/projects/${encodeURIComponent(t.projectId)}/merge_requests/${encodeURIComponent(t.mergeRequestIid)}/notes`;
}

/**
 * Who the token writes as: `GET /user` (any token with `api` or `read_user` scope can read it; a project access
 * token answers with its bot user). Only notes whose `author.id` is that id can be "the" sticky note: the marker is
 * public, so anyone could post a note that starts with it.
 */
async function gitlabIdentity(target: GitLabTarget): Promise<StickyIdentity> {
  const { data } = await call(target, 'GET', '/user');
  const me = data as { id?: unknown; username?: unknown };
  if (typeof me?.id !== 'number') {
    throw new ClairScanError(
      'GET /user: the GitLab API answered without a user id, so the note this token wrote cannot be told from others',
      {
        hint: 'give a token that can read its own user (a personal, project or group access token with `api` scope), and check CI_API_V4_URL.',
      },
    );
  }
  return {
    describe: `user ${me.id}${typeof me.username === 'string' ? ` (${me.username})` : ''}`,
    owns: (a) => a?.id === me.id,
  };
}

/** A merge request's notes as a StickyStore (oldest first, paged with `x-next-page`). */
function mergeRequestNoteStore(target: GitLabTarget): StickyStore {
  const base = notesPath(target);
  const item = (n: Note): StickyItem => ({
    id: n.id,
    body: n.body,
    system: n.system,
    author: n.author ? { id: n.author.id, login: n.author.username, bot: n.author.bot } : undefined,
  });
  return {
    identity: () => gitlabIdentity(target),
    async *pages() {
      let page = '1';
      while (page) {
        const { data, headers } = await call(
          target,
          'GET',
          `${base}?per_page=${PER_PAGE}&page=${encodeURIComponent(page)}&sort=asc&order_by=created_at`,
        );
        if (!Array.isArray(data)) {
          throw new ClairScanError(`GET ${base}: the GitLab API answered with something other than a list of notes`, {
            hint: 'check CI_API_V4_URL (the GitLab API, https://<host>/api/v4) and that the token can read the merge request.',
          });
        }
        yield (data as Note[]).map(item);
        const next = headers['x-next-page'];
        page = (Array.isArray(next) ? next[0] : (next ?? '')).trim();
      }
    },
    create: async (body) => item((await call(target, 'POST', base, { body })).data as Note),
    update: async (id, body) => item((await call(target, 'PUT', `${base}/${id}`, { body })).data as Note),
  };
}

/** Find our note (starts with `marker`, written by the token's user; following every page), update it, or create it. */
export async function upsertStickyNote(
  target: GitLabTarget,
  marker: string,
  body: string,
): Promise<{ action: 'created' | 'updated' | 'unchanged'; id: number }> {
  const r = await upsertSticky(mergeRequestNoteStore(target), marker, body, {
    perPage: PER_PAGE,
    maxPages: MAX_PAGES,
    what: 'merge request',
  });
  if (r.foreign > 0)
    log.warn(
      `ignored ${r.foreign} note(s) on the merge request that carry this scan's marker but were not written by this token's user.`,
    );
  return { action: r.action, id: r.id };
}

export function gitlabTarget(env: Env, token: string | undefined): GitLabTarget | string {
  const { CI_PROJECT_ID: projectId, CI_API_V4_URL: apiUrl } = env;
  // A merge request pipeline names its MR; a branch pipeline (the template's default) lists the open MRs of its
  // branch in CI_OPEN_MERGE_REQUESTS (`group/project!17,other/fork!3`): the first one of this project is ours.
  const iid = env.CI_MERGE_REQUEST_IID || openMergeRequestOf(env.CI_OPEN_MERGE_REQUESTS, env.CI_PROJECT_PATH);
  if (!iid || !projectId || !apiUrl) return 'not a merge request pipeline';
  if (!token) return 'no token';
  return { apiUrl, projectId, mergeRequestIid: iid, token };
}

function openMergeRequestOf(list: string | undefined, projectPath: string | undefined): string | undefined {
  if (!list || !projectPath) return undefined;
  for (const item of list.split(',')) {
    const m = /^(.+)!(\d+)$/.exec(item.trim());
    if (m && m[1] === projectPath) return m[2];
  }
  return undefined;
}
