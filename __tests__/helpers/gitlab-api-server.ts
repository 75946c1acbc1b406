/**
 * A stand-in for GitLab's REST API v4 merge request notes on 127.0.0.1.
 *
 * GitLab publishes no OpenAPI description in npm (checked the npm package list: only clients such as
 * @gitbeaker/*, no schema), so requests are validated by hand against the documented API (doc/api/notes.md):
 *   GET  /projects/:id/merge_requests/:merge_request_iid/notes  query: sort (asc|desc), order_by (created_at|updated_at), page, per_page (≤100)
 *   POST /projects/:id/merge_requests/:merge_request_iid/notes  body: body (string, required; ≤1,000,000 chars), internal, created_at, merge_request_diff_head_sha
 *   PUT  /projects/:id/merge_requests/:merge_request_iid/notes/:note_id  body: body (string, required)
 *   GET  /user  (doc/api/users.md): the token's own user; for a project access token its bot user (`bot: true`)
 * Authentication: the `PRIVATE-TOKEN` header. Lists are paged with `page`/`per_page`, answered with the
 * `x-page`, `x-per-page`, `x-next-page`, `x-prev-page`, `x-total`, `x-total-pages` headers and a `Link` header.
 * Anything else is a 4xx and is recorded in `problems`.
 *
 * Job artifacts (doc/api/job_artifacts.md, "Download a single artifact file from specific tag or branch"):
 *   GET /projects/:id/jobs/artifacts/:ref_name/raw/*artifact_path  query: job (string, required), job_token (optional)
 *   authenticated by PRIVATE-TOKEN or JOB-TOKEN; 200 with the file (`plain/text`), 400 for an invalid path, 404 when
 *   there is no successful pipeline, job or artifact. With `redirectArtifacts` it answers 302 to object storage (as
 *   GitLab.com's CDN does); that URL must be fetched without a token.
 */
import { LocalApiServer } from './local-server';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A GitLab user as notes show it (`author`). */
export interface GitLabUser {
  id: number;
  username: string;
  name: string;
  bot: boolean;
}

/** The bot user of a project access token (what CLAIR_SCAN_GITLAB_TOKEN should be). */
export const PROJECT_BOT: GitLabUser = { id: 1, username: 'project_1_bot', name: 'clair-scan bot', bot: true };

export interface MrNote {
  id: number;
  body: string;
  author: GitLabUser;
  mr: string;
  system: boolean;
  created_at: string;
  updated_at: string;
}

export class GitLabApiServer extends LocalApiServer {
  readonly requests: { method: string; url: string; status: number; token?: string }[] = [];
  readonly notes = new Map<number, MrNote>();
  /** Answer writes with 403 (token without `api` scope / role). */
  forbidWrites = false;
  private nextId = 500;
  /** Artifacts of the latest successful pipeline per ref: key `${project}|${ref}|${job}|${path}`. */
  readonly refArtifacts = new Map<string, Buffer>();
  /** The job token (JOB-TOKEN) accepted besides the private token; unset = job tokens are refused (GitLab Free). */
  jobToken?: string;
  redirectArtifacts = false;
  readonly storageRequests: { url: string; headers: Record<string, string | string[] | undefined> }[] = [];

  /** `identity`: the token's user; notes created through the API are written by it. */
  constructor(
    readonly token: string,
    public identity: GitLabUser = PROJECT_BOT,
  ) {
    super();
  }

  get apiUrl(): string {
    return `${this.url}/api/v4`;
  }


  /** Seeds a note as if `author` (default: another user) had written it (not through the API). */
  seedNote(project: string, iid: number, body: string, system = false, author: GitLabUser = { id: 77, username: 'someone', name: 'Someone', bot: false }): MrNote {
    const now = new Date().toISOString();
    const n = { id: this.nextId++, body, author, mr: `${project}!${iid}`, system, created_at: now, updated_at: now };
    this.notes.set(n.id, n);
    return n;
  }

  notesOn(project: string, iid: number): MrNote[] {
    return [...this.notes.values()].filter((n) => n.mr === `${project}!${iid}`).sort((a, b) => a.id - b.id);
  }

