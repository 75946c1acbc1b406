/**
 * A stand-in for api.github.com on 127.0.0.1 that checks EVERY request against GitHub's published OpenAPI
 * description (package @octokit/openapi, generated/api.github.com.json): the method + path must be an
 * operation of the API, path and query parameters must match their schemas, a JSON body must match the
 * operation's requestBody schema ($refs resolved by ajv against the whole description). Its own responses
 * are checked against the operation's response schema too, so the fake answers what GitHub would.
 *
 * It implements issue comments in memory (list with Link pagination, get, create, update, delete), each with its
 * author, and `GET /user` as GitHub answers it for the token: the user for a user token (PAT), 403 "Resource not
 * accessible by integration" for an installation token such as GITHUB_TOKEN (whose comments are written by
 * github-actions[bot]). It can be told to answer writes with 403 like the read-only token of a fork pull request. Anything invalid is a 4xx
 * and is recorded in `problems`; tests assert that list is empty.
 */
import { LocalApiServer } from './local-server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Record<string, unknown>;
}

interface Operation {
  operationId: string;
  parameters?: ({ $ref: string } | Parameter)[];
  requestBody?: { required?: boolean; content: Record<string, { schema: unknown }> };
  responses: Record<string, unknown>;
}

interface Route {
  method: string;
  template: string;
  regex: RegExp;
  names: string[];
  literals: number;
  op: Operation;
  pointer: string;
}

/** A GitHub account as comments show it (`user`). */
export interface GitHubAccount {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

/** The account the workflow's GITHUB_TOKEN writes as. */
export const GITHUB_ACTIONS_BOT: GitHubAccount = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

export interface IssueComment {
  id: number;
  body: string;
  author: GitHubAccount;
  issue: string;
  created_at: string;
  updated_at: string;
}

/** A workflow run as the Actions API lists it (only what the tests vary). */
export interface FakeWorkflowRun {
  id: number;
  workflowId: number;
  branch: string;
  event: string;
  conclusion: 'success' | 'failure';
  /** owner/repo of the head repository (a fork's name for a fork PR). */
  headRepository: string;
  createdAt: string;
  /** The commit the run ran on (default: derived from the id); see `commits` for its history. */
  headSha?: string;
}

/** An uploaded artifact of a run: its zip is served from the fake blob storage after the API's 302. */
export interface FakeArtifact {
  id: number;
  runId: number;
  name: string;
  expired: boolean;
  zip: Buffer;
}

export interface RecordedRequest {
  method: string;
  url: string;
  operationId?: string;
  status: number;
  authorization?: string;
}

let spec:
  { paths: Record<string, Record<string, Operation>>; components: Record<string, Record<string, unknown>> } | undefined;
let ajv: Ajv | undefined;
let routes: Route[] | undefined;
const compiled = new Map<string, ValidateFunction>();

function loadSpec(): void {
  if (spec) return;
  spec = require('@octokit/openapi/generated/api.github.com.json');
  ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  // OpenAPI 3.0.3: `nullable: true` adds null only to an explicit `type` in the same schema; without one it means
  // nothing (and ajv refuses to compile it, e.g. a commit's `author`: nullable + oneOf). Drop those: null stays refused.
  const dropUntypedNullable = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(dropUntypedNullable);
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    if ('nullable' in o && !('type' in o)) delete o.nullable;
    Object.values(o).forEach(dropUntypedNullable);
  };
  dropUntypedNullable(spec!.components);
  // The whole description is one schema document: operation schemas are compiled as JSON pointers into it,
  // so their "#/components/schemas/…" references resolve against it.
  ajv.addSchema(spec as object, 'gh');
  routes = [];
  for (const [template, item] of Object.entries(spec!.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete', 'head'].includes(method)) continue;
      const names: string[] = [];
      const regex = new RegExp(
        '^' +
          template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, n: string) => {
            names.push(n);
            return '([^/]+)';
          }) +
          '$',
      );
      routes.push({
        method: method.toUpperCase(),
        template,
        regex,
        names,
        literals: template.split('/').filter((s) => s && !s.startsWith('{')).length,
        op,
        pointer: `gh#/paths/${template.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}`,
      });
    }
  }
  // Most literal segments first: /issues/comments/{id} wins over /issues/{issue_number}/….
  routes.sort((a, b) => b.literals - a.literals);
}

