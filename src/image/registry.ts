/**
 * Images in a registry (Docker Registry HTTP API v2 / OCI distribution). The manifest and config are read
 * here; layer blobs are streamed on demand through our layer server (so Clair needs to reach only us, and
 * registry credentials never leave this process).
 *
 * Credentials are bound to hosts (docs/SECURITY.md, "Registry credentials"):
 * - registry-username/registry-password go only to the hosts in `RegistryAuth.hosts` (the `registry-host`
 *   input; by default the registries the scanned images name); `~/.docker/config.json` credentials only to
 *   the host they are stored under;
 * - they are sent only after that host answered 401 with a challenge, never on a first request;
 * - to a token service (Bearer `realm`) only over https (plain HTTP only to a loopback address) and only when
 *   the realm's host is the registry's own host or one of `hosts`; otherwise the token is requested anonymously;
 * - "loopback" (plain HTTP without registry-insecure) is decided by the resolved addresses, not by the name.
 * Everything read into memory (manifests, configs, token answers) is size-limited, and everything fetched by
 * digest is checked against that digest.
 */
import { request } from 'undici';
import * as dns from 'node:dns';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { createHash } from 'node:crypto';
import { ClairScanError, errorMessage } from '../util/errors';
import { log } from '../util/log';
import type { ImageLayer, ResolvedImage } from './types';
import { parseReference, stableName, ImageReference } from './reference';
import { decompress } from './archive';
import { imageInfoOf, pickPlatform, rawConfigOf, type ImageConfigJson, type OciDescriptor } from './oci';

export interface RegistryAuth {
  username?: string;
  password?: string;
  insecure: boolean;
  /**
   * Hosts (`host[:port]`) that username/password may be sent to — registries and token services. Undefined:
   * only the registry of the image being resolved.
   */
  hosts?: string[];
}

/** Largest JSON document (manifest, index, config, token answer) read from a registry. */
export const MAX_JSON_BYTES = 4 << 20;

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
/** The manifest media types asked for (indexes and image manifests, OCI and Docker). */
export const REGISTRY_MANIFEST_ACCEPT = ACCEPT;

interface Credentials {
  username: string;
  password: string;
  /** Where they came from, for messages. */
  origin: string;
  /** Hosts they may go to (normalized host[:port]). */
  hosts: Set<string>;
}

const DOCKER_HUB = ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'auth.docker.io'];

/**
 * `host[:port]` in lower case, without scheme, path or the default https port; Docker Hub's names are one
 * host. Accepts `https://registry.example.com/v1/` as written in docker config files.
 */
export function normalizeHost(h: string): string {
  let s = h.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  s = s.replace(/\/.*$/, '').replace(/:443$/, '');
  return DOCKER_HUB.includes(s) ? 'docker.io' : s;
}

/** True when `hostname` (a name or an IP literal, IPv6 possibly in brackets) resolves only to loopback addresses. */
export async function isLoopbackHost(hostname: string): Promise<boolean> {
  const h = hostname.replace(/^\[(.*)\]$/, '$1');
  if (net.isIP(h)) return isLoopbackAddress(h);
  let addrs: dns.LookupAddress[];
  try {
    addrs = await dns.promises.lookup(h, { all: true });
  } catch {
    return false;
  }
  return addrs.length > 0 && addrs.every((a) => isLoopbackAddress(a.address));
}

function isLoopbackAddress(a: string): boolean {
  const v4 = /^(?:::ffff:)?(\d+)\.\d+\.\d+\.\d+$/i.exec(a);
  if (v4) return Number(v4[1]) === 127;
  return a === '::1' || /^0{0,4}(?::0{0,4}){6}:0{0,3}1$/.test(a);
}

