/**
 * A local stand-in for the GitHub Actions cache backend as @actions/cache 5 speaks it with Cache Service v2
 * (`ACTIONS_CACHE_SERVICE_V2` set, as on GitHub-hosted runners; node_modules/@actions/cache/lib/cache.js
 * restoreCacheV2/saveCacheV2, internal/shared/cacheTwirpClient.js, generated/results/api/v1/cache.js):
 *
 *  - Twirp JSON `POST /twirp/github.actions.results.api.v1.CacheService/<Method>` on the origin of
 *    `ACTIONS_RESULTS_URL`, `Authorization: Bearer $ACTIONS_RUNTIME_TOKEN`, `Content-Type: application/json`,
 *    bodies in proto field names:
 *      GetCacheEntryDownloadURL {key, restore_keys[], version} → {ok, signed_download_url, matched_key}: the exact
 *        key first, then per restore key the NEWEST entry whose key starts with it — of the same version only;
 *      CreateCacheEntry {key, version} → {ok, signed_upload_url}, or {ok: false, message} when the key exists;
 *      FinalizeCacheEntryUpload {key, version, size_bytes} → {ok, entry_id}, the size checked against the blob.
 *  - The archive goes to the signed URL the Azure Block Blob way (@azure/storage-blob `uploadFile`: one
 *    `PUT` with `x-ms-blob-type: BlockBlob` up to 128 MiB, else `PUT ?comp=block&blockid=…` + `?comp=blocklist`),
 *    and comes back with a plain `GET` of the signed download URL (not *.blob.core.windows.net: http-client).
 *
 * Keys are checked as the service does (≤ 512 characters, no commas), versions are sha256 hex. Entries can be
 * seeded with `seed()` (e.g. an older day's entry). Every request is recorded; violations go to `problems`.
 */
import { LocalApiServer } from './local-server';
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface CacheEntry {
  id: number;
  key: string;
  version: string;
  /** The archive (a zstd or gzip tar of the cached paths); empty until uploaded. */
  archive: Buffer;
  finalized: boolean;
  createdAt: number;
}

export interface CacheRequest {
  method: string;
  /** Twirp method, or `blob-put` / `blob-get`. */
  op: string;
  key?: string;
  restoreKeys?: string[];
}

const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/';

export class CacheServer extends LocalApiServer {
  readonly token = `runtime-token-${randomBytes(8).toString('hex')}`;
  readonly entries: CacheEntry[] = [];
  readonly requests: CacheRequest[] = [];
  private readonly sig = randomBytes(12).toString('hex');
  private readonly blocks = new Map<number, Map<string, Buffer>>();
  private clock = 0;

  /** Environment of the step that uses the cache (the runner sets these for actions, not for `run:` steps). */
  env(): Record<string, string> {
    return { ACTIONS_RESULTS_URL: `${this.url}/`, ACTIONS_RUNTIME_TOKEN: this.token, ACTIONS_CACHE_SERVICE_V2: 'true' };
  }

  /** Finalized entries' keys, oldest first. */
  keys(): string[] {
    return this.entries.filter((e) => e.finalized).map((e) => e.key);
  }

