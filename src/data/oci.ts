/**
 * Snapshots as OCI artifacts in any OCI registry (the way Trivy ships its database, oras style): an OCI image
 * manifest with `artifactType` application/vnd.clair-scan.snapshot.v1, the empty config, and the layers: the
 * bundle (its media type names the compression), the snapshot manifest (JSON), one per member. The registry is
 * reached with the same client and credentials as image scanning (src/image/registry.ts). Uploads stream the file
 * (one monolithic PUT with a Content-Length); downloads are verified against the descriptor's digest and the
 * snapshot manifest before they are used. Media types: docs/vuln-data.md.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ClairScanError, errorMessage } from '../util/errors';
import { log } from '../util/log';
import { parseReference, ImageReference } from '../image/reference';
import { RegistryAuth, RegistryClient } from '../image/registry';
import {
  BundleCompression,
  BundleScan,
  MANIFEST_MEDIA_TYPE,
  manifestPathFor,
  MAX_MEMBER_BYTES,
  memberPathFor,
  openSnapshot,
  parseManifest,
  SnapshotManifest,
  verifySnapshot,
} from './snapshot';
import { formatBytes, startProgress } from '../util/progress';
import { pushSignature, verifyRegistrySignature, type SignatureKey, type SigningKey } from './signing';

export const ARTIFACT_TYPE = 'application/vnd.clair-scan.snapshot.v1';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const EMPTY_CONFIG = {
  mediaType: 'application/vnd.oci.empty.v1+json',
  digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
  size: 2,
  data: 'e30=',
};
const BUNDLE_MEDIA_TYPES: Record<BundleCompression, string> = {
  none: 'application/vnd.clair-scan.bundle.v1+json',
  gzip: 'application/vnd.clair-scan.bundle.v1+json+gzip',
  zstd: 'application/vnd.clair-scan.bundle.v1+json+zstd',
};
const ANNOTATION_PREFIX = 'io.clair-scan.snapshot';
/** A member of the snapshot (KEV, EPSS, EOL: issue 22); which one, the snapshot manifest says by its sha256. */
const MEMBER_MEDIA_TYPE = 'application/vnd.clair-scan.snapshot.member.v1';

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
  data?: string;
}
interface OciManifest {
  schemaVersion: number;
  mediaType?: string;
  artifactType?: string;
  config?: Descriptor;
  layers?: Descriptor[];
  annotations?: Record<string, string>;
}

function bundleMediaType(c: BundleCompression): string {
  return BUNDLE_MEDIA_TYPES[c];
}

/** True for `oci://…` (how vuln-data names a registry snapshot). */
export function isOciRef(text: string): boolean {
  return /^oci:\/\//i.test(text.trim());
}

function parseSnapshotRef(text: string): ImageReference {
  const bare = text.trim().replace(/^oci:\/\//i, '');
  const ref = parseReference(bare);
  // A registry host is required: Docker Hub is never used implicitly for data.
  if (!ref || !bare.includes('/') || !/[.:]|^localhost/.test(bare.split('/')[0])) {
    throw new ClairScanError(`"${text}" is not a snapshot reference`, {
      hint: 'use oci://REGISTRY/REPOSITORY:TAG, e.g. oci://ghcr.io/org/clair-data:latest.',
    });
  }
  return ref;
}

function refText(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}${ref.digest ? `@${ref.digest}` : `:${ref.tag}`}`;
}

/** The registry operations a snapshot needs, on the image-scanning client (same auth). */
function client(ref: ImageReference, auth: RegistryAuth): RegistryClient {
  if (auth.password) log.mask(auth.password);
  return new RegistryClient(ref, auth);
}

/** Reads the OCI manifest of a snapshot and checks that it is one. */
async function readArtifact(
  c: RegistryClient,
  ref: ImageReference,
): Promise<{ oci: OciManifest; digest: string; bundle: Descriptor; manifestLayer: Descriptor }> {
  const got = await c.getJson<OciManifest>(
    `/v2/${ref.repository}/manifests/${ref.digest ?? ref.tag}`,
    OCI_MANIFEST,
    ref.digest,
  );
  const oci = got.body;
  const layers = Array.isArray(oci.layers) ? oci.layers : [];
  const bundle = layers.find((l) => Object.values(BUNDLE_MEDIA_TYPES).includes(l.mediaType));
  const manifestLayer = layers.find((l) => l.mediaType === MANIFEST_MEDIA_TYPE);
  if (oci.artifactType !== ARTIFACT_TYPE || !bundle || !manifestLayer) {
    throw new ClairScanError(
      `${refText(ref)} is not a clair-scan vulnerability-data snapshot (artifact type ${oci.artifactType ?? oci.config?.mediaType ?? 'none'})`,
      {
        hint: `push one with \`clair-scan data push ${refText(ref)} clair-data.json.zst\`, or check the reference.`,
      },
    );
  }
  return { oci, digest: got.digest, bundle, manifestLayer };
}

