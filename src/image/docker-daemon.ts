/** Images in a Docker daemon (local or remote): exported through the Engine API and spooled. */
import { ClairScanError } from '../util/errors';
import { log } from '../util/log';
import type { DockerClient } from '../environment/docker';
import type { RunState } from '../environment/run-state';
import type { ResolvedImage } from './types';
import { imageFromArchive, spoolArchive } from './archive';
import { makeTempDir } from './temp';
import { formatPlatform, platformMatches, type Platform } from './platform';

export async function isInDaemon(docker: DockerClient, ref: string): Promise<boolean> {
  return (await docker.imageInspect(ref)) !== undefined;
}

/** `platform`: the platform the daemon's image must be (a daemon holds one platform per tag: it is checked, not chosen). */
export async function resolveFromDaemon(docker: DockerClient, ref: string, state: RunState, platform?: Platform): Promise<ResolvedImage> {
  const inspect = await docker.imageInspect(ref);
  if (!inspect) {
    throw new ClairScanError(`image "${ref}" was not found in the Docker daemon at ${docker.endpoint.host}`, {
      hint: 'build it in an earlier step (docker/build-push-action needs `load: true`), check the name and tag, or scan it from a registry with `registry:<ref>`.',
    });
  }
  if (platform) checkDaemonPlatform(inspect, ref, platform);
  const tmp = makeTempDir(state, 'image');
  try {
    const started = Date.now();
    const stream = await docker.exportImage(ref);
    const spooled = await spoolArchive(stream, tmp.dir, { what: `the export of ${ref} from the Docker daemon` });
    log.info(`Exported ${ref} from the Docker daemon (${((Date.now() - started) / 1000).toFixed(1)} s).`);
    // Ask for the image by its id: `docker save` of a name may list several tags in one entry.
    return imageFromArchive(spooled, { ref, source: 'docker', wanted: undefined, repoDigests: inspect.RepoDigests ?? [], close: tmp.remove });
  } catch (err) {
    await tmp.remove();
    throw err;
  }
}

/** The platform of the daemon's image, from its inspect data. */
export function daemonPlatform(inspect: { Os?: string; Architecture?: string; Variant?: string }): string {
  return formatPlatform({ os: inspect.Os, architecture: inspect.Architecture, variant: inspect.Variant });
}

function checkDaemonPlatform(inspect: { Os?: string; Architecture?: string; Variant?: string }, ref: string, want: Platform): void {
  const have = { os: inspect.Os, architecture: inspect.Architecture, variant: inspect.Variant };
  if (platformMatches(want, have)) return;
  throw new ClairScanError(`image "${ref}" in the Docker daemon is ${daemonPlatform(inspect)}, not ${formatPlatform(want)}`, {
    hint: `a Docker daemon holds one platform per tag: build or pull that platform (docker pull --platform ${formatPlatform(want)} …), or scan the multi-platform image from its registry (registry:<ref>) or an OCI archive.`,
  });
}
