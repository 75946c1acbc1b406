/**
 * Images in a registry (Docker Registry HTTP API v2 / OCI distribution): manifest and config are read here, layer
 * blobs streamed on demand through our layer server, so Clair reaches only us and credentials never leave this process.
 * Credentials are bound to hosts: the inputs' to exactly one registry (`RegistryAuth.hosts`, then its token hosts),
 * a Docker config's to the registry it names; sent only after a 401 challenge, to a token realm only over https on
 * an allowed host, never through a redirect to another origin; plain HTTP only to a loopback that speaks no TLS.
 * Everything read into memory is size-limited, everything fetched by digest checked against it.
 * The rules one by one: docs/decisions/registry-credentials.md (users: docs/SECURITY.md, "Registry credentials").
 */
import { request } from 'undici';
import * as dns from 'node:dns';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { createHash } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { ClairScanError, errorMessage } from '../util/errors';
import { caDispatcher, speaksTls, untrustedCertificateError, type CaBundle } from '../util/ca';
import { log } from '../util/log';
import type { ImageLayer, ResolvedImage } from './types';
import { parseReference, stableName, ImageReference } from './reference';
import { decompress } from './archive';
import { imageInfoOf, pickPlatform, rawConfigOf, type ImageConfigJson, type OciDescriptor } from './oci';
import {
  checkConfigPlatform,
  formatPlatform,
  indexPlatforms,
  parsePlatform,
  selectPlatform,
  type Platform,
} from './platform';

export interface RegistryAuth {
  username?: string;
  password?: string;
  insecure: boolean;
  /**
   * Hosts (`host[:port]`) that username/password may be sent to — registries and token services. Undefined:
   * only the registry of the image being resolved.
   */
  hosts?: string[];
  /** `registry-ca-file`: CAs trusted besides the default ones, for this and every other HTTPS client of clair-scan. */
  ca?: CaBundle;
}

/** Redirects followed at most for one request (blob storage needs one). */
export const MAX_REDIRECTS = 5;

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
  let s = h
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
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

/**
 * The one rule for following a redirect (registries, `vuln-data` URLs, the GitHub baseline artifact): to https; to
 * plain HTTP only from plain HTTP, and then only to `homeOrigin` or a loopback address; never from https to http.
 * (Where credentials may go is each caller's own rule: only to their own origin.)
 */
export async function redirectAllowed(from: URL, next: URL, homeOrigin: string): Promise<boolean> {
  if (next.protocol === 'https:') return true;
  return (
    next.protocol === 'http:' &&
    from.protocol === 'http:' &&
    (next.origin === homeOrigin || (await isLoopbackHost(next.hostname)))
  );
}

/** Reads a response body up to `max` bytes; a larger one is an error that names the limit. */
export async function readLimited(
  body: Readable & { dump?: () => Promise<void> },
  max: number,
  what: string,
  contentLength?: string | string[],
): Promise<Buffer> {
  const tooLarge = (): ClairScanError =>
    new ClairScanError(
      `the registry's answer for ${what} is larger than ${max / (1 << 20)} MiB, the limit for a JSON document`,
      {
        hint: 'check the image reference and that the registry is the one you meant; manifests, configs and token answers are small.',
      },
    );
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
      else
        cb(
          new ClairScanError(`${what} does not match its digest (expected ${expected}, got ${got})`, {
            hint: 'the registry served other content than it was asked for; check the registry.',
          }),
        );
    },
  });
}

/** How long a credential helper may take to answer (the Docker CLI waits forever; a CI job must not). */
let helperTimeoutMs = 30_000;
/** Sets the helper timeout (tests) and forgets the helpers' remembered answers; returns the previous timeout. */
export function setCredentialHelperTimeout(ms: number): number {
  const previous = helperTimeoutMs;
  helperTimeoutMs = ms;
  helperAnswers.clear();
  return previous;
}
/** Largest answer read from a credential helper. */
const MAX_HELPER_OUTPUT = 1 << 20;
/** What docker-credential-helpers print (on stdout, exit 1) when they hold nothing for the server. */
const HELPER_NOT_FOUND = 'credentials not found in native keychain';

