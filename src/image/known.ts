/**
 * Re-scans of images Clair already knows, without exporting them (issue 23): a daemon image's manifest digest is
 * computed from `docker image inspect` without reading a layer; when Clair holds a finished index report of exactly
 * that digest, the image comes back with lazy layers, exported only if someone (Clair, when its scanners changed)
 * reads one. Any doubt means the export path, never a guess; an export that turns out to be another image (the tag
 * moved) fails. Why and the cases: docs/decisions/known-images.md.
 */
import * as path from 'node:path';
import { ClairScanError } from '../util/errors';
import { log } from '../util/log';
import type { DockerClient } from '../environment/docker';
import { contentManifestDigest, imageInfoOf, rawConfigOf, type ImageConfigJson } from './oci';
import { parseReference, stableName } from './reference';
import type { ImageInfo } from '../findings/model';
import type { ImageLayer, ResolvedImage } from './types';

/** What this module needs of Clair (clair/known.ts `clairKnows`; image/ never imports clair/). */
export interface KnownManifests {
  /** Whether Clair holds a finished, current index report of `hash` made from these layers; `why` is for the log. */
  check(hash: string, layerDigests: string[]): Promise<{ known: boolean; why: string; quiet?: boolean }>;
}

/** The media type the export path gives a `docker save` layer (an uncompressed tar, sniffed as such). */
export const TAR_LAYER = 'application/vnd.oci.image.layer.v1.tar';

const SHA256 = /^sha256:[0-9a-f]{64}$/;

/** What `docker image inspect` + `docker image history` say of an image, as the export would show it. */
export interface DaemonProbe {
  hash: string;
  configDigest: string;
  diffIds: string[];
  config: ImageConfigJson;
  repoDigests: string[];
}

type Inspect = NonNullable<Awaited<ReturnType<DockerClient['imageInspect']>>>;

/**
 * The manifest digest and image config the export path would compute for this daemon image, from inspect and
 * history alone; a string (the doubt) when they cannot be known exactly that way.
 */
export function probeFromInspect(
  inspect: Inspect,
  history: { CreatedBy?: string; Size?: number }[],
): DaemonProbe | string {
  const configDigest = inspect.Id;
  const diffIds = inspect.RootFS?.Layers ?? [];
  if (!SHA256.test(configDigest ?? '')) return `the image id "${configDigest}" is not a sha256 digest`;
  if (inspect.RootFS?.Type !== 'layers' || diffIds.length === 0 || !diffIds.every((d) => SHA256.test(d)))
    return 'the daemon lists no sha256 layers for it';
  // History: newest first from the API. Empty layers (ENV, ARG …) have size 0; the config's empty_layer flags are
  // not in the answer, so they are known only when exactly the layer count of entries have a size.
  const oldestFirst = [...history].reverse();
  const sized = oldestFirst.filter((h) => (h.Size ?? 0) > 0).length;
  if (oldestFirst.length > 0 && sized !== diffIds.length)
    return `its history has ${sized} entries with a size for ${diffIds.length} layers (empty layers cannot be told apart)`;
  const c = inspect.Config as
    { User?: string; Labels?: Record<string, string> | null; Env?: string[] | null } | undefined;
  const config: ImageConfigJson = {
    architecture: inspect.Architecture,
    os: inspect.Os,
    created: inspect.Created,
    config: { User: c?.User ?? '', Labels: c?.Labels ?? null, Env: c?.Env ?? null },
    rootfs: { type: 'layers', diff_ids: diffIds },
    history: oldestFirst.length
      ? oldestFirst.map((h) => ({ created_by: h.CreatedBy ?? '', empty_layer: !((h.Size ?? 0) > 0) }))
      : undefined,
  };
  const hash = contentManifestDigest(
    configDigest,
    diffIds.map((d) => ({ digest: d, mediaType: TAR_LAYER })),
  );
  return { hash, configDigest, diffIds, config, repoDigests: inspect.RepoDigests ?? [] };
}

/**
 * The daemon image without an export when Clair already knows its content, else undefined (the caller exports
 * as before). `exportImage` is the export path; the lazy layers call it at most once, on first read.
 */