/** Reads a response body up to `max` bytes; a larger one is an error that names the limit. */
export async function readLimited(body: Readable & { dump?: () => Promise<void> }, max: number, what: string, contentLength?: string | string[]): Promise<Buffer> {
  const tooLarge = (): ClairScanError =>
    new ClairScanError(`the registry's answer for ${what} is larger than ${max / (1 << 20)} MiB, the limit for a JSON document`, {
      hint: 'check the image reference and that the registry is the one you meant; manifests, configs and token answers are small.',
    });
  if (contentLength !== undefined && Number(contentLength) > max) {
    body.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of body) {
    const b = c as Buffer;
    n += b.length;
    if (n > max) {
      body.destroy();
      throw tooLarge();
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

function digestOf(data: Buffer, digest: string): string {
  const alg = digest.split(':')[0];
  if (alg !== 'sha256' && alg !== 'sha512') {
    throw new ClairScanError(`unsupported digest algorithm in "${digest}"`, { hint: 'use sha256 digests.' });
  }
  return `${alg}:${createHash(alg).update(data).digest('hex')}`;
}

/** A pass-through stream that fails at its end when the bytes do not have the expected digest. */
function verifyingStream(expected: string, what: string): Transform {
  const alg = expected.split(':')[0];
  const hash = createHash(alg === 'sha512' ? 'sha512' : 'sha256');
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      cb(null, chunk);
    },
    flush(cb) {
      const got = `${alg}:${hash.digest('hex')}`;
      if (got === expected.toLowerCase()) cb();
      else cb(new ClairScanError(`${what} does not match its digest (expected ${expected}, got ${got})`, { hint: 'the registry served other content than it was asked for; check the registry.' }));
    },
  });
}

let credHelperNoticeShown = false;

/**
 * Credentials for `registryHost` from `$DOCKER_CONFIG/config.json` or `~/.docker/config.json` (`auths` entries
 * with `auth` = base64 user:password, or username/password). Credential helpers are not run.
 */
function dockerConfigCredentials(registryHost: string, env: NodeJS.ProcessEnv = process.env): { username: string; password: string; file: string } | undefined {
  const file = path.join(env.DOCKER_CONFIG || path.join(os.homedir(), '.docker'), 'config.json');
  let raw: string;
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > MAX_JSON_BYTES) return undefined;
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  let cfg: { auths?: Record<string, { auth?: string; username?: string; password?: string }>; credsStore?: string; credHelpers?: Record<string, string> };
  try {
    cfg = JSON.parse(raw) as typeof cfg;
  } catch {
    log.warn(`${file} is not valid JSON; its registry credentials are not used.`);
    return undefined;
  }
  const want = normalizeHost(registryHost);
  for (const [key, entry] of Object.entries(cfg.auths ?? {})) {
    if (normalizeHost(key) !== want || !entry || typeof entry !== 'object') continue;
    if (typeof entry.auth === 'string' && entry.auth) {
      const text = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = text.indexOf(':');
      if (colon > 0) return { username: text.slice(0, colon), password: text.slice(colon + 1), file };
    }
    if (typeof entry.username === 'string' && entry.username) return { username: entry.username, password: String(entry.password ?? ''), file };
  }
  const helper = cfg.credHelpers && Object.keys(cfg.credHelpers).some((k) => normalizeHost(k) === want);
  if ((cfg.credsStore || helper) && !credHelperNoticeShown) {
    credHelperNoticeShown = true;
    log.info(`${file} names a credential helper (credsStore/credHelpers); clair-scan does not run credential helpers. Set registry-username and registry-password instead.`);
  }
  return undefined;
}

export class RegistryClient {
  private token?: string;
  /** Set once the registry asked for basic auth (401 with a Basic challenge). */
  private basicChallenged = false;
  private base?: string;
  private readonly host: string;
  private readonly creds?: Credentials;

  constructor(
    private readonly ref: ImageReference,
    private readonly auth: RegistryAuth,
  ) {
    this.host = ref.registry === 'docker.io' ? 'registry-1.docker.io' : ref.registry;
    const registryKey = normalizeHost(ref.registry);
    const bound = new Set((auth.hosts ?? [ref.registry]).map(normalizeHost));
    if (auth.username && bound.has(registryKey)) {
      this.creds = { username: auth.username, password: auth.password ?? '', origin: 'registry-username', hosts: bound };
    } else {
      const fromFile = dockerConfigCredentials(ref.registry);
      if (fromFile) {
        log.mask(fromFile.password);
        this.creds = { username: fromFile.username, password: fromFile.password, origin: fromFile.file, hosts: new Set([registryKey, ...bound]) };
      } else if (auth.username) {
        log.info(`Not sending registry-username/registry-password to ${ref.registry}: it is not one of the registry hosts they are bound to (${[...bound].join(', ') || 'none'}); set registry-host to allow it.`);
      }
    }
  }

