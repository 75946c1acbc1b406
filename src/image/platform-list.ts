/**
 * `platform: all`: one scan target per platform an image offers, each the same request with its platform set
 * (`ImageRequest.platform`). The targets then run through the per-image steps like any list of images (scan.ts's
 * loop, batch mode's queue), so every report, the comment and the outputs have one labelled result per platform,
 * and one platform that fails to scan fails the run.
 */
import { ClairScanError } from '../util/errors';
import type { DockerClient } from '../environment/docker';
import type { RunState } from '../environment/run-state';
import type { ImageRequest, ImageSourceKind } from './reference';
import type { ImageSettings } from './index';
import { registryPlatforms } from './registry';
import { archiveFilePlatforms } from './archive-file';
import { daemonPlatform } from './docker-daemon';

/** The platforms of the image `req` names, read from `source` (where locateImage found it). */
export async function imagePlatforms(
  req: ImageRequest,
  source: ImageSourceKind,
  settings: ImageSettings,
  docker: () => DockerClient,
  state: RunState,
): Promise<string[]> {
  switch (source) {
    case 'registry':
      return registryPlatforms(req.ref, settings.registry);
    case 'archive':
      return archiveFilePlatforms(req.ref, state);
    case 'docker': {
      // The daemon keeps one platform per tag: "every platform" cannot be read from it, and scanning the one it
      // has as if it were all of them would weaken the gate silently.
      const inspect = await docker().imageInspect(req.ref);
      throw new ClairScanError(
        `platform: all cannot scan "${req.ref}" from the Docker daemon, which holds only its ${inspect ? daemonPlatform(inspect) : 'one'} platform`,
        {
          hint: 'scan the multi-platform image from its registry (registry:<ref>) or from an OCI archive (skopeo copy --all … oci-archive:file.tar), or set platform to one platform.',
        },
      );
    }
  }
}

/** `req` as one target per platform (in the index's order); requests that already name a platform stay as they are. */
export async function platformTargets(
  req: ImageRequest,
  source: ImageSourceKind,
  settings: ImageSettings,
  docker: () => DockerClient,
  state: RunState,
): Promise<ImageRequest[]> {
  if (settings.platform !== 'all' || req.platform) return [req];
  return (await imagePlatforms(req, source, settings, docker, state)).map((platform) => ({ ...req, platform }));
}
