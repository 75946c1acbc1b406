/**
 * A local stand-in for the GitHub Actions artifact backend as @actions/artifact v5 speaks it
 * (node_modules/@actions/artifact/lib/internal/upload/upload-artifact.js and shared/artifact-twirp-client.js):
 *
 *  1. Twirp JSON `POST /twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact` on the origin of
 *     `ACTIONS_RESULTS_URL`, `Authorization: Bearer $ACTIONS_RUNTIME_TOKEN`, body in proto field names
 *     (`workflow_run_backend_id`, `workflow_job_run_backend_id`, `name`, `version: 4`); the backend ids come from
 *     the token's `scp` claim `Actions.Results:<runId>:<jobId>`. Answer: `{ ok, signed_upload_url }`.
 *  2. The zip goes to that URL the Azure Block Blob way (@azure/storage-blob `uploadStream`): `PUT ?comp=block&blockid=…`
 *     per block, then `PUT ?comp=blocklist` with the XML block list.
 *  3. `FinalizeArtifact` with `size` and `hash` ("sha256:<hex>"), checked against what arrived. Answer `{ ok, artifact_id }`.
 *
 * Uploaded artifacts are kept with their zip entries unpacked for assertions; protocol violations go to `problems`.
 */
import { LocalApiServer } from './local-server';
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { inflateRawSync } from 'node:zlib';

export interface UploadedArtifact {
  id: number;
  name: string;
  runId: string;
  jobId: string;
  zip: Buffer;
  /** Entry name → content. */
  files: Map<string, Buffer>;
  finalized: boolean;
}

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/';

function b64url(v: unknown): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url');
}

/**
 * Reads a zip's entries from its central directory (stored or deflated entries, no zip64). Written here rather
 * than taken from a package because the only zip readers installed are transitive dependencies of other packages.
 */
export function readZip(zip: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip: no end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    const method = zip.readUInt16LE(p + 10);
    const csize = zip.readUInt32LE(p + 20);
    const usize = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + csize);
    const data = method === 0 ? Buffer.from(raw) : method === 8 ? inflateRawSync(raw) : undefined;
    if (!data) throw new Error(`unsupported compression ${method} for ${name}`);
    if (data.length !== usize) throw new Error(`size mismatch for ${name}`);
    if (!name.endsWith('/')) out.set(name, data);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export class ArtifactServer extends LocalApiServer {
  readonly runId = 'c0ffee00-1111-4222-8333-444455556666';
  readonly jobId = 'feedface-7777-4888-9999-aaaabbbbcccc';
  readonly token: string;
  readonly artifacts: UploadedArtifact[] = [];
  private readonly sig = randomBytes(12).toString('hex');
  private readonly blocks = new Map<string, Map<string, Buffer>>();
  private readonly blobs = new Map<string, Buffer>();

  constructor() {
    super();
    // A JWT as the runner hands out: only the payload's `scp` claim is read by the client.
    this.token = [
      b64url({ typ: 'JWT', alg: 'RS256' }),
      b64url({
        scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${this.runId}:${this.jobId}`,
        iss: 'test',
      }),
      Buffer.from('not-a-real-signature').toString('base64url'),
    ].join('.');
  }

  /** Environment for the uploading process. */
  env(): Record<string, string> {
    return { ACTIONS_RESULTS_URL: `${this.url}/`, ACTIONS_RUNTIME_TOKEN: this.token };
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
    if (req.method === 'PUT' && url.pathname.startsWith('/blob/')) return this.blob(url, req, body, res);
    this.fail(res, 404, `unexpected request ${req.method} ${req.url}`);
  }

  private twirp(method: string, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    if (req.headers.authorization !== `Bearer ${this.token}`)
      return this.fail(res, 401, `${method}: missing or wrong bearer token`);
    if (!/^application\/json/.test(req.headers['content-type'] ?? ''))
      return this.fail(res, 400, `${method}: not Twirp JSON`);
    let msg: Record<string, unknown>;
    try {
      msg = JSON.parse(body.toString('utf8'));
    } catch {
      return this.fail(res, 400, `${method}: body is not JSON`);
    }
    if (msg.workflow_run_backend_id !== this.runId || msg.workflow_job_run_backend_id !== this.jobId) {
      return this.fail(
        res,
        400,
        `${method}: backend ids ${String(msg.workflow_run_backend_id)}/${String(msg.workflow_job_run_backend_id)} do not come from the token`,
      );
    }
    const name = String(msg.name ?? '');
    const reply = (v: unknown): void => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(v));
    };
    if (method === 'CreateArtifact') {
      if (msg.version !== 4) return this.fail(res, 400, `CreateArtifact: version ${String(msg.version)}, expected 4`);
      if (!name || this.artifacts.some((a) => a.name === name))
        return this.fail(res, 409, `CreateArtifact: name "${name}" empty or already used in this run`);
      const id = this.artifacts.length + 1;
      this.artifacts.push({
        id,
        name,
        runId: this.runId,
        jobId: this.jobId,
        zip: Buffer.alloc(0),
        files: new Map(),
        finalized: false,
      });
      return reply({
        ok: true,
        signed_upload_url: `${this.url}/blob/devstoreaccount1/actions-results/${id}/${encodeURIComponent(name)}.zip?sv=2023-11-03&sr=b&sp=cw&sig=${this.sig}`,
      });
    }
    if (method === 'FinalizeArtifact') {
      const a = this.artifacts.find((x) => x.name === name && !x.finalized);
      if (!a) return this.fail(res, 404, `FinalizeArtifact: no open artifact "${name}"`);
      const blob = this.blobs.get(String(a.id));
      if (!blob) return this.fail(res, 400, `FinalizeArtifact: nothing was uploaded for "${name}"`);
      if (String(msg.size) !== String(blob.length))
        return this.fail(res, 400, `FinalizeArtifact: size ${String(msg.size)} but ${blob.length} bytes arrived`);
      const hash = `sha256:${createHash('sha256').update(blob).digest('hex')}`;
      if (msg.hash !== hash)
        return this.fail(res, 400, `FinalizeArtifact: hash ${String(msg.hash)} but the blob is ${hash}`);
      a.zip = blob;
      try {
        a.files = readZip(blob);
      } catch (err) {
        return this.fail(res, 400, `FinalizeArtifact: ${String(err)}`);
      }
      a.finalized = true;
      return reply({ ok: true, artifact_id: String(a.id) });
    }
    this.fail(res, 501, `Twirp method ${method} is not implemented by the test server`);
  }

  private blob(url: URL, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    if (url.searchParams.get('sig') !== this.sig)
      return this.fail(res, 403, 'blob upload without the signed URL signature');
    const m = /^\/blob\/devstoreaccount1\/actions-results\/(\d+)\//.exec(url.pathname);
    if (!m) return this.fail(res, 404, `no such blob ${url.pathname}`);
    const id = m[1];
    const comp = url.searchParams.get('comp');
    const ok = (status: number): void => {
      res.writeHead(status, {
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
      return ok(201);
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
      this.blobs.set(id, Buffer.concat(parts));
      return ok(201);
    }
    if (!comp && req.headers['x-ms-blob-type'] === 'BlockBlob') {
      this.blobs.set(id, body);
      return ok(201);
    }
    this.fail(res, 400, `unexpected blob operation comp=${comp}`);
  }
}