  /** https, or plain HTTP with registry-insecure or when the host resolves to loopback addresses only. */
  private async baseUrl(): Promise<string> {
    if (!this.base) {
      const hostname = new URL(`http://${this.host}`).hostname;
      const plain = this.auth.insecure || (await isLoopbackHost(hostname));
      this.base = `${plain ? 'http' : 'https'}://${this.host}`;
    }
    return this.base;
  }

  async getJson<T>(path: string, accept = 'application/json', digest?: string): Promise<{ body: T; digest: string; mediaType: string }> {
    const res = await this.get(path, accept);
    const data = await readLimited(res.body as unknown as Readable, MAX_JSON_BYTES, path, res.headers['content-length']);
    const got = digestOf(data, digest ?? 'sha256:');
    if (digest && got !== digest.toLowerCase()) {
      throw new ClairScanError(`the registry ${this.ref.registry} sent content for ${path} that does not match the digest it was asked for (got ${got})`, {
        hint: 'the registry (or something between it and you) altered the content; check the registry and the reference.',
      });
    }
    try {
      return { body: JSON.parse(data.toString('utf8')) as T, digest: got, mediaType: String(res.headers['content-type'] ?? '') };
    } catch (err) {
      throw new ClairScanError(`the registry sent invalid JSON for ${path}: ${errorMessage(err)}`, { hint: 'check the registry and the image reference.' });
    }
  }

  /** A blob stream that fails at its end if the bytes do not match `digest`. */
  async openBlob(digest: string): Promise<Readable> {
    const res = await this.get(`/v2/${this.ref.repository}/blobs/${digest}`, '*/*');
    return (res.body as unknown as Readable).pipe(verifyingStream(digest, `blob ${digest} from ${this.ref.registry}`));
  }

  /**
   * Any request to this registry (HEAD, POST, PUT …) with the same credentials and challenge handling as the
   * reads above — for pushing vulnerability-data snapshots (src/data/oci.ts). Every status but an unanswerable
   * 401 is returned for the caller to check. A body stream cannot be sent twice: authenticate with a bodiless
   * request to the same repository first (HEAD, POST).
   */
  async request(method: string, pathOrUrl: string, init: { headers?: Record<string, string>; body?: Buffer | Readable } = {}): Promise<Awaited<ReturnType<typeof request>>> {
    return this.get(pathOrUrl, '*/*', /^https?:/i.test(pathOrUrl) ? pathOrUrl : undefined, 0, false, { method, ...init });
  }