/** What a registry snapshot covers (reads the OCI manifest and the small snapshot manifest only). */
export async function ociInfo(
  text: string,
  auth: RegistryAuth,
): Promise<{ manifest: SnapshotManifest; digest: string }> {
  const ref = parseSnapshotRef(text);
  const c = client(ref, auth);
  const { digest, manifestLayer } = await readArtifact(c, ref);
  const m = await c.getJson<unknown>(
    `/v2/${ref.repository}/blobs/${manifestLayer.digest}`,
    MANIFEST_MEDIA_TYPE,
    manifestLayer.digest,
  );
  return { manifest: parseManifest(JSON.stringify(m.body), `${refText(ref)} (${manifestLayer.digest})`), digest };
}

/**
 * Downloads a snapshot to `outPath` (+ its manifest beside it): the bundle is streamed to a temp file, checked
 * against the layer digest while it arrives, then verified against the snapshot manifest (sha256, size, every
 * record parsed) before it is renamed into place.
 */
export async function ociPull(
  text: string,
  outPath: string | undefined,
  auth: RegistryAuth,
  outDir = '.',
  opts: { publicKey?: SignatureKey } = {},
): Promise<{ bundlePath: string; manifest: SnapshotManifest; digest: string; scan: BundleScan }> {
  const ref = parseSnapshotRef(text);
  const c = client(ref, auth);
  const { digest, bundle, manifestLayer, oci } = await readArtifact(c, ref);
  const layers = oci.layers ?? [];
  // Signed data: the signature must name the digest of the manifest just read; everything below is read by the
  // digests that manifest lists, so a tag moved meanwhile cannot swap the data.
  if (opts.publicKey)
    await verifyRegistrySignature(ref, digest, opts.publicKey, auth, `vulnerability data ${refText(ref)}`);
  const mj = await c.getJson<unknown>(
    `/v2/${ref.repository}/blobs/${manifestLayer.digest}`,
    MANIFEST_MEDIA_TYPE,
    manifestLayer.digest,
  );
  const manifest = parseManifest(JSON.stringify(mj.body), `${refText(ref)} (${manifestLayer.digest})`);
  if (`sha256:${manifest.bundle.sha256}` !== bundle.digest || manifest.bundle.size !== bundle.size) {
    throw new ClairScanError(
      `${refText(ref)}: the snapshot manifest does not describe the bundle layer (${bundle.digest})`,
      {
        hint: 'the artifact was not pushed by clair-scan or was altered: push the snapshot again.',
      },
    );
  }
  const name = path.basename(
    manifest.bundle.file || bundle.annotations?.['org.opencontainers.image.title'] || 'clair-data.json',
  );
  const target = path.resolve(outPath ?? path.join(outDir, safeName(name)));
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.partial`);
  log.info(
    `Pulling vulnerability data ${refText(ref)} (${formatBytes(bundle.size)}, ${manifest.records} records, created ${manifest.createdAt}) …`,
  );
  const progress = startProgress(`Pulling ${refText(ref)}`, { totalBytes: bundle.size });
  try {
    let blob: Readable;
    try {
      blob = await c.openBlob(bundle.digest);
    } catch (err) {
      throw err instanceof ClairScanError
        ? err
        : new ClairScanError(`cannot download ${bundle.digest} from ${ref.registry}: ${errorMessage(err)}`, {
            hint: 'retry; check the registry.',
          });
    }
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        progress.bytes += chunk.length;
        cb(null, chunk);
      },
    });
    try {
      await pipeline(blob, meter, fs.createWriteStream(tmp, { mode: 0o600 }));
    } catch (err) {
      if (err instanceof ClairScanError) throw err;
      throw new ClairScanError(
        `the download of ${refText(ref)} broke off after ${formatBytes(progress.bytes)}: ${errorMessage(err)}`,
        { hint: 'retry; check the registry and the network.' },
      );
    }
    progress.stop();
    await pullMembers(c, ref, manifest, layers, target);
    const scan = await verifySnapshot({ bundlePath: tmp, manifest }, `${refText(ref)} (${name})`);
    await fs.promises.rename(tmp, target);
    await fs.promises.writeFile(manifestPathFor(target), `${JSON.stringify(manifest, null, 2)}\n`);
    log.info(`Pulled ${refText(ref)} to ${target}.`);
    return { bundlePath: target, manifest, digest, scan };
  } finally {
    progress.stop();
    await fs.promises.rm(tmp, { force: true });
  }
}

/**
 * The members the snapshot manifest lists, each read by its digest from a layer of the artifact into its file beside
 * `target` (verifySnapshot then checks them against the manifest). A member without its layer is refused.
 */
async function pullMembers(
  c: RegistryClient,
  ref: ImageReference,
  manifest: SnapshotManifest,
  layers: Descriptor[],
  target: string,
): Promise<void> {
  for (const [name, m] of Object.entries(manifest.members ?? {})) {
    const layer = layers.find((l) => l.mediaType === MEMBER_MEDIA_TYPE && l.digest === `sha256:${m.sha256}`);
    if (!layer || layer.size !== m.size || m.size > MAX_MEMBER_BYTES) {
      throw new ClairScanError(
        `${refText(ref)}: the snapshot manifest lists the ${name} member, but no layer holds it`,
        {
          hint: 'the artifact was not pushed by clair-scan or was altered: push the snapshot again.',
        },
      );
    }
    const file = memberPathFor(target, m);
    try {
      await pipeline(await c.openBlob(layer.digest), fs.createWriteStream(file, { mode: 0o600 }));
    } catch (err) {
      if (err instanceof ClairScanError) throw err;
      throw new ClairScanError(
        `the download of the ${name} member of ${refText(ref)} broke off: ${errorMessage(err)}`,
        {
          hint: 'retry; check the registry and the network.',
        },
      );
    }
  }
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '') || 'clair-data.json';
}

/**
 * Pushes the snapshot at `bundlePath` (its manifest must be beside it; both are verified first) to `text`.
 * Blobs the registry already has are not uploaded again. Returns the digest of the OCI manifest.
 */
export async function ociPush(
  text: string,
  bundlePath: string,
  auth: RegistryAuth,
  opts: { signKey?: SigningKey } = {},
): Promise<{ digest: string; manifest: SnapshotManifest; signatureTag?: string }> {
  const ref = parseSnapshotRef(text);
  if (ref.digest)
    throw new ClairScanError(`push to a tag, not a digest (${text})`, { hint: 'use oci://REGISTRY/REPOSITORY:TAG.' });
  const snap = await openSnapshot(bundlePath);
  if (!snap.manifest) {
    throw new ClairScanError(`${bundlePath} has no manifest beside it (${manifestPathFor(bundlePath)})`, {
      hint: 'push snapshots written by `clair-scan data export` (or `data pull`), which write the manifest.',
    });
  }
  const manifest = snap.manifest;
  await verifySnapshot(snap);
  const c = client(ref, auth);
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const bundle: Descriptor = {
    mediaType: bundleMediaType(manifest.bundle.compression),
    digest: `sha256:${manifest.bundle.sha256}`,
    size: manifest.bundle.size,
    annotations: { 'org.opencontainers.image.title': manifest.bundle.file },
  };
  const mLayer: Descriptor = {
    mediaType: MANIFEST_MEDIA_TYPE,
    digest: `sha256:${createHash('sha256').update(manifestBytes).digest('hex')}`,
    size: manifestBytes.length,
    annotations: { 'org.opencontainers.image.title': `${manifest.bundle.file}.manifest.json` },
  };
  const members: Descriptor[] = Object.values(manifest.members ?? {}).map((m) => ({
    mediaType: MEMBER_MEDIA_TYPE,
    digest: `sha256:${m.sha256}`,
    size: m.size,
    annotations: { 'org.opencontainers.image.title': m.file },
  }));
  await uploadBlob(c, ref, EMPTY_CONFIG.digest, EMPTY_CONFIG.size, () => Readable.from([Buffer.from('{}')]));
  for (const [i, m] of Object.values(manifest.members ?? {}).entries())
    await uploadBlob(c, ref, members[i].digest, m.size, () => fs.createReadStream(memberPathFor(bundlePath, m)));
  await uploadBlob(c, ref, mLayer.digest, mLayer.size, () => Readable.from([manifestBytes]));
  await uploadBlob(
    c,
    ref,
    bundle.digest,
    bundle.size,
    () => fs.createReadStream(bundlePath),
    `Pushing ${manifest.bundle.file}`,
  );
  const oci: OciManifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: ARTIFACT_TYPE,
    config: EMPTY_CONFIG,
    layers: [bundle, mLayer, ...members],
    annotations: {
      'org.opencontainers.image.created': manifest.createdAt,
      [`${ANNOTATION_PREFIX}.format-version`]: String(manifest.formatVersion),
      [`${ANNOTATION_PREFIX}.clair-version`]: manifest.clairVersion ?? '',
      [`${ANNOTATION_PREFIX}.updater-sets`]: manifest.updaterSets.join(','),
      [`${ANNOTATION_PREFIX}.records`]: String(manifest.records),
    },
  };
  const body = Buffer.from(JSON.stringify(oci));
  const res = await c.request('PUT', `/v2/${ref.repository}/manifests/${ref.tag}`, {
    headers: { 'content-type': OCI_MANIFEST, 'content-length': String(body.length) },
    body,
  });
  await expectStatus(res, [201], `storing the manifest of ${refText(ref)}`);
  const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
  log.info(`Pushed ${manifest.bundle.file} to ${refText(ref)} (${digest}).`);
  if (!opts.signKey) return { digest, manifest };
  const sigTag = await pushSignature(c, ref, digest, opts.signKey, (d, size, content) =>
    uploadBlob(c, ref, d, size, () => Readable.from([content])),
  );
  return { digest, manifest, signatureTag: sigTag };
}

/**
 * Signs an image or artifact already in a registry (`REGISTRY/REPOSITORY@sha256:…`, e.g. a pushed database image)
 * with `k`, storing the signature as cosign does (signing.ts). Returns the signature tag.
 */
export async function signArtifact(pinned: string, k: SigningKey, auth: RegistryAuth): Promise<string> {
  const ref = parseReference(pinned);
  if (!ref?.digest)
    throw new ClairScanError(`cannot sign ${pinned}: not a reference by digest`, {
      hint: 'this is a bug in clair-scan; please report it.',
    });
  const c = client(ref, auth);
  return pushSignature(c, ref, ref.digest, k, (d, size, content) =>
    uploadBlob(c, ref, d, size, () => Readable.from([content])),
  );
}

export async function uploadBlob(
  c: RegistryClient,
  ref: ImageReference,
  digest: string,
  size: number,
  open: () => Readable,
  progressPhase?: string,
): Promise<void> {
  const head = await c.request('HEAD', `/v2/${ref.repository}/blobs/${digest}`);
  await head.body.dump();
  if (head.statusCode === 200) {
    log.debug(`${ref.registry} already has ${digest}`);
    return;
  }
  const start = await c.request('POST', `/v2/${ref.repository}/blobs/uploads/`, { headers: { 'content-length': '0' } });
  await expectStatus(start, [202], `starting an upload to ${ref.registry}/${ref.repository}`);
  const location = String(start.headers.location ?? '');
  if (!location)
    throw new ClairScanError(`${ref.registry} started an upload without a Location`, {
      hint: 'the registry does not follow the OCI distribution spec.',
    });
  const url = new URL(location, 'http://relative.invalid');
  url.searchParams.set('digest', digest);
  const target = /^https?:/i.test(location) ? url.toString() : `${url.pathname}${url.search}`;
  const progress = progressPhase ? startProgress(progressPhase, { totalBytes: size }) : undefined;
  try {
    const src = open();
    // Counted in a pass-through: a 'data' listener on the source would start it flowing before the request reads it,
    // and what it emits while a TLS connection is still being set up is lost (a short body, HTTP 400 or a length error).
    let body: Readable = src;
    if (progress) {
      const meter = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          progress.bytes += chunk.length;
          cb(null, chunk);
        },
      });
      src.on('error', (err) => meter.destroy(err));
      body = src.pipe(meter);
    }
    const put = await c.request('PUT', target, {
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
      body,
    });
    await expectStatus(put, [201], `uploading ${digest} to ${ref.registry}/${ref.repository}`);
  } finally {
    progress?.stop();
  }
}

async function expectStatus(
  res: { statusCode: number; body: { text(): Promise<string> } },
  ok: number[],
  what: string,
): Promise<void> {
  const text = (await res.body.text()).slice(0, 500);
  if (ok.includes(res.statusCode)) return;
  throw new ClairScanError(`${what} failed: HTTP ${res.statusCode}`, {
    hint:
      res.statusCode === 401 || res.statusCode === 403
        ? 'the credentials need push access to this repository (registry-username/registry-password).'
        : "see the registry's answer below.",
    details: text,
  });
}