interface DockerConfigFile {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

type FileCredentials = { username: string; password: string; file: string };

/** One helper answer per helper and server for the whole process: a batch asks the helper once per registry. */
const helperAnswers = new Map<string, Promise<FileCredentials | undefined>>();

/**
 * Credentials for `registryHost` from `$DOCKER_CONFIG/config.json` or `~/.docker/config.json`, as the Docker
 * CLI finds them: `credHelpers[host]`, else `credsStore`, run as `docker-credential-<name> get` for this host
 * alone; else the `auths` entry (`auth` = base64 user:password, or username/password).
 */
async function dockerConfigCredentials(
  registryHost: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<FileCredentials | undefined> {
  const file = path.join(env.DOCKER_CONFIG || path.join(os.homedir(), '.docker'), 'config.json');
  let raw: string;
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > MAX_JSON_BYTES) return undefined;
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  let cfg: DockerConfigFile;
  try {
    cfg = JSON.parse(raw) as DockerConfigFile;
    if (!cfg || typeof cfg !== 'object') throw new Error('not an object');
  } catch {
    log.warn(`${file} is not valid JSON; its registry credentials are not used.`);
    return undefined;
  }
  const want = normalizeHost(registryHost);
  const helperKey = Object.keys(cfg.credHelpers ?? {}).find((k) => normalizeHost(k) === want);
  const helper = helperKey !== undefined ? cfg.credHelpers?.[helperKey] : cfg.credsStore;
  if (typeof helper === 'string' && helper) {
    // The Docker CLI's key: Docker Hub's index URL, else host[:port] as the image names it.
    const server = want === 'docker.io' ? 'https://index.docker.io/v1/' : registryHost;
    const key = `${helper}\n${server}`;
    let answer = helperAnswers.get(key);
    if (!answer) helperAnswers.set(key, (answer = runCredentialHelper(helper, server, file)));
    return answer;
  }
  for (const [k, entry] of Object.entries(cfg.auths ?? {})) {
    if (normalizeHost(k) !== want || !entry || typeof entry !== 'object') continue;
    if (typeof entry.auth === 'string' && entry.auth) {
      const text = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = text.indexOf(':');
      if (colon > 0) return { username: text.slice(0, colon), password: text.slice(colon + 1), file };
    }
    if (typeof entry.username === 'string' && entry.username)
      return { username: entry.username, password: String(entry.password ?? ''), file };
  }
  return undefined;
}

/**
 * `docker-credential-<helper> get` with the server on stdin and `{"Username","Secret"}` on stdout, bounded in time
 * and size. Its output is never printed (it may hold the secret); a failure is a warning naming the helper and
 * its exit, and the registry is then asked without credentials.
 */
async function runCredentialHelper(helper: string, server: string, file: string): Promise<FileCredentials | undefined> {
  const bin = `docker-credential-${helper}`;
  // A name, never a path: config.json must not be able to run an arbitrary program.
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(helper)) {
    log.warn(
      `${file} names the credential helper "${helper}", which is not a helper name; no credentials are used for ${server}.`,
    );
    return undefined;
  }
  const origin = `${bin} (${file})`;
  const out = await new Promise<{ code: number | null; stdout: string; error?: string }>((resolve) => {
    let child: ChildProcess;
    try {
      child = spawn(bin, ['get'], { stdio: ['pipe', 'pipe', 'pipe'], env: process.env, windowsHide: true });
    } catch (err) {
      resolve({ code: null, stdout: '', error: errorMessage(err) });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let error: string | undefined;
    const timer = setTimeout(() => {
      error = `it did not answer within ${helperTimeoutMs / 1000} s`;
      child.kill('SIGKILL');
    }, helperTimeoutMs);
    child.stdout?.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_HELPER_OUTPUT) {
        error = `its answer is larger than ${MAX_HELPER_OUTPUT >> 20} MiB`;
        child.kill('SIGKILL');
      } else chunks.push(c);
    });
    // Read and dropped: helpers may print the secret or the keychain's contents there.
    child.stderr?.resume();
    child.stdin?.on('error', () => undefined);
    child.on('error', (err: NodeJS.ErrnoException) => {
      error ??= err.code === 'ENOENT' ? `${bin} is not on the PATH` : (err.code ?? 'it could not be started');
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(chunks).toString('utf8'), error });
    });
    child.stdin?.end(`${server}\n`);
  });
  if (!out.error && out.code !== 0 && out.stdout.trim() === HELPER_NOT_FOUND) return undefined;
  let answer: { Username?: unknown; Secret?: unknown } | undefined;
  if (!out.error && out.code === 0) {
    try {
      answer = JSON.parse(out.stdout) as typeof answer;
    } catch {
      out.error = 'its answer is not JSON';
    }
  }
  if (out.error || out.code !== 0 || !answer || typeof answer !== 'object') {
    log.warn(
      `The credential helper ${origin} failed for ${server}: ${out.error ?? (out.code !== 0 ? `exit code ${out.code}` : 'its answer is not a JSON object')} (its output is not shown: it may hold secrets). The registry is asked without credentials.`,
    );
    return undefined;
  }
  const username = typeof answer.Username === 'string' ? answer.Username : '';
  const secret = typeof answer.Secret === 'string' ? answer.Secret : '';
  if (secret) log.mask(secret);
  if (!username || !secret) return undefined;
  if (username === '<token>') {
    // An identity (refresh) token for an OAuth2 token endpoint, not a password: not supported here.
    log.warn(
      `The credential helper ${origin} holds an identity token for ${server}, which clair-scan cannot use; set registry-username and registry-password instead.`,
    );
    return undefined;
  }
  return { username, password: secret, file: origin };
}

