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
 *
 * Pipelines and their jobs (doc/api/pipelines.md, doc/api/jobs.md, doc/api/job_artifacts.md), from `pipelines`:
 *   GET /projects/:id/pipelines  query: scope (running|pending|finished|branches|tags), status, source, ref, sha,
 *       yaml_errors, username, updated_after, updated_before, created_after, created_before, name,
 *       order_by (id|status|ref|updated_at|user_id), sort (asc|desc), page, per_page (≤100); `scope=branches` leaves
 *       out tag pipelines (a tag may be named like a branch: `ref` alone does not tell them apart)
 *   GET /projects/:id/pipelines/:pipeline_id                 one pipeline, with `tag`
 *   GET /projects/:id/pipelines/:pipeline_id/jobs            query: scope / scope[] (job statuses), include_retried, page, per_page
 *   GET /projects/:id/jobs/:job_id/artifacts/*artifact_path  query: job_token; 404 when the job has no such file
 *   GET /projects/:id/repository/files/:file_path/raw  query: ref (required), lfs; from `files` (`${project}|${ref}|${path}`)
 * Pipelines and jobs take PRIVATE-TOKEN only (GitLab does not let a job token list pipelines); the artifact download
 * also takes JOB-TOKEN when `jobToken` is set, and answers a refused job token with 403 (GitLab Free).
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

/** A pipeline as the pipelines API shows it, with its jobs' artifacts (only what the tests vary). */
export interface FakePipeline {
  id: number;
  project: string;
  ref: string;
  /** A tag pipeline (its ref is a tag's name). */
  tag: boolean;
  sha: string;
  source: 'push' | 'web' | 'schedule' | 'merge_request_event' | 'api' | 'trigger' | 'pipeline';
  status: 'success' | 'failed' | 'running' | 'canceled';
  createdAt: string;
  jobs: { id: number; name: string; status: 'success' | 'failed'; artifacts: Map<string, Buffer> }[];
}

const PIPELINE_STATUSES = [
  'created',
  'waiting_for_resource',
  'preparing',
  'pending',
  'running',
  'success',
  'failed',
  'canceled',
  'skipped',
  'manual',
  'scheduled',
];
const PIPELINE_SOURCES = [
  'push',
  'web',
  'trigger',
  'schedule',
  'api',
  'external',
  'pipeline',
  'chat',
  'webide',
  'merge_request_event',
  'external_pull_request_event',
  'parent_pipeline',
  'ondemand_dast_scan',
  'ondemand_dast_validation',
  'security_orchestration_policy',
];

export class GitLabApiServer extends LocalApiServer {
  /** Pipelines of the projects (GET …/pipelines, …/pipelines/:id, …/pipelines/:id/jobs, …/jobs/:id/artifacts/*). */
  readonly pipelines: FakePipeline[] = [];
  /** Repository files by `${project}|${ref}|${path}` (GET …/repository/files/:file_path/raw?ref=). */
  readonly files = new Map<string, string>();
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
  seedNote(
    project: string,
    iid: number,
    body: string,
    system = false,
    author: GitLabUser = { id: 77, username: 'someone', name: 'Someone', bot: false },
  ): MrNote {
    const now = new Date().toISOString();
    const n = { id: this.nextId++, body, author, mr: `${project}!${iid}`, system, created_at: now, updated_at: now };
    this.notes.set(n.id, n);
    return n;
  }

  notesOn(project: string, iid: number): MrNote[] {
    return [...this.notes.values()].filter((n) => n.mr === `${project}!${iid}`).sort((a, b) => a.id - b.id);
  }