  private async get(
    path: string,
    accept: string,
    redirectUrl?: string,
    hops = 0,
    retried = false,
    init?: { method: string; headers?: Record<string, string>; body?: Buffer | Readable },
  ): Promise<Awaited<ReturnType<typeof request>>> {
    const base = await this.baseUrl();
    const url = redirectUrl ?? `${base}${path}`;
    // Same scheme, host and port as the registry: a redirect elsewhere (a CDN) or to plain HTTP gets no credentials.
    const sameOrigin = new URL(url).origin === new URL(base).origin;
    const headers: Record<string, string> = { accept, 'user-agent': 'clair-scan' };
    if (sameOrigin) {
      if (this.token) headers.authorization = `Bearer ${this.token}`;
      else if (this.basicChallenged && this.creds) headers.authorization = basic(this.creds);
    }
    let res;
    try {
      res = await request(url, { method: (init?.method ?? 'GET') as 'GET', headers: { ...headers, ...init?.headers }, body: init?.body, headersTimeout: 60000, bodyTimeout: 300000 });
    } catch (err) {
      throw new ClairScanError(`cannot reach the registry ${this.host} at ${url}: ${errorMessage(err)}`, {
        hint: 'check the image reference and network access to the registry (for a plain-HTTP registry set registry-insecure: true).',
        cause: err,
      });
    }
    const replayable = !(init?.body instanceof Readable);
    if ([301, 302, 303, 307, 308].includes(res.statusCode) && hops < 5 && !init) {
      await res.body.dump();
      const loc = String(res.headers.location ?? '');
      return this.get(path, accept, new URL(loc, url).toString(), hops + 1, retried);
    }
    if (res.statusCode === 401 && sameOrigin && !retried && replayable) {
      const challenge = String(res.headers['www-authenticate'] ?? '');
      await res.body.dump();
      if (/^bearer\s/i.test(challenge)) {
        this.token = await this.fetchToken(challenge);
        return this.get(path, accept, init ? redirectUrl : undefined, 0, true, init);
      }
      if (/^basic\b/i.test(challenge) && this.creds && !this.basicChallenged) {
        this.basicChallenged = true;
        return this.get(path, accept, init ? redirectUrl : undefined, 0, true, init);
      }
      throw this.authError();
    }
    if (init) return res;
    if (res.statusCode === 401 || res.statusCode === 403) {
      await res.body.dump();
      throw this.authError();
    }
    if (res.statusCode === 404) {
      await res.body.dump();
      throw new ClairScanError(`${this.ref.registry}/${this.ref.repository}:${this.ref.tag ?? this.ref.digest} was not found in the registry`, {
        hint: 'check the image name and tag, and that the image was pushed.',
      });
    }
    if (res.statusCode !== 200) {
      const text = (await readLimited(res.body as unknown as Readable, 1 << 20, path).catch(() => Buffer.alloc(0))).toString('utf8').slice(0, 500);
      throw new ClairScanError(`the registry answered HTTP ${res.statusCode} for ${path}`, { hint: 'check the registry\'s status and the reference.', details: text });
    }
    return res;
  }

  private authError(): ClairScanError {
    return new ClairScanError(`the registry ${this.host} refused access to ${this.ref.repository}`, {
      hint:
        this.creds?.origin === 'registry-username'
          ? 'check registry-username and registry-password (a token with pull access); if the registry\'s token service is on another host, add that host to registry-host.'
          : this.creds
            ? `check the credentials for ${this.ref.registry} in ${this.creds.origin} (they need pull access), or set registry-username and registry-password; if the registry's token service is on another host, add that host to registry-host.`
            : 'set registry-username and registry-password (a token with pull access), and registry-host if the registry is not the one the image names.',
    });
  }

  /** May the credentials go to this token service? https (plain HTTP only to loopback) and a bound host. */
  private async realmAllowed(realm: URL): Promise<string | undefined> {
    if (!this.creds) return 'no credentials';
    const key = normalizeHost(realm.host);
    if (key !== normalizeHost(this.ref.registry) && !this.creds.hosts.has(key)) return `${realm.host} is not a registry host the credentials are bound to (registry-host)`;
    if (realm.protocol === 'https:') return undefined;
    if (realm.protocol === 'http:' && (await isLoopbackHost(realm.hostname))) return undefined;
    // registry-insecure: the user accepted plain HTTP to the registry itself, so to its own host too.
    if (realm.protocol === 'http:' && this.auth.insecure && key === normalizeHost(this.ref.registry)) return undefined;
    return 'it is not https';
  }