  private fail(res: ServerResponse, status: number, msg: string): void {
    this.problems.push(msg);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 'invalid_argument', msg }));
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', this.url);
    if (req.method === 'POST' && url.pathname.startsWith(SERVICE))
      return this.twirp(url.pathname.slice(SERVICE.length), req, body, res);
    if (url.pathname.startsWith('/blob/')) return this.blob(url, req, body, res);
    this.fail(res, 404, `unexpected request ${req.method} ${req.url}`);
  }

  private checkKey(key: unknown): string | undefined {
    if (typeof key !== 'string' || key === '') return 'key missing';
    if (key.length > 512) return `key longer than 512 characters: ${key}`;
    if (key.includes(',')) return `key contains a comma: ${key}`;
    return undefined;
  }

  private twirp(method: string, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    if (req.headers.authorization !== `Bearer ${this.token}`)
      return this.fail(res, 401, `${method}: missing or wrong bearer token`);
    if (!/^application\/json/.test(req.headers['content-type'] ?? ''))
      return this.fail(res, 400, `${method}: not Twirp JSON`);
    let msg: Record<string, unknown>;
    try {
      msg = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return this.fail(res, 400, `${method}: body is not JSON`);
    }
    const reply = (v: unknown): void => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(v));
    };
    const keyProblem = this.checkKey(msg.key);
    if (keyProblem) return this.fail(res, 400, `${method}: ${keyProblem}`);
    const key = msg.key as string;
    const version = String(msg.version ?? '');
    if (!/^[0-9a-f]{64}$/.test(version)) return this.fail(res, 400, `${method}: version "${version}" is not a sha256`);
    const known = new Set(['key', 'version', 'restore_keys', 'size_bytes', 'metadata']);
    const unknown = Object.keys(msg).filter((k) => !known.has(k));
    if (unknown.length)
      return this.fail(res, 400, `${method}: unknown fields ${unknown.join(', ')} (not proto field names?)`);

    if (method === 'GetCacheEntryDownloadURL') {
      const restoreKeys = (msg.restore_keys ?? []) as unknown[];
      if (!Array.isArray(restoreKeys) || restoreKeys.some((k) => this.checkKey(k)))
        return this.fail(res, 400, 'GetCacheEntryDownloadURL: bad restore_keys');
      if (restoreKeys.length + 1 > 10) return this.fail(res, 400, 'GetCacheEntryDownloadURL: more than 10 keys');
      this.requests.push({ method: 'POST', op: method, key, restoreKeys: restoreKeys as string[] });
      const usable = this.entries.filter((e) => e.finalized && e.version === version);
      let hit = usable.find((e) => e.key === key);
      for (const prefix of restoreKeys as string[]) {
        if (hit) break;
        hit = usable.filter((e) => e.key.startsWith(prefix)).sort((a, b) => b.createdAt - a.createdAt)[0];
      }
      if (!hit) return reply({ ok: false, signed_download_url: '', matched_key: '' });
      return reply({
        ok: true,
        signed_download_url: `${this.url}/blob/${hit.id}?sig=${this.sig}&sp=r`,
        matched_key: hit.key,
      });
    }
    if (method === 'CreateCacheEntry') {
      this.requests.push({ method: 'POST', op: method, key });
      if (this.entries.some((e) => e.key === key && e.version === version)) {
        return reply({ ok: false, signed_upload_url: '', message: `cache entry with key ${key} already exists` });
      }
      const id = this.entries.length + 1;
      this.entries.push({ id, key, version, archive: Buffer.alloc(0), finalized: false, createdAt: ++this.clock });
      return reply({ ok: true, signed_upload_url: `${this.url}/blob/${id}?sig=${this.sig}&sp=cw` });
    }
    if (method === 'FinalizeCacheEntryUpload') {
      this.requests.push({ method: 'POST', op: method, key });
      const e = this.entries.find((x) => x.key === key && x.version === version && !x.finalized);
      if (!e) return this.fail(res, 404, `FinalizeCacheEntryUpload: no open entry ${key}`);
      if (String(msg.size_bytes) !== String(e.archive.length))
        return this.fail(
          res,
          400,
          `FinalizeCacheEntryUpload: size_bytes ${String(msg.size_bytes)} but ${e.archive.length} bytes arrived`,
        );
      if (e.archive.length === 0) return this.fail(res, 400, 'FinalizeCacheEntryUpload: nothing was uploaded');
      e.finalized = true;
      return reply({ ok: true, entry_id: String(e.id) });
    }
    this.fail(res, 501, `Twirp method ${method} is not implemented by the test server`);
  }

  private blob(url: URL, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    if (url.searchParams.get('sig') !== this.sig)
      return this.fail(res, 403, 'blob request without the signed URL signature');
    const id = Number(/^\/blob\/(\d+)$/.exec(url.pathname)?.[1]);
    const e = this.entries.find((x) => x.id === id);
    if (!e) return this.fail(res, 404, `no such blob ${url.pathname}`);
    if (req.method === 'GET') {
      this.requests.push({ method: 'GET', op: 'blob-get', key: e.key });
      if (url.searchParams.get('sp') !== 'r' || !e.finalized)
        return this.fail(res, 403, `download of ${e.key} without a read URL or before finalize`);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(e.archive.length) });
      res.end(e.archive);
      return;
    }
    if (req.method !== 'PUT') return this.fail(res, 405, `blob ${req.method}`);
    if (url.searchParams.get('sp') !== 'cw' || e.finalized)
      return this.fail(res, 403, `upload to ${e.key} without a write URL or after finalize`);
    this.requests.push({ method: 'PUT', op: 'blob-put', key: e.key });
    const comp = url.searchParams.get('comp');
    const ok = (): void => {
      res.writeHead(201, {
        etag: `"0x${createHash('md5').update(body).digest('hex').slice(0, 16).toUpperCase()}"`,
        'last-modified': new Date().toUTCString(),
        'x-ms-request-id': randomBytes(8).toString('hex'),
        'x-ms-version': '2023-11-03',
        'x-ms-request-server-encrypted': 'true',
        'content-length': '0',
      });
      res.end();
    };
    if (comp === 'block') {
      const blockId = url.searchParams.get('blockid');
      if (!blockId) return this.fail(res, 400, 'stage block without blockid');
      if (!this.blocks.has(id)) this.blocks.set(id, new Map());
      this.blocks.get(id)!.set(blockId, body);
      return ok();
    }
    if (comp === 'blocklist') {
      const ids = [...body.toString('utf8').matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)].map(
        (x) => x[2],
      );
      const staged = this.blocks.get(id) ?? new Map<string, Buffer>();
      const parts: Buffer[] = [];
      for (const b of ids) {
        const part = staged.get(b);
        if (!part) return this.fail(res, 400, `block list names unknown block ${b}`);
        parts.push(part);
      }
      e.archive = Buffer.concat(parts);
      return ok();
    }
    if (!comp && req.headers['x-ms-blob-type'] === 'BlockBlob') {
      if (req.headers['content-length'] !== String(body.length))
        return this.fail(res, 400, 'Put Blob: content-length does not match the body');
      e.archive = body;
      return ok();
    }
    this.fail(res, 400, `unexpected blob operation comp=${comp}`);
  }
}