  private rawArtifact(req: IncomingMessage, res: ServerResponse, m: RegExpExecArray, raw: string): void {
    const rec = {
      method: req.method ?? '',
      url: req.url ?? '',
      status: 0,
      token: (req.headers['private-token'] ?? req.headers['job-token']) as string | undefined,
    };
    this.requests.push(rec);
    const send = (
      status: number,
      body: string | Buffer,
      type = 'application/json',
      headers: Record<string, string> = {},
    ): void => {
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
    if (!(priv === this.token || (this.jobToken !== undefined && job === this.jobToken)))
      return send(401, JSON.stringify({ message: '401 Unauthorized' }));
    if (req.method !== 'GET') return problem(405, `${req.method} is not supported here`);
    if (raw.trim()) return problem(400, 'GET with a body');
    const url = new URL(req.url ?? '/', this.url);
    for (const k of url.searchParams.keys())
      if (!['job', 'job_token'].includes(k)) return problem(400, `unknown parameter ${k}`);
    const jobName = url.searchParams.get('job');
    if (!jobName) return problem(400, 'job is missing');
    const project = decodeURIComponent(m[1]);
    const ref = decodeURIComponent(m[2]);
    const path = m[3].split('/').map(decodeURIComponent).join('/');
    if (path.split('/').some((s) => s === '..' || s === ''))
      return send(400, JSON.stringify({ message: '400 Bad request - Invalid path' }));
    const key = `${project}|${ref}|${jobName}|${path}`;
    const body = this.refArtifacts.get(key);
    if (!body) return send(404, JSON.stringify({ message: '404 Not Found' }));
    if (this.redirectArtifacts)
      return send(302, '', 'text/plain', { location: `${this.url}/object-storage/${encodeURIComponent(key)}` });
    return send(200, body, 'plain/text');
  }

  private pipelineJson(p: FakePipeline, full: boolean): Record<string, unknown> {
    const web = `${this.url}/${p.project}/-/pipelines/${p.id}`;
    const list = {
      id: p.id,
      iid: p.id,
      project_id: Number(p.project) || 1,
      sha: p.sha,
      ref: p.ref,
      status: p.status,
      source: p.source,
      created_at: p.createdAt,
      updated_at: p.createdAt,
      web_url: web,
      name: null,
    };
    return full
      ? {
          ...list,
          before_sha: '0'.repeat(40),
          tag: p.tag,
          yaml_errors: null,
          user: this.userJson(PROJECT_BOT),
          started_at: p.createdAt,
          finished_at: p.createdAt,
          committed_at: null,
          duration: 1,
          queued_duration: 0,
          coverage: null,
          detailed_status: { text: p.status, label: p.status, group: p.status },
        }
      : list;
  }

  /** Get raw file from repository (doc/api/repository_files.md): `file_path` URL-encoded (slashes as %2F), `ref` required. */
  private rawFile(req: IncomingMessage, res: ServerResponse, project: string, filePath: string, raw: string): void {
    const rec = {
      method: req.method ?? '',
      url: req.url ?? '',
      status: 0,
      token: (req.headers['private-token'] ?? req.headers['job-token']) as string | undefined,
    };
    this.requests.push(rec);
    const send = (status: number, body: string): void => {
      rec.status = status;
      res.writeHead(status, { 'content-type': status === 200 ? 'text/plain' : 'application/json' });
      res.end(body);
    };
    const problem = (status: number, message: string): void => {
      this.problems.push(`${req.method} ${req.url}: ${message}`);
      send(status, JSON.stringify({ message }));
    };
    const job = req.headers['job-token'];
    if (req.headers['private-token'] !== this.token && !(this.jobToken !== undefined && job === this.jobToken))
      return send(401, JSON.stringify({ message: '401 Unauthorized' }));
    if (req.method !== 'GET') return problem(405, `${req.method} is not supported here`);
    if (raw.trim()) return problem(400, 'GET with a body');
    const url = new URL(req.url ?? '/', this.url);
    for (const k of url.searchParams.keys())
      if (!['ref', 'lfs'].includes(k)) return problem(400, `unknown parameter ${k}`);
    const ref = url.searchParams.get('ref');
    if (!ref) return problem(400, 'ref is missing');
    const text = this.files.get(`${project}|${ref}|${filePath}`);
    if (text === undefined) return send(404, JSON.stringify({ message: '404 File Not Found' }));
    return send(200, text);
  }

  /** The pipelines, pipeline jobs and job artifact APIs (see the header), over `pipelines`. */
  private pipelineApi(req: IncomingMessage, res: ServerResponse, project: string, rest: string, raw: string): void {
    const rec = {
      method: req.method ?? '',
      url: req.url ?? '',
      status: 0,
      token: (req.headers['private-token'] ?? req.headers['job-token']) as string | undefined,
    };
    this.requests.push(rec);
    const send = (
      status: number,
      body: string | Buffer,
      type = 'application/json',
      headers: Record<string, string> = {},
    ): void => {
      rec.status = status;
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    const problem = (status: number, message: string): void => {
      this.problems.push(`${req.method} ${req.url}: ${message}`);
      send(status, JSON.stringify({ message }));
    };
    const url = new URL(req.url ?? '/', this.url);
    const artifact = /^jobs\/(\d+)\/artifacts\/(.+)$/.exec(rest);
    const priv = req.headers['private-token'] === this.token;
    const job = req.headers['job-token'];
    if (!priv) {
      if (artifact && job !== undefined) {
        if (this.jobToken === undefined || job !== this.jobToken)
          return send(403, JSON.stringify({ message: '403 Forbidden' }));
      } else {
        return send(401, JSON.stringify({ message: '401 Unauthorized' }));
      }
    }
    if (req.method !== 'GET') return problem(405, `${req.method} is not supported here`);
    if (raw.trim()) return problem(400, 'GET with a body');
    const q = (k: string): string | undefined => url.searchParams.get(k) ?? undefined;
    const paging = (): string | undefined => {
      for (const k of ['page', 'per_page'])
        if (q(k) !== undefined && !/^[1-9]\d*$/.test(q(k)!)) return `${k} is invalid`;
      if (Number(q('per_page') ?? 20) > 100) return 'per_page must be at most 100';
      return undefined;
    };
    const page = <T>(items: T[]): { items: T[]; headers: Record<string, string> } => {
      const perPage = Number(q('per_page') ?? 20);
      const n = Number(q('page') ?? 1);
      const pages = Math.max(1, Math.ceil(items.length / perPage));
      return {
        items: items.slice((n - 1) * perPage, n * perPage),
        headers: {
          'x-page': String(n),
          'x-per-page': String(perPage),
          'x-next-page': n < pages ? String(n + 1) : '',
          'x-prev-page': n > 1 ? String(n - 1) : '',
          'x-total': String(items.length),
          'x-total-pages': String(pages),
        },
      };
    };
    const mine = this.pipelines.filter((p) => p.project === project);
    if (rest === 'pipelines') {
      const allowed = [
        'scope',
        'status',
        'source',
        'ref',
        'sha',
        'yaml_errors',
        'username',
        'updated_after',
        'updated_before',
        'created_after',
        'created_before',
        'name',
        'order_by',
        'sort',
        'page',
        'per_page',
      ];
      for (const k of url.searchParams.keys()) if (!allowed.includes(k)) return problem(400, `unknown parameter ${k}`);
      const bad = paging();
      if (bad) return problem(400, bad);
      if (q('scope') && !['running', 'pending', 'finished', 'branches', 'tags'].includes(q('scope')!))
        return problem(400, 'scope does not have a valid value');
      if (q('status') && !PIPELINE_STATUSES.includes(q('status')!))
        return problem(400, 'status does not have a valid value');
      if (q('source') && !PIPELINE_SOURCES.includes(q('source')!))
        return problem(400, 'source does not have a valid value');
      if (q('order_by') && !['id', 'status', 'ref', 'updated_at', 'user_id'].includes(q('order_by')!))
        return problem(400, 'order_by does not have a valid value');
      if (q('sort') && !['asc', 'desc'].includes(q('sort')!)) return problem(400, 'sort does not have a valid value');
      let all = mine.filter(
        (p) =>
          (q('ref') === undefined || p.ref === q('ref')) &&
          (q('status') === undefined || p.status === q('status')) &&
          (q('source') === undefined || p.source === q('source')) &&
          (q('sha') === undefined || p.sha === q('sha')) &&
          (q('scope') !== 'branches' || !p.tag) &&
          (q('scope') !== 'tags' || p.tag),
      );
      all = all.sort((a, b) => b.id - a.id);
      if (q('sort') === 'asc') all.reverse();
      const { items, headers } = page(all);
      return send(200, JSON.stringify(items.map((p) => this.pipelineJson(p, false))), 'application/json', headers);
    }
    const one = /^pipelines\/(\d+)(\/jobs)?$/.exec(rest);
    if (one) {
      const p = mine.find((x) => x.id === Number(one[1]));
      if (!one[2]) {
        if ([...url.searchParams.keys()].length) return problem(400, 'GET /pipelines/:id takes no parameters');
        return p
          ? send(200, JSON.stringify(this.pipelineJson(p, true)))
          : send(404, JSON.stringify({ message: '404 Not found' }));
      }
      for (const k of url.searchParams.keys())
        if (!['scope', 'scope[]', 'include_retried', 'page', 'per_page'].includes(k))
          return problem(400, `unknown parameter ${k}`);
      const bad = paging();
      if (bad) return problem(400, bad);
      const scopes = [...url.searchParams.getAll('scope'), ...url.searchParams.getAll('scope[]')];
      const jobStatuses = [
        'created',
        'pending',
        'running',
        'failed',
        'success',
        'canceled',
        'skipped',
        'waiting_for_resource',
        'manual',
      ];
      if (scopes.some((x) => !jobStatuses.includes(x))) return problem(400, 'scope does not have a valid value');
      if (!p) return send(404, JSON.stringify({ message: '404 Not found' }));
      const jobs = p.jobs.filter((j) => scopes.length === 0 || scopes.includes(j.status));
      const { items, headers } = page(jobs);
      const render = (j: FakePipeline['jobs'][number]): Record<string, unknown> => ({
        id: j.id,
        name: j.name,
        status: j.status,
        stage: 'test',
        ref: p.ref,
        tag: p.tag,
        created_at: p.createdAt,
        web_url: `${this.url}/${p.project}/-/jobs/${j.id}`,
        pipeline: { id: p.id, project_id: Number(p.project) || 1, ref: p.ref, sha: p.sha, status: p.status },
        artifacts: [...j.artifacts.keys()].length
          ? [{ file_type: 'archive', size: 1, filename: 'artifacts.zip', file_format: 'zip' }]
          : [],
      });
      return send(200, JSON.stringify(items.map(render)), 'application/json', headers);
    }
    if (artifact) {
      for (const k of url.searchParams.keys()) if (k !== 'job_token') return problem(400, `unknown parameter ${k}`);
      const path = artifact[2].split('/').map(decodeURIComponent).join('/');
      if (path.split('/').some((x) => x === '..' || x === ''))
        return send(400, JSON.stringify({ message: '400 Bad request - Invalid path' }));
      const j = mine.flatMap((p) => p.jobs).find((x) => x.id === Number(artifact[1]));
      const body = j?.artifacts.get(path);
      if (!body) return send(404, JSON.stringify({ message: '404 Not Found' }));
      if (this.redirectArtifacts) {
        const key = `job-${j!.id}|${path}`;
        this.refArtifacts.set(key, body); // served by the object storage route
        return send(302, '', 'text/plain', { location: `${this.url}/object-storage/${encodeURIComponent(key)}` });
      }
      return send(200, body, 'plain/text');
    }
    return problem(404, '404 Not Found (no such route)');
  }

  private userJson(u: GitLabUser): Record<string, unknown> {
    return {
      id: u.id,
      username: u.username,
      name: u.name,
      state: 'active',
      locked: false,
      avatar_url: null,
      web_url: `https://gitlab.example/${u.username}`,
    };
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
      if (req.headers['private-token'] || req.headers['job-token'])
        this.problems.push(`object storage request ${req.url} carried a GitLab token`);
      const body = this.refArtifacts.get(decodeURIComponent((req.url ?? '').slice('/object-storage/'.length)));
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/octet-stream' });
      res.end(body ?? '');
      return;
    }
    const art = /^\/api\/v4\/projects\/([^/]+)\/jobs\/artifacts\/([^/]+)\/raw\/(.+)$/.exec(
      new URL(req.url ?? '/', this.url).pathname,
    );
    if (art) return this.rawArtifact(req, res, art, raw);
    const rf = /^\/api\/v4\/projects\/([^/]+)\/repository\/files\/([^/]+)\/raw$/.exec(
      new URL(req.url ?? '/', this.url).pathname,
    );
    if (rf) return this.rawFile(req, res, decodeURIComponent(rf[1]), decodeURIComponent(rf[2]), raw);
    const pl = /^\/api\/v4\/projects\/([^/]+)\/(pipelines(?:\/\d+(?:\/jobs)?)?|jobs\/\d+\/artifacts\/.+)$/.exec(
      new URL(req.url ?? '/', this.url).pathname,
    );
    if (pl) return this.pipelineApi(req, res, decodeURIComponent(pl[1]), pl[2], raw);
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
      return send(200, {
        ...this.userJson(this.identity),
        bot: this.identity.bot,
        created_at: '2024-01-01T00:00:00.000Z',
      });
    }
    const m = /^\/api\/v4\/projects\/([^/]+)\/merge_requests\/(\d+)\/notes(?:\/(\d+))?$/.exec(url.pathname);
    if (!m) return problem(404, '404 Not Found (no such route in the notes API)');
    const project = decodeURIComponent(m[1]);
    const iid = Number(m[2]);
    const noteId = m[3] ? Number(m[3]) : undefined;
    const allowedQuery = req.method === 'GET' && noteId === undefined ? ['sort', 'order_by', 'page', 'per_page'] : [];
    for (const k of url.searchParams.keys())
      if (!allowedQuery.includes(k)) return problem(400, `unknown parameter ${k}`);
    const q = (k: string): string | undefined => url.searchParams.get(k) ?? undefined;
    if (q('sort') && !['asc', 'desc'].includes(q('sort')!)) return problem(400, 'sort does not have a valid value');
    if (q('order_by') && !['created_at', 'updated_at'].includes(q('order_by')!))
      return problem(400, 'order_by does not have a valid value');
    for (const k of ['page', 'per_page'])
      if (q(k) !== undefined && !/^[1-9]\d*$/.test(q(k)!)) return problem(400, `${k} is invalid`);

    let body: Record<string, unknown> | undefined;
    if (req.method === 'POST' || req.method === 'PUT') {
      if (!/^application\/json/.test(req.headers['content-type'] ?? ''))
        return problem(415, 'expected application/json');
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return problem(400, 'body is not JSON');
      }
      const allowed =
        req.method === 'POST' ? ['body', 'internal', 'created_at', 'merge_request_diff_head_sha'] : ['body'];
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
      return send(
        200,
        all.slice((page - 1) * perPage, page * perPage).map((n) => this.render(n)),
        {
          'x-page': String(page),
          'x-per-page': String(perPage),
          'x-next-page': page < pages ? String(page + 1) : '',
          'x-prev-page': page > 1 ? String(page - 1) : '',
          'x-total': String(all.length),
          'x-total-pages': String(pages),
          link: links.join(', '),
        },
      );
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