/**
 * The credentials this module would send to `registry`, for a client that talks to it another way (the Docker
 * daemon pulling or pushing a database image, data/db-image.ts): registry-username/password only when `registry`
 * is the one registry they are bound to, else the Docker config's credentials stored under that very registry.
 */
export async function credentialsFor(
  registry: string,
  auth: RegistryAuth,
): Promise<{ username: string; password: string } | undefined> {
  const bound = (auth.hosts ?? [registry]).map(normalizeHost);
  if (auth.username && bound[0] === normalizeHost(registry))
    return { username: auth.username, password: auth.password ?? '' };
  const fromFile = await dockerConfigCredentials(registry);
  if (fromFile) log.mask(fromFile.password);
  return fromFile ? { username: fromFile.username, password: fromFile.password } : undefined;
}

export class RegistryClient {
  private token?: string;
  /** Set once the registry asked for basic auth (401 with a Basic challenge). */
  private basicChallenged = false;
  private base?: string;
  private readonly host: string;
  private creds?: Credentials;
  private credsLooked = false;
  /** `RegistryAuth.hosts` normalized: [0] the one registry username/password go to, then its token-service hosts. */
  private readonly bound: string[];

  constructor(
    private readonly ref: ImageReference,
    private readonly auth: RegistryAuth,
  ) {
    this.host = ref.registry === 'docker.io' ? 'registry-1.docker.io' : ref.registry;
    this.bound = (auth.hosts ?? [ref.registry]).map(normalizeHost);
    if (auth.username && this.bound[0] === normalizeHost(ref.registry)) {
      this.creds = {
        username: auth.username,
        password: auth.password ?? '',
        origin: 'registry-username',
        hosts: new Set(this.bound),
      };
      this.credsLooked = true;
    }
  }

  /** The credentials for this registry; the Docker config (and its credential helper) is read on the first challenge. */
  private async credentials(): Promise<Credentials | undefined> {
    if (this.credsLooked) return this.creds;
    this.credsLooked = true;
    const registryKey = normalizeHost(this.ref.registry);
    const fromFile = await dockerConfigCredentials(this.ref.registry);
    if (fromFile) {
      log.mask(fromFile.password);
      // The token-service hosts of registry-host only when registry-host names this registry.
      const hosts = this.bound[0] === registryKey ? this.bound : [registryKey];
      this.creds = {
        username: fromFile.username,
        password: fromFile.password,
        origin: fromFile.file,
        hosts: new Set(hosts),
      };
    } else if (this.auth.username) {
      log.info(
        `Not sending registry-username/registry-password to ${this.ref.registry}: they are bound to the registry ${this.bound[0] ?? 'none'} only; set registry-host to choose the registry they are for.`,
      );
    }
    return this.creds;
  }