export async function openKnownDaemonImage(
  docker: DockerClient,
  ref: string,
  known: KnownManifests,
  exportImage: () => Promise<ResolvedImage>,
): Promise<ResolvedImage | undefined> {
  const inspect = await docker.imageInspect(ref);
  if (!inspect) return undefined;
  const probe = probeFromInspect(inspect, await docker.imageHistory(ref));
  if (typeof probe === 'string') {
    log.info(`${ref}: exporting it from the Docker daemon: ${probe}.`);
    return undefined;
  }
  const verdict = await known.check(probe.hash, probe.diffIds);
  if (!verdict.known) {
    (verdict.quiet ? log.debug : log.info)(`${ref}: exporting it from the Docker daemon: ${verdict.why}.`);
    return undefined;
  }
  log.info(
    `${ref}: export skipped: ${verdict.why} (Clair re-checks its scanners when indexing and fetches the layers, exporting them then, only if they changed).`,
  );
  return lazyImage(ref, probe, exportImage);
}

function lazyImage(ref: string, probe: DaemonProbe, exportImage: () => Promise<ResolvedImage>): ResolvedImage {
  let exported: Promise<ResolvedImage> | undefined;
  let done: ResolvedImage | undefined;
  const exportOnce = (): Promise<ResolvedImage> =>
    (exported ??= exportImage().then(async (img) => {
      // The name may have moved to another image since the inspect: that is not the image Clair was asked about.
      if (img.info.imageId !== probe.configDigest) {
        await img.close();
        throw new ClairScanError(
          `${ref} changed in the Docker daemon during the scan (it was ${probe.configDigest}, the export is ${img.info.imageId})`,
          {
            hint: 'do not retag the image while it is being scanned; run the scan again.',
          },
        );
      }
      done = img;
      return img;
    }));
  const layerOf = async (digest: string): Promise<{ layer: ImageLayer; tar: boolean }> => {
    const img = await exportOnce();
    const same = img.layers.find((l) => l.digest === digest);
    if (same) return { layer: same, tar: false };
    // A daemon that exports compressed blobs (containerd's store): the tar inside has the digest Clair was given.
    const byDiff = img.layers.find((l) => l.diffId === digest);
    if (byDiff) return { layer: byDiff, tar: true };
    throw new ClairScanError(`the export of ${ref} has no layer ${digest}`, {
      hint: 'the image changed during the scan; run the scan again.',
    });
  };
  const layers: ImageLayer[] = probe.diffIds.map((d) => ({
    digest: d,
    diffId: d,
    mediaType: TAR_LAYER,
    open: async () => {
      const { layer, tar } = await layerOf(d);
      return tar ? layer.openTar() : layer.open();
    },
    openTar: async () => (await layerOf(d)).layer.openTar(),
    uncompressedDigest: async () => {
      const { layer } = await layerOf(d);
      if (layer.uncompressedDigest) return layer.uncompressedDigest();
      throw new ClairScanError(`the export of ${ref} cannot tell the content digest of layer ${d}`, {
        hint: 'run the scan again.',
      });
    },
  }));
  const parsed = parseReference(ref);
  const info = imageInfoOf(probe.config, {
    ref,
    name: parsed ? stableName(parsed) : path.basename(ref),
    tag: parsed?.tag,
    source: 'docker',
    manifestDigest: probe.hash,
    imageId: probe.configDigest,
    repoDigests: probe.repoDigests,
    layers: probe.diffIds.map((d) => ({ digest: d, diffId: d })),
  });
  let assigned: ImageInfo | undefined;
  return {
    // Once exported (Clair fetched a layer), the export's description, sizes included, when it is the same manifest.
    get info(): ImageInfo {
      return assigned ?? (done && done.info.manifestDigest === probe.hash ? done.info : info);
    },
    set info(v: ImageInfo) {
      assigned = v;
    },
    layers,
    rawConfig: rawConfigOf(probe.config),
    close: async () => {
      if (!exported) return;
      const img = await exported.catch(() => undefined);
      await img?.close();
    },
  };
}