function validator(ref: string): ValidateFunction {
  let v = compiled.get(ref);
  if (!v) {
    v = ajv!.compile({ $ref: ref });
    compiled.set(ref, v);
  }
  return v;
}

function resolveRef<T>(x: T | { $ref: string }): T {
  let cur: unknown = x;
  for (let i = 0; i < 10 && cur && typeof cur === 'object' && '$ref' in cur; i++) {
    const path = (cur as { $ref: string }).$ref
      .replace(/^#\//, '')
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    cur = path.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], spec);
  }
  return cur as T;
}

function coerce(value: string, schema: Record<string, unknown>): unknown {
  const t = schema.type;
  if (t === 'integer' || t === 'number') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (t === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class GitHubApiServer extends LocalApiServer {
  /** Every request, in order. */
  readonly requests: RecordedRequest[] = [];
  /** Every request that did not match the OpenAPI description, and every response that did not either. */
  /** Comments by id. */
  readonly comments = new Map<number, IssueComment>();
  /** Answer POST/PATCH/DELETE with 403 "Resource not accessible by integration" (a fork PR's read-only token). */
  forbidWrites = false;
  /** When set, requests must carry `Authorization: token <t>` or `Bearer <t>`. */
  expectedToken?: string;
  private nextId = 1000;
  /** Workflow runs (GET …/actions/runs/{id}, …/workflows/{id}/runs) and their artifacts (…/runs/{id}/artifacts, download). */
  readonly runs: FakeWorkflowRun[] = [];
  readonly artifacts: FakeArtifact[] = [];
  /**
   * The repository's git: refs (`heads/main`, `tags/main` → sha, for GET …/git/ref/{ref}) and each commit's parent
   * (for GET …/compare/{base}...{head}: `ahead` / `behind` / `identical` / `diverged` along the first-parent chain).
   */
  readonly gitRefs = new Map<string, string>();
  readonly commits = new Map<string, string | undefined>();
  /** Repository files by `${ref}:${path}` (GET …/contents/{path}?ref=: the JSON form, base64 content). */
  readonly files = new Map<string, string>();
  /** Blob downloads served (the signed URL the download 302 points at; not part of the API). */
  readonly blobRequests: { url: string; authorization?: string }[] = [];

  /**
   * The token's identity: comments created through the API are written by it. A Bot (default: github-actions[bot],
   * i.e. GITHUB_TOKEN) is an installation token: `GET /user` answers 403.
   */
  constructor(public identity: GitHubAccount = GITHUB_ACTIONS_BOT) {
    super();
  }

  override async start(): Promise<string> {
    loadSpec();
    return super.start();
  }

  /** Seeds a comment as if `author` (default: another user) had written it (not through the API). */
  seedComment(
    owner: string,
    repo: string,
    issue: number,
    body: string,
    author: GitHubAccount = { login: 'someone', id: 5001, type: 'User' },
  ): IssueComment {
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const c = { id: this.nextId++, body, author, issue: `${owner}/${repo}#${issue}`, created_at: now, updated_at: now };
    this.comments.set(c.id, c);
    return c;
  }

  commentsOn(owner: string, repo: string, issue: number): IssueComment[] {
    return [...this.comments.values()]
      .filter((c) => c.issue === `${owner}/${repo}#${issue}`)
      .sort((a, b) => a.id - b.id);
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if ((req.url ?? '').startsWith('/_blob/')) return this.blob(req, res);
    const rec: RecordedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      status: 0,
      authorization: req.headers.authorization,
    };
    this.requests.push(rec);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const send = (
      status: number,
      body: Json | undefined,
      headers: Record<string, string> = {},
      route?: Route,
    ): void => {
      rec.status = status;
      if (route && body !== undefined) this.checkResponse(route, status, body);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    let route: Route | undefined;
    try {
      const url = new URL(req.url ?? '/', this.url);
      const match = this.match(req.method ?? '', url.pathname);
      route = match.route;
      rec.operationId = route.op.operationId;
      const params = this.checkParameters(route, match.values, url.searchParams);
      const body = this.checkBody(route, raw, req.headers['content-type']);
      if (this.expectedToken !== undefined) {
        const a = req.headers.authorization ?? '';
        if (a !== `token ${this.expectedToken}` && a !== `Bearer ${this.expectedToken}`)
          throw new HttpProblem(401, 'Bad credentials');
      }
      const out = this.dispatch(route, params, body as Record<string, Json> | undefined, url);
      send(out.status, out.body, out.headers, route);
    } catch (err) {
      if (err instanceof HttpProblem) {
        if (err.status !== 403 && err.status !== 401) this.problems.push(`${req.method} ${req.url}: ${err.message}`);
        send(err.status, {
          message: err.message,
          documentation_url: 'https://docs.github.com/rest',
          status: String(err.status),
        });
      } else {
        throw err;
      }
    }
  }

  /** The blob storage behind the artifact download's redirect: a signed URL, no token expected (and none must be sent). */
  private blob(req: IncomingMessage, res: ServerResponse): void {
    this.blobRequests.push({ url: req.url ?? '', authorization: req.headers.authorization });
    if (req.headers.authorization)
      this.problems.push(
        `the blob download ${req.url} carried an Authorization header (the token must stay with the API)`,
      );
    const m = /^\/_blob\/(\d+)\.zip\?sig=ok$/.exec(req.url ?? '');
    const a = m ? this.artifacts.find((x) => x.id === Number(m[1])) : undefined;
    if (!a || req.method !== 'GET') {
      this.problems.push(`unexpected blob request ${req.method} ${req.url}`);
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(a.zip.length) });
    res.end(a.zip);
  }

  private repoJson(full: string): Json {
    const [owner, name] = full.split('/');
    const api = `https://api.github.com/repos/${full}`;
    const urls: Record<string, string> = {};
    for (const k of [
      'archive',
      'assignees',
      'blobs',
      'branches',
      'collaborators',
      'comments',
      'commits',
      'compare',
      'contents',
      'contributors',
      'deployments',
      'downloads',
      'events',
      'forks',
      'git_commits',
      'git_refs',
      'git_tags',
      'hooks',
      'issue_comment',
      'issue_events',
      'issues',
      'keys',
      'labels',
      'languages',
      'merges',
      'milestones',
      'notifications',
      'pulls',
      'releases',
      'stargazers',
      'statuses',
      'subscribers',
      'subscription',
      'tags',
      'teams',
      'trees',
    ]) {
      urls[`${k}_url`] = `${api}/${k.replace(/_/g, '/')}`;
    }
    return {
      ...urls,
      id: 4242,
      node_id: 'R_kgDOfake',
      name,
      full_name: full,
      private: false,
      owner: this.user({ login: owner, id: 9001, type: 'User' }),
      html_url: `https://github.com/${full}`,
      description: null,
      fork: false,
      url: api,
    };
  }

  private runJson(r: FakeWorkflowRun, owner: string, repo: string): Json {
    const api = `https://api.github.com/repos/${owner}/${repo}/actions/runs/${r.id}`;
    const sha = r.headSha ?? r.id.toString(16).padStart(40, '0');
    return {
      id: r.id,
      name: 'Container scan',
      node_id: `WFR_${r.id}`,
      head_branch: r.branch,
      head_sha: sha,
      path: '.github/workflows/scan.yml',
      display_title: 'Container scan',
      run_number: r.id,
      event: r.event,
      status: 'completed',
      conclusion: r.conclusion,
      workflow_id: r.workflowId,
      url: api,
      html_url: `https://github.com/${owner}/${repo}/actions/runs/${r.id}`,
      pull_requests: [],
      created_at: r.createdAt,
      updated_at: r.createdAt,
      jobs_url: `${api}/jobs`,
      logs_url: `${api}/logs`,
      check_suite_url: `https://api.github.com/repos/${owner}/${repo}/check-suites/${r.id}`,
      artifacts_url: `${api}/artifacts`,
      cancel_url: `${api}/cancel`,
      rerun_url: `${api}/rerun`,
      workflow_url: `https://api.github.com/repos/${owner}/${repo}/actions/workflows/${r.workflowId}`,
      head_commit: {
        id: sha,
        tree_id: sha,
        message: 'change',
        timestamp: r.createdAt,
        author: { name: 'a', email: 'a@example.com' },
        committer: { name: 'a', email: 'a@example.com' },
      },
      repository: this.repoJson(`${owner}/${repo}`),
      head_repository: this.repoJson(r.headRepository),
    };
  }

  private artifactJson(a: FakeArtifact, owner: string, repo: string): Json {
    const api = `https://api.github.com/repos/${owner}/${repo}/actions/artifacts/${a.id}`;
    const run = this.runs.find((r) => r.id === a.runId);
    return {
      id: a.id,
      node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
      name: a.name,
      size_in_bytes: a.zip.length,
      url: api,
      archive_download_url: `${api}/zip`,
      expired: a.expired,
      created_at: run?.createdAt ?? null,
      expires_at: '2099-01-01T00:00:00Z',
      updated_at: run?.createdAt ?? null,
      workflow_run: run
        ? {
            id: run.id,
            repository_id: 4242,
            head_repository_id: 4242,
            head_branch: run.branch,
            head_sha: run.headSha ?? run.id.toString(16).padStart(40, '0'),
          }
        : null,
    };
  }

  /** A commit as the commits and compare APIs show it. */
  private commitJson(sha: string, owner: string, repo: string): Json {
    const api = `https://api.github.com/repos/${owner}/${repo}`;
    const parent = this.commits.get(sha);
    const who = { name: 'a', email: 'a@example.com', date: '2026-01-01T00:00:00Z' };
    return {
      url: `${api}/commits/${sha}`,
      sha,
      node_id: `C_${sha.slice(0, 12)}`,
      html_url: `https://github.com/${owner}/${repo}/commit/${sha}`,
      comments_url: `${api}/commits/${sha}/comments`,
      commit: {
        url: `${api}/git/commits/${sha}`,
        author: who,
        committer: who,
        message: 'change',
        comment_count: 0,
        tree: { sha, url: `${api}/git/trees/${sha}` },
      },
      author: this.user({ login: 'a', id: 9002, type: 'User' }),
      committer: this.user({ login: 'a', id: 9002, type: 'User' }),
      parents: parent
        ? [
            {
              sha: parent,
              url: `${api}/commits/${parent}`,
              html_url: `https://github.com/${owner}/${repo}/commit/${parent}`,
            },
          ]
        : [],
    };
  }

  /** `sha` and its first-parent ancestors, newest first (bounded: the fixtures are short). */
  private history(sha: string): string[] {
    const out: string[] = [];
    for (let c: string | undefined = sha; c !== undefined && out.length < 10_000; c = this.commits.get(c)) out.push(c);
    return out;
  }

  /** A page of `items` with GitHub's Link header. */
  private paged<T>(items: T[], p: Record<string, unknown>, url: URL): { page: T[]; headers: Record<string, string> } {
    const perPage = Math.min(Number(p.per_page ?? 30), 100);
    const page = Math.max(Number(p.page ?? 1), 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string): string => {
      const u = new URL(url.toString());
      u.searchParams.set('per_page', String(perPage));
      u.searchParams.set('page', String(n));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
    return {
      page: items.slice((page - 1) * perPage, page * perPage),
      headers: links.length ? { link: links.join(', ') } : {},
    };
  }

  private match(method: string, pathname: string): { route: Route; values: Record<string, string> } {
    let pathOnly = false;
    for (const r of routes!) {
      const m = r.regex.exec(pathname);
      if (!m) continue;
      if (r.method !== method) {
        pathOnly = true;
        continue;
      }
      const values: Record<string, string> = {};
      r.names.forEach((n, i) => (values[n] = decodeURIComponent(m[i + 1])));
      return { route: r, values };
    }
    throw new HttpProblem(pathOnly ? 405 : 404, `no operation ${method} ${pathname} in GitHub's REST API description`);
  }

  private checkParameters(
    route: Route,
    pathValues: Record<string, string>,
    query: URLSearchParams,
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const declared = (route.op.parameters ?? []).map((p) => resolveRef<Parameter>(p));
    for (const p of declared) {
      if (p.in !== 'path' && p.in !== 'query') continue;
      const rawValue = p.in === 'path' ? pathValues[p.name] : (query.get(p.name) ?? undefined);
      if (rawValue === undefined) {
        if (p.required) throw new HttpProblem(422, `missing required ${p.in} parameter "${p.name}"`);
        continue;
      }
      const value = coerce(rawValue, p.schema);
      const v = ajv!.compile(p.schema);
      if (!v(value))
        throw new HttpProblem(422, `${p.in} parameter "${p.name}"="${rawValue}": ${ajv!.errorsText(v.errors)}`);
      out[p.name] = value;
    }
    for (const name of query.keys()) {
      if (!declared.some((p) => p.in === 'query' && p.name === name))
        throw new HttpProblem(422, `unknown query parameter "${name}" for ${route.op.operationId}`);
    }
    return out;
  }

  private checkBody(route: Route, raw: string, contentType: string | undefined): unknown {
    const rb = route.op.requestBody ? resolveRef(route.op.requestBody) : undefined;
    if (!rb) {
      if (raw.trim()) throw new HttpProblem(400, `${route.op.operationId} takes no request body`);
      return undefined;
    }
    if (!raw.trim()) {
      if (rb.required) throw new HttpProblem(400, `${route.op.operationId} needs a JSON body`);
      return undefined;
    }
    if (!/^application\/json\b/.test(contentType ?? ''))
      throw new HttpProblem(415, `content-type must be application/json, got ${contentType}`);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw new HttpProblem(400, 'Problems parsing JSON');
    }
    const v = validator(`${route.pointer}/requestBody/content/application~1json/schema`);
    if (!v(body)) throw new HttpProblem(422, `invalid body for ${route.op.operationId}: ${ajv!.errorsText(v.errors)}`);
    return body;
  }

  private checkResponse(route: Route, status: number, body: Json): void {
    const resp = route.op.responses[String(status)];
    if (!resp) {
      this.problems.push(`response ${status} is not documented for ${route.op.operationId}`);
      return;
    }
    const r = resolveRef<{ content?: Record<string, unknown> }>(resp as { $ref: string });
    if (!r.content?.['application/json']) return;
    // Responses given by $ref live under components/responses; validate through the resolved pointer.
    const ptr =
      '$ref' in (resp as object)
        ? `gh#/components/responses/${(resp as { $ref: string }).$ref.split('/').pop()}/content/application~1json/schema`
        : `${route.pointer}/responses/${status}/content/application~1json/schema`;
    const v = validator(ptr);
    if (!v(body))
      this.problems.push(
        `fake response for ${route.op.operationId} (${status}) does not match GitHub's schema: ${ajv!.errorsText(v.errors)}`,
      );
  }

  private user(account: GitHubAccount): Json {
    const login = account.login;
    const base = `https://api.github.com/users/${encodeURIComponent(login)}`;
    return {
      login,
      id: account.id,
      node_id: Buffer.from(`U_${account.id}`).toString('base64'),
      avatar_url: `https://avatars.githubusercontent.com/u/${account.id}?v=4`,
      gravatar_id: '',
      url: base,
      html_url:
        account.type === 'Bot'
          ? `https://github.com/apps/${login.replace(/\[bot\]$/, '')}`
          : `https://github.com/${login}`,
      followers_url: `${base}/followers`,
      following_url: `${base}/following{/other_user}`,
      gists_url: `${base}/gists{/gist_id}`,
      starred_url: `${base}/starred{/owner}{/repo}`,
      subscriptions_url: `${base}/subscriptions`,
      organizations_url: `${base}/orgs`,
      repos_url: `${base}/repos`,
      events_url: `${base}/events{/privacy}`,
      received_events_url: `${base}/received_events`,
      type: account.type,
      site_admin: false,
    };
  }

  /** `GET /user` for a user token: the public-user shape (what GitHub answers for a token without `user` scope). */
  private authenticatedUser(): Json {
    const u = this.user(this.identity) as Record<string, Json>;
    return {
      ...u,
      name: null,
      company: null,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      public_repos: 1,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: '2020-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
    };
  }

  private render(c: IssueComment): Json {
    const [repoFull, issue] = c.issue.split('#');
    return {
      id: c.id,
      node_id: Buffer.from(`IC_${c.id}`).toString('base64'),
      url: `https://api.github.com/repos/${repoFull}/issues/comments/${c.id}`,
      html_url: `https://github.com/${repoFull}/pull/${issue}#issuecomment-${c.id}`,
      issue_url: `https://api.github.com/repos/${repoFull}/issues/${issue}`,
      body: c.body,
      user: this.user(c.author),
      created_at: c.created_at,
      updated_at: c.updated_at,
      author_association: 'NONE',
      performed_via_github_app: null,
    };
  }

  private dispatch(
    route: Route,
    p: Record<string, unknown>,
    body: Record<string, Json> | undefined,
    url: URL,
  ): { status: number; body?: Json; headers?: Record<string, string> } {
    const write = route.method !== 'GET';
    if (write && this.forbidWrites) throw new HttpProblem(403, 'Resource not accessible by integration');
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const issueKey = `${p.owner}/${p.repo}#${p.issue_number}`;
    const own = (id: unknown): IssueComment => {
      const c = this.comments.get(Number(id));
      if (!c || !c.issue.startsWith(`${p.owner}/${p.repo}#`)) throw new HttpProblem(404, 'Not Found');
      return c;
    };
    switch (route.op.operationId) {
      case 'users/get-authenticated':
        if (this.identity.type === 'Bot') throw new HttpProblem(403, 'Resource not accessible by integration');
        return { status: 200, body: this.authenticatedUser() };
      case 'issues/list-comments': {
        const perPage = Math.min(Number(p.per_page ?? 30), 100);
        const page = Math.max(Number(p.page ?? 1), 1);
        const all = this.commentsOn(String(p.owner), String(p.repo), Number(p.issue_number));
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const links: string[] = [];
        const link = (n: number, rel: string): string => {
          const u = new URL(url.toString());
          u.searchParams.set('per_page', String(perPage));
          u.searchParams.set('page', String(n));
          return `<${u.toString()}>; rel="${rel}"`;
        };
        if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
        if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
        return {
          status: 200,
          body: all.slice((page - 1) * perPage, page * perPage).map((c) => this.render(c)),
          headers: links.length ? { link: links.join(', ') } : {},
        };
      }
      case 'issues/create-comment': {
        const c: IssueComment = {
          id: this.nextId++,
          body: String(body!.body),
          author: this.identity,
          issue: issueKey,
          created_at: now,
          updated_at: now,
        };
        this.comments.set(c.id, c);
        return {
          status: 201,
          body: this.render(c),
          headers: { location: `https://api.github.com/repos/${p.owner}/${p.repo}/issues/comments/${c.id}` },
        };
      }
      case 'issues/get-comment':
        return { status: 200, body: this.render(own(p.comment_id)) };
      case 'issues/update-comment': {
        const c = own(p.comment_id);
        c.body = String(body!.body);
        c.updated_at = now;
        return { status: 200, body: this.render(c) };
      }
      case 'actions/get-workflow-run': {
        const r = this.runs.find((x) => x.id === Number(p.run_id));
        if (!r) throw new HttpProblem(404, 'Not Found');
        return { status: 200, body: this.runJson(r, String(p.owner), String(p.repo)) };
      }
      case 'actions/list-workflow-runs': {
        // Newest first, as GitHub lists them; `branch` and `status` filter.
        const all = this.runs
          .filter(
            (r) =>
              r.workflowId === Number(p.workflow_id) &&
              (p.branch === undefined || r.branch === p.branch) &&
              (p.event === undefined || r.event === p.event) &&
              (p.status === undefined || r.conclusion === p.status),
          )
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
        const { page, headers } = this.paged(all, p, url);
        return {
          status: 200,
          body: {
            total_count: all.length,
            workflow_runs: page.map((r) => this.runJson(r, String(p.owner), String(p.repo))),
          },
          headers,
        };
      }
      case 'repos/get-content': {
        const ref = p.ref === undefined ? 'main' : String(p.ref);
        const text = this.files.get(`${ref}:${String(p.path)}`);
        if (text === undefined) throw new HttpProblem(404, 'Not Found');
        const [o, r] = [String(p.owner), String(p.repo)];
        const api = `https://api.github.com/repos/${o}/${r}/contents/${String(p.path)}?ref=${ref}`;
        const blob = `https://api.github.com/repos/${o}/${r}/git/blobs/${'f'.repeat(40)}`;
        const html = `https://github.com/${o}/${r}/blob/${ref}/${String(p.path)}`;
        const content = Buffer.from(text, 'utf8');
        return {
          status: 200,
          body: {
            type: 'file',
            encoding: 'base64',
            size: content.length,
            name: String(p.path).split('/').pop() ?? '',
            path: String(p.path),
            content: content.toString('base64').replace(/(.{60})/g, '$1\n'), // GitHub wraps it
            sha: 'f'.repeat(40),
            url: api,
            git_url: blob,
            html_url: html,
            download_url: `https://raw.githubusercontent.com/${o}/${r}/${ref}/${String(p.path)}`,
            _links: { git: blob, self: api, html },
          },
        };
      }
      case 'git/get-ref': {
        const sha = this.gitRefs.get(String(p.ref));
        if (!sha) throw new HttpProblem(404, 'Not Found');
        const api = `https://api.github.com/repos/${p.owner}/${p.repo}`;
        return {
          status: 200,
          body: {
            ref: `refs/${p.ref}`,
            node_id: `REF_${sha.slice(0, 12)}`,
            url: `${api}/git/refs/${p.ref}`,
            object: { type: 'commit', sha, url: `${api}/git/commits/${sha}` },
          },
        };
      }
      case 'repos/compare-commits-with-basehead': {
        // Commits by sha only (what the baseline lookup sends): a branch or tag name here would be ambiguous.
        const m = /^([0-9a-f]{40})\.\.\.([0-9a-f]{40})$/.exec(String(p.basehead));
        if (!m)
          throw new HttpProblem(
            422,
            `basehead "${String(p.basehead)}" is not <sha>...<sha> (the fixture compares commits only)`,
          );
        const [base, head] = [m[1], m[2]];
        if (!this.commits.has(base) || !this.commits.has(head)) throw new HttpProblem(404, 'Not Found');
        const hb = this.history(base);
        const hh = this.history(head);
        const mergeBase = hh.find((c) => hb.includes(c));
        if (!mergeBase) throw new HttpProblem(404, 'No common ancestor between the commits');
        const ahead = hh.indexOf(mergeBase);
        const behind = hb.indexOf(mergeBase);
        const status =
          ahead === 0 && behind === 0 ? 'identical' : behind === 0 ? 'ahead' : ahead === 0 ? 'behind' : 'diverged';
        const [o, r] = [String(p.owner), String(p.repo)];
        const web = `https://github.com/${o}/${r}/compare/${base}...${head}`;
        return {
          status: 200,
          body: {
            url: `https://api.github.com/repos/${o}/${r}/compare/${base}...${head}`,
            html_url: web,
            permalink_url: web,
            diff_url: `${web}.diff`,
            patch_url: `${web}.patch`,
            base_commit: this.commitJson(base, o, r),
            merge_base_commit: this.commitJson(mergeBase, o, r),
            status,
            ahead_by: ahead,
            behind_by: behind,
            total_commits: ahead,
            commits: hh
              .slice(0, ahead)
              .slice(0, Math.min(Number(p.per_page ?? 250), 250))
              .map((c) => this.commitJson(c, o, r)),
            files: [],
          },
        };
      }
      case 'actions/list-workflow-run-artifacts': {
        const all = this.artifacts.filter(
          (a) => a.runId === Number(p.run_id) && (p.name === undefined || a.name === p.name),
        );
        const { page, headers } = this.paged(all, p, url);
        return {
          status: 200,
          body: {
            total_count: all.length,
            artifacts: page.map((a) => this.artifactJson(a, String(p.owner), String(p.repo))),
          },
          headers,
        };
      }
      case 'actions/download-artifact': {
        const a = this.artifacts.find((x) => x.id === Number(p.artifact_id));
        if (!a) throw new HttpProblem(404, 'Not Found');
        if (a.expired)
          return {
            status: 410,
            body: { message: 'Artifact has expired', documentation_url: 'https://docs.github.com/rest' },
          };
        return { status: 302, headers: { location: `${this.url}/_blob/${a.id}.zip?sig=ok` } };
      }
      case 'issues/delete-comment': {
        this.comments.delete(own(p.comment_id).id);
        return { status: 204 };
      }
      default:
        throw new HttpProblem(501, `${route.op.operationId} is valid but not implemented by the test server`);
    }
  }
}
