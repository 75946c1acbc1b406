/**
 * A registry (Docker Registry HTTP API v2) on 127.0.0.1 for the security tests: one image, configurable
 * authentication (none, Basic, Bearer with a token realm anywhere), and a record of every request it got —
 * in particular which Authorization header each request carried.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import * as tar from 'tar-stream';

export const sha256 = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

export interface Seen {
  path: string;
  authorization?: string;
}

export async function tarOf(files: Record<string, string>): Promise<Buffer> {
  const pack = tar.pack();
  for (const [name, content] of Object.entries(files)) pack.entry({ name }, content);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export interface FakeImage {
  manifest: Buffer;
  manifestDigest: string;
  config: Buffer;
  configDigest: string;
  layer: Buffer;
  layerDigest: string;
  layerTar: Buffer;
  diffId: string;
}

export async function makeImage(
  files: Record<string, string> = { 'etc/os-release': 'ID=debian\n' },
  opts: { diffIds?: string[] } = {},
): Promise<FakeImage> {
  const layerTar = await tarOf(files);
  const layer = gzipSync(layerTar);
  const diffId = sha256(layerTar);
  const config = Buffer.from(
    JSON.stringify({
      os: 'linux',
      architecture: 'amd64',
      config: {},
      rootfs: { type: 'layers', diff_ids: opts.diffIds ?? [diffId] },
    }),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: config.length },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha256(layer), size: layer.length }],
    }),
  );
  return {
    manifest,
    manifestDigest: sha256(manifest),
    config,
    configDigest: sha256(config),
    layer,
    layerDigest: sha256(layer),
    layerTar,
    diffId,
  };
}

export type AuthMode =
  | { kind: 'none' }
  | { kind: 'basic'; user: string; password: string }
  | { kind: 'bearer'; realm: () => string; token: string; tokenRequiresBasic?: string };

export class FakeRegistry {
  readonly seen: Seen[] = [];
  /** Extra routes tried before the image's (path → body). */
  readonly overrides = new Map<
    string,
    { status?: number; body: Buffer; headers?: Record<string, string>; chunked?: boolean }
  >();
  url = '';
  host = '';
  port = 0;
  private server?: Server;

  constructor(
    public image: FakeImage,
    public auth: AuthMode = { kind: 'none' },
    public repo = 'team/app',
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.host = `127.0.0.1:${this.port}`;
    this.url = `http://${this.host}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  authorizations(): string[] {
    return this.seen.map((s) => s.authorization).filter((a): a is string => !!a);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '').split('?')[0];
    this.seen.push({ path: req.url ?? '', authorization: req.headers.authorization });
    const a = this.auth;
    if (a.kind === 'basic') {
      const want = `Basic ${Buffer.from(`${a.user}:${a.password}`).toString('base64')}`;
      if (req.headers.authorization !== want) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="fake"' }).end();
        return;
      }
    } else if (a.kind === 'bearer' && path === '/token') {
      // The registry's own token service (same host).
      if (a.tokenRequiresBasic && req.headers.authorization !== a.tokenRequiresBasic) res.writeHead(401).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: a.token }));
      return;
    } else if (a.kind === 'bearer') {
      if (req.headers.authorization !== `Bearer ${a.token}`) {
        res
          .writeHead(401, {
            'www-authenticate': `Bearer realm="${a.realm()}",service="fake",scope="repository:${this.repo}:pull"`,
          })
          .end();
        return;
      }
    }
    const o = this.overrides.get(path);
    if (o) {
      res.writeHead(o.status ?? 200, { 'content-type': 'application/json', ...o.headers });
      if (o.chunked) {
        // No content-length: the size is known only by reading.
        for (let i = 0; i < o.body.length; i += 65536) res.write(o.body.subarray(i, i + 65536));
        res.end();
      } else res.end(o.body);
      return;
    }
    const img = this.image;
    const m = `/v2/${this.repo}/manifests/`;
    const b = `/v2/${this.repo}/blobs/`;
    if (path === `${m}1.0` || path === `${m}${img.manifestDigest}`) {
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' }).end(img.manifest);
    } else if (path === `${b}${img.configDigest}`) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(img.config);
    } else if (path === `${b}${img.layerDigest}`) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(img.layer);
    } else {
      res.writeHead(404).end();
    }
  }
}

/** A token service on 127.0.0.1 that records the Authorization header it was sent. */
export class FakeTokenService {
  readonly seen: Seen[] = [];
  url = '';
  private server?: Server;
  constructor(
    private readonly answer: () => Buffer,
    private readonly requireBasic?: string,
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.seen.push({ path: req.url ?? '', authorization: req.headers.authorization });
      if (this.requireBasic && req.headers.authorization !== this.requireBasic) {
        res.writeHead(401).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(this.answer());
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
