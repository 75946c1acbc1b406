/**
 * Images in a registry (Docker Registry HTTP API v2 / OCI distribution). The manifest and config are read
 * here; layer blobs are streamed on demand through our layer server (so Clair needs to reach only us, and
 * registry credentials never leave this process).
 */
import { request } from 'undici';
import type { Readable } from 'node:stream';
import { ClairScanError, errorMessage } from '../util/errors';
import { log } from '../util/log';
import type { ImageInfo } from '../findings/model';
import type { ImageLayer, ResolvedImage } from './types';
import { parseReference, stableName, ImageReference } from './reference';
import { decompress, pickPlatform, rawConfigOf } from './archive';
import { createHash } from 'node:crypto';

export interface RegistryAuth {
  username?: string;
  password?: string;
  insecure: boolean;
}

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

interface Descriptor {
  mediaType?: string;
  digest: string;
  size?: number;
  platform?: { os?: string; architecture?: string };
}

export class RegistryClient {
  private token?: string;
  private readonly base: string;
  private readonly host: string;

  constructor(
    private readonly ref: ImageReference,
    private readonly auth: RegistryAuth,
  ) {
    this.host = ref.registry === 'docker.io' ? 'registry-1.docker.io' : ref.registry;
    const plain = auth.insecure || /^(localhost|127\.|\[::1\])/.test(this.host);
    this.base = `${plain ? 'http' : 'https'}://${this.host}`;
  }

  async getJson<T>(path: string, accept = 'application/json'): Promise<{ body: T; digest: string; mediaType: string }> {
    const res = await this.get(path, accept);
    const text = await res.body.text();
    const digest = `sha256:${createHash('sha256').update(text).digest('hex')}`;
    try {
      return { body: JSON.parse(text) as T, digest, mediaType: String(res.headers['content-type'] ?? '') };
    } catch (err) {
      throw new ClairScanError(`the registry sent invalid JSON for ${path}: ${errorMessage(err)}`, { hint: 'check the registry and the image reference.' });
    }
  }

  async openBlob(digest: string): Promise<Readable> {
    const res = await this.get(`/v2/${this.ref.repository}/blobs/${digest}`, '*/*');
    return res.body as unknown as Readable;
  }

  private async get(path: string, accept: string, redirectUrl?: string, hops = 0): Promise<Awaited<ReturnType<typeof request>>> {
    const url = redirectUrl ?? `${this.base}${path}`;
    const sameHost = new URL(url).host === new URL(this.base).host;
    const headers: Record<string, string> = { accept, 'user-agent': 'clair-scan' };
    if (sameHost) {
      if (this.token) headers.authorization = `Bearer ${this.token}`;
      else if (this.auth.username) headers.authorization = basic(this.auth);
    }
    let res;
    try {
      res = await request(url, { method: 'GET', headers, headersTimeout: 60000, bodyTimeout: 300000 });
    } catch (err) {
      throw new ClairScanError(`cannot reach the registry ${this.host}: ${errorMessage(err)}`, {
        hint: 'check the image reference and network access to the registry (for a plain-HTTP registry set registry-insecure: true).',
        cause: err,
      });
    }
    if ([301, 302, 303, 307, 308].includes(res.statusCode) && hops < 5) {
      await res.body.dump();
      const loc = String(res.headers.location ?? '');
      return this.get(path, accept, new URL(loc, url).toString(), hops + 1);
    }
    if (res.statusCode === 401 && sameHost && !this.token && hops === 0) {
      const challenge = String(res.headers['www-authenticate'] ?? '');
      await res.body.dump();
      if (/^bearer/i.test(challenge)) {
        this.token = await this.fetchToken(challenge);
        return this.get(path, accept, undefined, 1);
      }
      if (!this.auth.username) throw this.authError();
      throw this.authError();
    }
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
      const text = (await res.body.text()).slice(0, 500);
      throw new ClairScanError(`the registry answered HTTP ${res.statusCode} for ${path}`, { hint: 'check the registry\'s status and the reference.', details: text });
    }
    return res;
  }

  private authError(): ClairScanError {
    return new ClairScanError(`the registry ${this.host} refused access to ${this.ref.repository}`, {
      hint: 'set registry-username and registry-password (a token with pull access).',
    });
  }

  private async fetchToken(challenge: string): Promise<string> {
    const params: Record<string, string> = {};
    for (const m of challenge.replace(/^bearer\s+/i, '').matchAll(/(\w+)="([^"]*)"/g)) params[m[1]] = m[2];
    if (!params.realm) throw this.authError();
    const url = new URL(params.realm);
    if (params.service) url.searchParams.set('service', params.service);
    url.searchParams.set('scope', params.scope ?? `repository:${this.ref.repository}:pull`);
    const headers: Record<string, string> = {};
    if (this.auth.username) headers.authorization = basic(this.auth);
    const res = await request(url, { method: 'GET', headers, headersTimeout: 30000, bodyTimeout: 30000 });
    const text = await res.body.text();
    if (res.statusCode !== 200) throw this.authError();
    const body = JSON.parse(text) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) throw this.authError();
    log.mask(token);
    return token;
  }
}

