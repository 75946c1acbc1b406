/**
 * Image sources: which one an image comes from (`locateImage`), opening it as a `ResolvedImage` (`openImage`:
 * Docker daemon, archive file, registry — each streams its layers, nothing is held in memory), and the layer
 * server Clair fetches them from. `reference.ts` owns image names (source prefixes, tags, the stable name),
 * `oci.ts` the OCI/Docker JSON shapes shared by the sources.
 *
 * May import: util/, findings/model (types), environment/ (the Docker client, run state, addresses); never
 * inputs/ (which imports reference.ts: the settings are taken as `ImageSettings`), clair/, policy/, report/, publish/.
 */
import * as fs from 'node:fs';
import { ClairScanError } from '../util/errors';
import type { DockerClient } from '../environment/docker';
import type { RunState } from '../environment/run-state';
import { layerServerAddressFor, localAddressTowards } from '../environment/address';
import type { ResolvedImage } from './types';
import { isInDaemon, resolveFromDaemon } from './docker-daemon';
import { resolveFromArchiveFile, splitArchiveSpec } from './archive-file';
import { resolveFromRegistry, type RegistryAuth } from './registry';
import { parseReference, type ImageRequest, type ImageSourceKind } from './reference';
import { parseBindAddress, startLayerServer, type LayerServer } from './layer-server';
import { openKnownDaemonImage, type KnownManifests } from './known';
import { parsePlatform, type Platform, type PlatformSpec } from './platform';

/** What choosing and reading images needs of the settings (a parsed `Settings` is one). */
export interface ImageSettings {
  imageSource: 'auto' | ImageSourceKind;
  registry: RegistryAuth;
  /** `layer-server-address`, already validated by parseSettings. */
  layerServerAddress?: string;
  /** `platform` (image/platform.ts): unset = each source's default choice; `all` expands into targets (platform-list.ts). */
  platform?: PlatformSpec;
}

/** The platform an image must be read as: a `platform: all` target's own, else the `platform` input's one platform. */
function wantedPlatform(req: ImageRequest, settings: ImageSettings): Platform | undefined {
  if (req.platform) return parsePlatform(req.platform);
  return settings.platform === 'all' ? undefined : settings.platform;
}

/** Fails on an image name that is neither an existing archive path nor a valid reference (no I/O beyond a stat). */
export function validateRequest(r: ImageRequest, settings: ImageSettings): void {
  const source = r.source ?? (settings.imageSource === 'auto' ? undefined : settings.imageSource);
  if (source === 'archive' || (source === undefined && fs.existsSync(r.ref))) return;
  if (!parseReference(r.ref)) {
    throw new ClairScanError(`"${r.ref}" is not a valid image reference`, {
      hint: 'use the form [registry/]name[:tag][@sha256:digest] (lower-case), e.g. myapp:ci or ghcr.io/org/app:1.2, or the path of an image archive.',
    });
  }
}

/**
 * Where an image comes from. `auto`: an existing file is an archive; an image the daemon has is read from there;
 * a name carrying a registry host is read from that registry. Cheap (no layer is read), so the scan calls it for
 * every image before starting any container: a typo fails in a second, not after Clair has started.
 */