  private async fetchToken(challenge: string): Promise<string> {
    const params: Record<string, string> = {};
    for (const m of challenge.replace(/^bearer\s+/i, '').matchAll(/(\w+)="([^"]*)"/g)) params[m[1]] = m[2];
    let url: URL;
    try {
      url = new URL(params.realm ?? '');
    } catch {
      throw this.authError();
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw this.authError();
    if (params.service) url.searchParams.set('service', params.service);
    url.searchParams.set('scope', params.scope ?? `repository:${this.ref.repository}:pull`);
    const headers: Record<string, string> = { 'user-agent': 'clair-scan' };
    const refused = await this.realmAllowed(url);
    if (!refused && this.creds) headers.authorization = basic(this.creds);
    else if (this.creds) log.info(`Requesting an anonymous registry token from ${url.origin}: credentials are not sent there (${refused}).`);
    let res;
    try {
      // undici's request() does not follow redirects: the credentials cannot be carried to another host.
      res = await request(url, { method: 'GET', headers, headersTimeout: 30000, bodyTimeout: 30000 });
    } catch (err) {
      throw new ClairScanError(`cannot reach the registry's token service ${url.origin}: ${errorMessage(err)}`, { hint: 'check network access to the registry.', cause: err });
    }
    const data = await readLimited(res.body as unknown as Readable, MAX_JSON_BYTES, `the token from ${url.origin}`, res.headers['content-length']);
    if (res.statusCode !== 200) throw this.authError();
    let body: { token?: string; access_token?: string };
    try {
      body = JSON.parse(data.toString('utf8')) as typeof body;
    } catch {
      throw this.authError();
    }
    const token = body.token ?? body.access_token;
    if (!token || typeof token !== 'string') throw this.authError();
    log.mask(token);
    return token;
  }
}

function basic(c: { username: string; password: string }): string {
  return `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
}

export async function resolveFromRegistry(refText: string, auth: RegistryAuth): Promise<ResolvedImage> {
  const ref = parseReference(refText);
  if (!ref) {
    throw new ClairScanError(`"${refText}" is not a valid image reference`, { hint: 'use the form [registry/]repository[:tag][@sha256:digest], e.g. ghcr.io/org/app:1.2.' });
  }
  if (auth.password) log.mask(auth.password);
  const client = new RegistryClient(ref, auth);
  let m = await client.getJson<{ mediaType?: string; manifests?: OciDescriptor[]; config?: OciDescriptor; layers?: OciDescriptor[] }>(
    `/v2/${ref.repository}/manifests/${ref.digest ?? ref.tag}`,
    ACCEPT,
    ref.digest,
  );
  if (m.body.manifests) {
    const chosen = pickPlatform(m.body.manifests);
    if (!chosen) throw new ClairScanError(`${refText} is an empty image index`, { hint: 'check the reference.' });
    m = await client.getJson(`/v2/${ref.repository}/manifests/${chosen.digest}`, ACCEPT, chosen.digest);
  }
  const { config, layers } = m.body;
  if (!config || !layers || !Array.isArray(layers)) {
    throw new ClairScanError(`${refText} has an unsupported manifest format (${m.mediaType || 'unknown'})`, { hint: 'push the image as a Docker v2 schema 2 or OCI manifest.' });
  }
  const cfg = await client.getJson<ImageConfigJson>(`/v2/${ref.repository}/blobs/${config.digest}`, 'application/json', config.digest);
  const diffIds = cfg.body.rootfs?.diff_ids ?? [];
  const imgLayers: ImageLayer[] = layers.map((l, i) => {
    const compression = /zstd/.test(l.mediaType ?? '') ? 'zstd' : /gzip/.test(l.mediaType ?? '') ? 'gzip' : 'none';
    let actual: Promise<string> | undefined;
    return {
      digest: l.digest,
      diffId: diffIds[i] ?? l.digest,
      size: l.size,
      mediaType: l.mediaType ?? 'application/vnd.oci.image.layer.v1.tar+gzip',
      open: () => client.openBlob(l.digest),
      openTar: async () => decompress(await client.openBlob(l.digest), compression),
      // Computed from the content (streamed once, then remembered), never taken from the config.
      uncompressedDigest: () => (actual ??= sha256OfStream(client.openBlob(l.digest).then((s) => decompress(s, compression)))),
    };
  });
  const info = imageInfoOf(cfg.body, {
    ref: refText,
    name: stableName(ref),
    tag: ref.tag,
    source: 'registry',
    manifestDigest: m.digest,
    imageId: config.digest,
    repoDigests: [`${ref.registry === 'docker.io' ? '' : `${ref.registry}/`}${ref.repository}@${m.digest}`],
    layers: imgLayers,
  });
  return { info, layers: imgLayers, rawConfig: rawConfigOf(cfg.body), close: async () => undefined };
}

/** sha256 of everything a stream yields. */
async function sha256OfStream(stream: Promise<Readable> | Readable): Promise<string> {
  const s = await stream;
  const hash = createHash('sha256');
  for await (const c of s) hash.update(c as Buffer);
  return `sha256:${hash.digest('hex')}`;
}