  /**
   * https, or plain HTTP with registry-insecure or when the host resolves to loopback addresses only and does not
   * speak TLS (as the Docker daemon treats localhost: https first).
   */
  private async baseUrl(): Promise<string> {
    if (!this.base) {
      const { hostname, port } = new URL(`http://${this.host}`);
      const plain =
        this.auth.insecure ||
        ((await isLoopbackHost(hostname)) &&
          !(await speaksTls(hostname.replace(/^\[(.*)\]$/, '$1'), Number(port || 443))));
      this.base = `${plain ? 'http' : 'https'}://${this.host}`;
      // An explicit choice to drop TLS is said in the log (GitLab's CS_REGISTRY_INSECURE maps to it).
      if (this.auth.insecure)
        log.warn(
          `registry-insecure: talking plain HTTP to ${this.host} (no TLS: its content and credentials are not protected on the way)`,
        );
    }
    return this.base;
  }

  async getJson<T>(
    path: string,
    accept = 'application/json',
    digest?: string,
  ): Promise<{ body: T; digest: string; mediaType: string }> {
    const res = await this.get(path, accept);
    const data = await readLimited(
      res.body as unknown as Readable,
      MAX_JSON_BYTES,
      path,
      res.headers['content-length'],
    );
    const got = digestOf(data, digest ?? 'sha256:');
    if (digest && got !== digest.toLowerCase()) {
      throw new ClairScanError(
        `the registry ${this.ref.registry} sent content for ${path} that does not match the digest it was asked for (got ${got})`,
        {
          hint: 'the registry (or something between it and you) altered the content; check the registry and the reference.',
        },
      );
    }
    try {
      return {
        body: JSON.parse(data.toString('utf8')) as T,
        digest: got,
        mediaType: String(res.headers['content-type'] ?? ''),
      };
    } catch (err) {
      throw new ClairScanError(`the registry sent invalid JSON for ${path}: ${errorMessage(err)}`, {
        hint: 'check the registry and the image reference.',
      });
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
  async request(
    method: string,
    pathOrUrl: string,
    init: { headers?: Record<string, string>; body?: Buffer | Readable } = {},
  ): Promise<Awaited<ReturnType<typeof request>>> {
    return this.get(pathOrUrl, '*/*', /^https?:/i.test(pathOrUrl) ? pathOrUrl : undefined, 0, false, {
      method,
      ...init,
    });
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
      res = await request(url, {
        method: (init?.method ?? 'GET') as 'GET',
        headers: { ...headers, ...init?.headers },
        body: init?.body,
        headersTimeout: 60000,
        bodyTimeout: 300000,
        dispatcher: caDispatcher(this.auth.ca),
      });
    } catch (err) {
      throw (
        untrustedCertificateError(err, `the registry ${this.host} (${new URL(url).origin})`, this.auth.ca) ??
        new ClairScanError(`cannot reach the registry ${this.host} at ${url}: ${errorMessage(err)}`, {
          hint: 'check the image reference and network access to the registry (for a plain-HTTP registry set registry-insecure: true).',
          cause: err,
        })
      );
    }
    const replayable = !(init?.body instanceof Readable);
    if ([301, 302, 303, 307, 308].includes(res.statusCode) && !init) {
      await res.body.dump();
      const next = await this.redirectTarget(url, String(res.headers.location ?? ''), hops, path);
      return this.get(path, accept, next, hops + 1, retried);
    }
    if (res.statusCode === 401 && sameOrigin && !retried && replayable) {
      const challenge = String(res.headers['www-authenticate'] ?? '');
      await res.body.dump();
      if (/^bearer\s/i.test(challenge)) {
        this.token = await this.fetchToken(challenge);
        return this.get(path, accept, init ? redirectUrl : undefined, 0, true, init);
      }
      if (/^basic\b/i.test(challenge) && (await this.credentials()) && !this.basicChallenged) {
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
      throw new ClairScanError(
        `${this.ref.registry}/${this.ref.repository}:${this.ref.tag ?? this.ref.digest} was not found in the registry`,
        {
          hint: 'check the image name and tag, and that the image was pushed.',
        },
      );
    }
    if (res.statusCode !== 200) {
      const text = (await readLimited(res.body as unknown as Readable, 1 << 20, path).catch(() => Buffer.alloc(0)))
        .toString('utf8')
        .slice(0, 500);
      throw new ClairScanError(`the registry answered HTTP ${res.statusCode} for ${path}`, {
        hint: "check the registry's status and the reference.",
        details: text,
      });
    }
    return res;
  }

  /**
   * Where a redirect may go: at most MAX_REDIRECTS hops, to https; plain HTTP only from plain HTTP, to the
   * registry's own origin or a loopback address; never from https to http. (Credentials are sent only to the
   * registry's own origin: `get` decides that per request.)
   */
  private async redirectTarget(from: string, location: string, hops: number, what: string): Promise<string> {
    const refuse = (why: string): ClairScanError =>
      new ClairScanError(`the registry ${this.ref.registry} redirected ${what} ${why}`, {
        hint: 'check the registry and its storage configuration: clair-scan follows redirects only to https (never from https to plain HTTP), at most 5 times.',
      });
    if (hops >= MAX_REDIRECTS) throw refuse(`more than ${MAX_REDIRECTS} times`);
    let next: URL;
    try {
      next = new URL(location, from);
    } catch {
      throw refuse('to an invalid location');
    }
    const fromHttps = new URL(from).protocol === 'https:';
    if (await redirectAllowed(new URL(from), next, new URL(await this.baseUrl()).origin)) return next.toString();
    throw refuse(
      `to ${next.protocol}//${next.host}, which is not https${fromHttps && next.protocol === 'http:' ? ' (a downgrade from https)' : ''}`,
    );
  }

  private authError(): ClairScanError {
    return new ClairScanError(`the registry ${this.host} refused access to ${this.ref.repository}`, {
      hint:
        this.creds?.origin === 'registry-username'
          ? "check registry-username and registry-password (a token with pull access); if the registry's token service is on another host, add that host to registry-host."
          : this.creds
            ? `check the credentials for ${this.ref.registry} in ${this.creds.origin} (they need pull access), or set registry-username and registry-password; if the registry's token service is on another host, add that host to registry-host.`
            : 'set registry-username and registry-password (a token with pull access), and registry-host if the registry is not the one the image names.',
    });
  }

  /** May the credentials go to this token service? https (plain HTTP only to loopback) and a bound host. */
  private async realmAllowed(realm: URL): Promise<string | undefined> {
    if (!this.creds) return 'no credentials';
    const key = normalizeHost(realm.host);
    if (key !== normalizeHost(this.ref.registry) && !this.creds.hosts.has(key))
      return `${realm.host} is not a registry host the credentials are bound to (registry-host)`;
    if (realm.protocol === 'https:') return undefined;
    if (realm.protocol === 'http:' && (await isLoopbackHost(realm.hostname))) return undefined;
    // registry-insecure: the user accepted plain HTTP to the registry itself, so to its own host too.
    if (realm.protocol === 'http:' && this.auth.insecure && key === normalizeHost(this.ref.registry)) return undefined;
    return 'it is not https';
  }

  private async fetchToken(challenge: string): Promise<string> {
    await this.credentials();
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
    else if (this.creds)
      log.info(
        `Requesting an anonymous registry token from ${url.origin}: credentials are not sent there (${refused}).`,
      );
    let res;
    try {
      // undici's request() does not follow redirects: the credentials cannot be carried to another host.
      res = await request(url, {
        method: 'GET',
        headers,
        headersTimeout: 30000,
        bodyTimeout: 30000,
        dispatcher: caDispatcher(this.auth.ca),
      });
    } catch (err) {
      throw (
        untrustedCertificateError(err, `the registry's token service ${url.origin}`, this.auth.ca) ??
        new ClairScanError(`cannot reach the registry's token service ${url.origin}: ${errorMessage(err)}`, {
          hint: 'check network access to the registry.',
          cause: err,
        })
      );
    }
    const data = await readLimited(
      res.body as unknown as Readable,
      MAX_JSON_BYTES,
      `the token from ${url.origin}`,
      res.headers['content-length'],
    );
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

type ManifestJson = {
  mediaType?: string;
  manifests?: OciDescriptor[];
  config?: OciDescriptor;
  layers?: OciDescriptor[];
};

function registryRef(refText: string): ImageReference {
  const ref = parseReference(refText);
  if (!ref) {
    throw new ClairScanError(`"${refText}" is not a valid image reference`, {
      hint: 'use the form [registry/]repository[:tag][@sha256:digest], e.g. ghcr.io/org/app:1.2.',
    });
  }
  return ref;
}

/**
 * The platforms an image offers (`platform: all`): an index's platform manifests (attestations left out, checked
 * by image/platform.ts), or the one platform a single manifest's config says.
 */
export async function registryPlatforms(refText: string, auth: RegistryAuth): Promise<string[]> {
  const ref = registryRef(refText);
  if (auth.password) log.mask(auth.password);
  const client = new RegistryClient(ref, auth);
  const m = await client.getJson<ManifestJson>(
    `/v2/${ref.repository}/manifests/${ref.digest ?? ref.tag}`,
    ACCEPT,
    ref.digest,
  );
  if (m.body.manifests !== undefined) return indexPlatforms(m.body.manifests, refText).map((e) => e.platform);
  if (!m.body.config?.digest)
    throw new ClairScanError(`${refText} has an unsupported manifest format (${m.mediaType || 'unknown'})`, {
      hint: 'push the image as a Docker v2 schema 2 or OCI manifest.',
    });
  const cfg = await client.getJson<ImageConfigJson>(
    `/v2/${ref.repository}/blobs/${m.body.config.digest}`,
    'application/json',
    m.body.config.digest,
  );
  return [formatPlatform(cfg.body)];
}

/** `platform`: the platform to take from an index (and that the image config must say); unset, the default choice. */
export async function resolveFromRegistry(
  refText: string,
  auth: RegistryAuth,
  platform?: Platform | string,
): Promise<ResolvedImage> {
  const ref = registryRef(refText);
  const want = typeof platform === 'string' ? parsePlatform(platform) : platform;
  if (auth.password) log.mask(auth.password);
  const client = new RegistryClient(ref, auth);
  let m = await client.getJson<ManifestJson>(
    `/v2/${ref.repository}/manifests/${ref.digest ?? ref.tag}`,
    ACCEPT,
    ref.digest,
  );
  if (m.body.manifests) {
    const chosen = want
      ? selectPlatform<OciDescriptor>(m.body.manifests, want, refText)
      : pickPlatform(m.body.manifests);
    if (!chosen) throw new ClairScanError(`${refText} is an empty image index`, { hint: 'check the reference.' });
    m = await client.getJson(`/v2/${ref.repository}/manifests/${chosen.digest}`, ACCEPT, chosen.digest);
    // An index inside an index is not an image: refused by name rather than as an "unsupported manifest".
    if (want && m.body.manifests !== undefined) {
      throw new ClairScanError(
        `${refText} is not a usable image index: its ${formatPlatform(want)} entry is another index`,
        {
          hint: 'push the image as an index of platform manifests (docker buildx build --platform … --push does).',
        },
      );
    }
  }
  const { config, layers } = m.body;
  if (!config || !layers || !Array.isArray(layers)) {
    throw new ClairScanError(`${refText} has an unsupported manifest format (${m.mediaType || 'unknown'})`, {
      hint: 'push the image as a Docker v2 schema 2 or OCI manifest.',
    });
  }
  const cfg = await client.getJson<ImageConfigJson>(
    `/v2/${ref.repository}/blobs/${config.digest}`,
    'application/json',
    config.digest,
  );
  if (want) checkConfigPlatform(cfg.body, want, refText);
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
      uncompressedDigest: () =>
        (actual ??= sha256OfStream(client.openBlob(l.digest).then((s) => decompress(s, compression)))),
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