export async function locateImage(
  req: ImageRequest,
  settings: ImageSettings,
  docker: () => DockerClient,
): Promise<ImageSourceKind> {
  const explicit = req.source ?? (settings.imageSource === 'auto' ? undefined : settings.imageSource);
  if (explicit === 'archive') splitArchiveSpec(req.ref);
  if (explicit === 'docker') {
    const d = docker();
    await d.ping();
    if (!(await isInDaemon(d, req.ref)))
      throw new ClairScanError(`image "${req.ref}" was not found in the Docker daemon at ${d.endpoint.host}`, {
        hint: NOT_FOUND_HINT,
      });
  }
  if (explicit) return explicit;
  if (fs.existsSync(req.ref)) return 'archive';
  const d = docker();
  await d.ping();
  if (await isInDaemon(d, req.ref)) return 'docker';
  const notInDaemon = `image "${req.ref}" was not found in the Docker daemon at ${d.endpoint.host}`;
  if (!(parseReference(req.ref) && /^[^/]+[.:][^/]*\/|^localhost\//.test(req.ref))) {
    throw new ClairScanError(notInDaemon, { hint: NOT_FOUND_HINT });
  }
  // The name carries a registry host: it must be there, and if it is not either, say both.
  try {
    await (await resolveFromRegistry(req.ref, settings.registry)).close();
  } catch (err) {
    const why = err instanceof ClairScanError ? err.message : String(err);
    throw new ClairScanError(`${notInDaemon}, and the registry did not provide it either (${why})`, {
      hint: NOT_FOUND_HINT,
    });
  }
  return 'registry';
}

const NOT_FOUND_HINT =
  'build it in an earlier step (docker/build-push-action needs `load: true`) and check the name and tag; to scan from a registry, write `registry:<ref>` (Docker Hub is never used implicitly).';

/**
 * Opens the image from its source. `source`: where locateImage already found it (it is not looked up again).
 * `known`: Clair's index, asked before a daemon image is exported (known.ts: a re-scan of what Clair already
 * indexed exports nothing).
 */
export async function openImage(
  req: ImageRequest,
  settings: ImageSettings,
  docker: () => DockerClient,
  state: RunState,
  source?: ImageSourceKind,
  known?: KnownManifests,
): Promise<ResolvedImage> {
  const platform = wantedPlatform(req, settings);
  const image = await openFrom(
    source ?? (await locateImage(req, settings, docker)),
    req,
    settings,
    docker,
    state,
    platform,
    known,
  );
  // A `platform: all` target is labelled with its platform wherever the image is named (every report, the comment).
  if (req.platform) image.info = { ...image.info, ref: `${image.info.ref} (${req.platform})`, platform: req.platform };
  return image;
}

async function openFrom(
  source: ImageSourceKind,
  req: ImageRequest,
  settings: ImageSettings,
  docker: () => DockerClient,
  state: RunState,
  platform: Platform | undefined,
  known?: KnownManifests,
): Promise<ResolvedImage> {
  switch (source) {
    case 'archive':
      return resolveFromArchiveFile(req.ref, state, platform ? { platform } : {});
    case 'registry':
      return resolveFromRegistry(req.ref, settings.registry, platform);
    case 'docker': {
      const d = docker();
      await d.ping();
      const exportIt = (): Promise<ResolvedImage> => resolveFromDaemon(d, req.ref, state, platform);
      // A platform asked for is checked on the export (resolveFromDaemon): such scans always export.
      return (known && !platform && (await openKnownDaemonImage(d, req.ref, known, exportIt))) || exportIt();
    }
  }
}

/**
 * The layer server, bound where Clair reaches us: `layer-server-address` if set; else, for an ephemeral Clair,
 * the address the Docker daemon's containers reach us by; else the local address towards `clairUrl`.
 */
export async function openLayerServer(
  settings: ImageSettings,
  clair: { ephemeral: boolean; process?: boolean; client: { url: string } },
  docker: () => DockerClient,
): Promise<LayerServer> {
  if (settings.layerServerAddress) return startLayerServer(parseBindAddress(settings.layerServerAddress));
  let host: string;
  // clair-mode: process: Clair runs here and is reached on loopback, like an existing Clair (no Docker daemon asked).
  if (clair.ephemeral && !clair.process) host = await layerServerAddressFor(docker().endpoint);
  else {
    const u = new URL(clair.client.url);
    host = await localAddressTowards(
      u.hostname.replace(/^\[|\]$/g, ''),
      Number(u.port || (u.protocol === 'https:' ? 443 : 80)),
    );
  }
  return startLayerServer({ bindHost: host });
}