  private rawArtifact(req: IncomingMessage, res: ServerResponse, m: RegExpExecArray, raw: string): void {
    const rec = { method: req.method ?? '', url: req.url ?? '', status: 0, token: (req.headers['private-token'] ?? req.headers['job-token']) as string | undefined };
    this.requests.push(rec);
    const send = (status: number, body: string | Buffer, type = 'application/json', headers: Record<string, string> = {}): void => {
      rec.status = status;
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    const problem = (status: number, message: string): void => {
      this.problems.push(`${req.method} ${req.url}: ${message}`);
      send(status, JSON.stringify({ message }));
    };
    const priv = req.headers['private-token'];
    const job = req.headers['job-token'];
    if (!(priv === this.token || (this.jobToken !== undefined && job === this.jobToken))) return send(401, JSON.stringify({ message: '401 Unauthorized' }));
    if (req.method !== 'GET') return problem(405, `${req.method} is not supported here`);
    if (raw.trim()) return problem(400, 'GET with a body');
    const url = new URL(req.url ?? '/', this.url);
    for (const k of url.searchParams.keys()) if (!['job', 'job_token'].includes(k)) return problem(400, `unknown parameter ${k}`);
    const jobName = url.searchParams.get('job');
    if (!jobName) return problem(400, 'job is missing');
    const project = decodeURIComponent(m[1]);
    const ref = decodeURIComponent(m[2]);
    const path = m[3].split('/').map(decodeURIComponent).join('/');
    if (path.split('/').some((s) => s === '..' || s === '')) return send(400, JSON.stringify({ message: '400 Bad request - Invalid path' }));
    const key = `${project}|${ref}|${jobName}|${path}`;
    const body = this.refArtifacts.get(key);
    if (!body) return send(404, JSON.stringify({ message: '404 Not Found' }));
    if (this.redirectArtifacts) return send(302, '', 'text/plain', { location: `${this.url}/object-storage/${encodeURIComponent(key)}` });
    return send(200, body, 'plain/text');
  }

  private userJson(u: GitLabUser): Record<string, unknown> {
    return { id: u.id, username: u.username, name: u.name, state: 'active', locked: false, avatar_url: null, web_url: `https://gitlab.example/${u.username}` };
  }

  private render(n: MrNote): Record<string, unknown> {
    return {
      id: n.id,
      type: null,
      body: n.body,
      author: this.userJson(n.author),
      created_at: n.created_at,
      updated_at: n.updated_at,
      system: n.system,
      noteable_id: 1,
      noteable_type: 'MergeRequest',
      noteable_iid: Number(n.mr.split('!')[1]),
      resolvable: false,
      confidential: false,
      internal: false,
    };
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    if ((req.url ?? '').startsWith('/object-storage/')) {
      this.storageRequests.push({ url: req.url ?? '', headers: req.headers });
      if (req.headers['private-token'] || req.headers['job-token']) this.problems.push(`object storage request ${req.url} carried a GitLab token`);
      const body = this.refArtifacts.get(decodeURIComponent((req.url ?? '').slice('/object-storage/'.length)));
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/octet-stream' });
      res.end(body ?? '');
      return;
    }
    const art = /^\/api\/v4\/projects\/([^/]+)\/jobs\/artifacts\/([^/]+)\/raw\/(.+)$/.exec(new URL(req.url ?? '/', this.url).pathname);
    if (art) return this.rawArtifact(req, res, art, raw);
    const token = req.headers['private-token'] as string | undefined;
    const rec = { method: req.method ?? '', url: req.url ?? '', status: 0, token };
    this.requests.push(rec);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      rec.status = status;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const problem = (status: number, message: string): void => {
      this.problems.push(`${req.method} ${req.url}: ${message}`);
      send(status, { message });
    };
    if (token !== this.token) return send(401, { message: '401 Unauthorized' });
    const url = new URL(req.url ?? '/', this.url);
    if (url.pathname === '/api/v4/user') {
      if (req.method !== 'GET') return problem(405, `${req.method} /user is not supported`);
      if ([...url.searchParams.keys()].length || raw.trim()) return problem(400, 'GET /user takes no parameters');
      return send(200, { ...this.userJson(this.identity), bot: this.identity.bot, created_at: '2024-01-01T00:00:00.000Z' });
    }
    const m = /^\/api\/v4\/projects\/([^/]+)\/merge_requests\/(\d+)\/notes(?:\/(\d+))?$/.exec(url.pathname);
    if (!m) return problem(404, '404 Not Found (no such route in the notes API)');
    const project = decodeURIComponent(m[1]);
    const iid = Number(m[2]);
    const noteId = m[3] ? Number(m[3]) : undefined;
    const allowedQuery = req.method === 'GET' && noteId === undefined ? ['sort', 'order_by', 'page', 'per_page'] : [];
    for (const k of url.searchParams.keys()) if (!allowedQuery.includes(k)) return problem(400, `unknown parameter ${k}`);
    const q = (k: string): string | undefined => url.searchParams.get(k) ?? undefined;
    if (q('sort') && !['asc', 'desc'].includes(q('sort')!)) return problem(400, 'sort does not have a valid value');
    if (q('order_by') && !['created_at', 'updated_at'].includes(q('order_by')!)) return problem(400, 'order_by does not have a valid value');
    for (const k of ['page', 'per_page']) if (q(k) !== undefined && !/^[1-9]\d*$/.test(q(k)!)) return problem(400, `${k} is invalid`);

    let body: Record<string, unknown> | undefined;
    if (req.method === 'POST' || req.method === 'PUT') {
      if (!/^application\/json/.test(req.headers['content-type'] ?? '')) return problem(415, 'expected application/json');
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return problem(400, 'body is not JSON');
      }
      const allowed = req.method === 'POST' ? ['body', 'internal', 'created_at', 'merge_request_diff_head_sha'] : ['body'];
      for (const k of Object.keys(body)) if (!allowed.includes(k)) return problem(400, `unknown field ${k}`);
      if (typeof body.body !== 'string' || body.body.length === 0) return problem(400, 'body is missing');
      if (body.body.length > 1_000_000) return problem(400, 'body is too long (maximum is 1000000 characters)');
      if (this.forbidWrites) return send(403, { message: '403 Forbidden' });
    } else if (raw.trim()) {
      return problem(400, 'GET with a body');
    }

    if (req.method === 'GET' && noteId === undefined) {
      const perPage = Math.min(Number(q('per_page') ?? 20), 100);
      const page = Number(q('page') ?? 1);
      let all = this.notesOn(project, iid);
      if ((q('sort') ?? 'desc') === 'desc') all = all.reverse();
      const pages = Math.max(1, Math.ceil(all.length / perPage));
      const link = (n: number, rel: string): string => {
        const u = new URL(url.toString());
        u.searchParams.set('page', String(n));
        u.searchParams.set('per_page', String(perPage));
        return `<${u}>; rel="${rel}"`;
      };
      const links = [link(1, 'first'), link(pages, 'last')];
      if (page < pages) links.unshift(link(page + 1, 'next'));
      if (page > 1) links.unshift(link(page - 1, 'prev'));
      return send(200, all.slice((page - 1) * perPage, page * perPage).map((n) => this.render(n)), {
        'x-page': String(page),
        'x-per-page': String(perPage),
        'x-next-page': page < pages ? String(page + 1) : '',
        'x-prev-page': page > 1 ? String(page - 1) : '',
        'x-total': String(all.length),
        'x-total-pages': String(pages),
        link: links.join(', '),
      });
    }
    if (req.method === 'POST' && noteId === undefined) {
      const n = this.seedNote(project, iid, String(body!.body), false, this.identity);
      return send(201, this.render(n));
    }
    if (req.method === 'PUT' && noteId !== undefined) {
      const n = this.notes.get(noteId);
      if (!n || n.mr !== `${project}!${iid}`) return send(404, { message: '404 Not found' });
      n.body = String(body!.body);
      n.updated_at = new Date().toISOString();
      return send(200, this.render(n));
    }
    return problem(405, `${req.method} is not supported here`);
  }
}
