/**
 * The OCI / Docker image JSON the image sources read (descriptors, image config), and what is built from it the
 * same way for every source: the platform chosen from an index, the model's `ImageInfo`, the raw config the
 * secrets check reads.
 */
import { createHash } from 'node:crypto';
import type { ImageInfo } from '../findings/model';
import type { ResolvedImage } from './types';

/** An OCI descriptor (index.json entries, manifest config/layers, image index manifests). */
export interface OciDescriptor {
  mediaType?: string;
  digest: string;
  size?: number;
  annotations?: Record<string, string>;
  platform?: { os?: string; architecture?: string; variant?: string };
}

/** The image config blob (OCI image config / Docker image JSON): the parts read here. */
export interface ImageConfigJson {
  architecture?: string;
  os?: string;
  variant?: string;
  created?: string;
  config?: { User?: string; Labels?: Record<string, string> | null; Env?: string[] | null };
  rootfs?: { type?: string; diff_ids?: string[] };
  history?: { created_by?: string; empty_layer?: boolean }[];
}

/** Multi-platform indexes: linux/amd64 first, else the first linux manifest, else the first. */
export function pickPlatform<T extends OciDescriptor>(list: T[]): T | undefined {
  const arch = process.arch === 'arm64' ? 'arm64' : 'amd64';
  return (
    list.find((d) => d.platform?.os === 'linux' && d.platform.architecture === arch) ??
    list.find((d) => d.platform?.os === 'linux' && d.platform.architecture !== 'unknown') ??
    list.find((d) => d.platform?.architecture !== 'unknown') ??
    list[0]
  );
}

/**
 * The model's description of an image, from its config: metadata, and per layer (base first) the history line
 * that created it (history entries of empty layers — ENV, ARG … — are skipped).
 */
export function imageInfoOf(
  config: ImageConfigJson,
  o: Pick<ImageInfo, 'ref' | 'name' | 'tag' | 'source' | 'manifestDigest' | 'imageId' | 'repoDigests'> & {
    layers: { digest: string; diffId: string; size?: number }[];
  },
): ImageInfo {
  const history = (config.history ?? []).filter((h) => !h.empty_layer);
  return {
    ref: o.ref,
    name: o.name,
    tag: o.tag,
    source: o.source,
    manifestDigest: o.manifestDigest,
    imageId: o.imageId,
    repoDigests: o.repoDigests,
    os: config.os,
    architecture: config.architecture,
    user: config.config?.User ?? '',
    created: config.created,
    labels: config.config?.Labels ?? {},
    layers: o.layers.map((l, i) => ({
      digest: l.digest,
      diffId: l.diffId,
      size: l.size,
      createdBy: history[i]?.created_by,
    })),
  };
}

/** Env and history as the secrets check reads them (see ResolvedImage.rawConfig). */
export function rawConfigOf(
  config: Pick<ImageConfigJson, 'config' | 'history'>,
): NonNullable<ResolvedImage['rawConfig']> {
  return {
    env: (config.config?.Env ?? []).filter((e): e is string => typeof e === 'string'),
    history: (config.history ?? []).map((h) => ({
      createdBy: typeof h.created_by === 'string' ? h.created_by : '',
      emptyLayer: !!h.empty_layer,
    })),
  };
}

/**
 * The manifest digest clair-scan gives Clair for an image that has no registry manifest (daemon, archive): the
 * sha256 of a canonical OCI manifest of the content. Clair keys everything by it but never verifies it, so it must
 * bind the exact bytes Clair indexes: the config digest (which binds the diff ids) and, per layer, the digest and
 * media type of the blob as served. Sizes are left out on purpose: a digest already binds its size, and the
 * Docker daemon tells digests without an export but not the sizes of the tars an export would write — so a
 * re-scan computes the same digest from `docker image inspect` (image/known.ts) as the export does.
 */
export function contentManifestDigest(configDigest: string, layers: { digest: string; mediaType: string }[]): string {
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest },
    layers: layers.map((l) => ({ mediaType: l.mediaType, digest: l.digest })),
  };
  return `sha256:${createHash('sha256').update(JSON.stringify(manifest)).digest('hex')}`;
}