function basic(a: RegistryAuth): string {
  return `Basic ${Buffer.from(`${a.username}:${a.password ?? ''}`).toString('base64')}`;
}

export async function resolveFromRegistry(refText: string, auth: RegistryAuth): Promise<ResolvedImage> {
  const ref = parseReference(refText);
  if (!ref) {
    throw new ClairScanError(`"${refText}" is not a valid image reference`, { hint: 'use the form [registry/]repository[:tag][@sha256:digest], e.g. ghcr.io/org/app:1.2.' });
  }
  if (auth.password) log.mask(auth.password);
  const client = new RegistryClient(ref, auth);
  let m = await client.getJson<{ mediaType?: string; manifests?: Descriptor[]; config?: Descriptor; layers?: Descriptor[] }>(
    `/v2/${ref.repository}/manifests/${ref.digest ?? ref.tag}`,
    ACCEPT,
  );
  if (m.body.manifests) {
    const chosen = pickPlatform(m.body.manifests);
    if (!chosen) throw new ClairScanError(`${refText} is an empty image index`, { hint: 'check the reference.' });
    m = await client.getJson(`/v2/${ref.repository}/manifests/${chosen.digest}`, ACCEPT);
  }
  const { config, layers } = m.body;
  if (!config || !layers) {
    throw new ClairScanError(`${refText} has an unsupported manifest format (${m.mediaType || 'unknown'})`, { hint: 'push the image as a Docker v2 schema 2 or OCI manifest.' });
  }
  const cfg = await client.getJson<{
    os?: string;
    architecture?: string;
    created?: string;
    config?: { User?: string; Labels?: Record<string, string> | null; Env?: string[] | null };
    rootfs?: { diff_ids?: string[] };
    history?: { created_by?: string; empty_layer?: boolean }[];
  }>(`/v2/${ref.repository}/blobs/${config.digest}`);
  const diffIds = cfg.body.rootfs?.diff_ids ?? [];
  const history = (cfg.body.history ?? []).filter((h) => !h.empty_layer);
  const imgLayers: ImageLayer[] = layers.map((l, i) => {
    const compression = /zstd/.test(l.mediaType ?? '') ? 'zstd' : /gzip/.test(l.mediaType ?? '') ? 'gzip' : 'none';
    return {
      digest: l.digest,
      diffId: diffIds[i] ?? l.digest,
      size: l.size,
      mediaType: l.mediaType ?? 'application/vnd.oci.image.layer.v1.tar+gzip',
      open: () => client.openBlob(l.digest),
      openTar: async () => decompress(await client.openBlob(l.digest), compression),
    };
  });
  const info: ImageInfo = {
    ref: refText,
    name: stableName(ref),
    tag: ref.tag,
    source: 'registry',
    manifestDigest: m.digest,
    imageId: config.digest,
    repoDigests: [`${ref.registry === 'docker.io' ? '' : `${ref.registry}/`}${ref.repository}@${m.digest}`],
    os: cfg.body.os,
    architecture: cfg.body.architecture,
    user: cfg.body.config?.User ?? '',
    created: cfg.body.created,
    labels: cfg.body.config?.Labels ?? {},
    layers: imgLayers.map((l, i) => ({ digest: l.digest, diffId: l.diffId, size: l.size, createdBy: history[i]?.created_by })),
  };
  return { info, layers: imgLayers, rawConfig: rawConfigOf(cfg.body), close: async () => undefined };
}
