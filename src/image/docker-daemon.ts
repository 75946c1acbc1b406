/** Images in a Docker daemon (local or remote): exported through the Engine API and spooled. */
import { ClairScanError } from '../util/errors';
import { log } from '../util/log';
import type { DockerClient } from '../environment/docker';
import type { RunState } from '../environment/run-state';
import type { ResolvedImage } from './types';
import { imageFromArchive, spoolArchive } from './archive';
import { makeTempDir } from './temp';

export async function isInDaemon(docker: DockerClient, ref: string): Promise<boolean> {
  return (await docker.imageInspect(ref)) !== undefined;
}

export async function resolveFromDaemon(docker: DockerClient, ref: string, state: RunState): Promise<ResolvedImage> {
  const inspect = await docker.imageInspect(ref);
  if (!inspect) {
    throw new ClairScanError(`image "${ref}" was not found in the Docker daemon at ${docker.endpoint.host}`, {
      hint: 'build it in an earlier step (docker/build-push-action needs `load: true`), check the name and tag, or scan it from a registry with `registry:<ref>`.',
    });
  }
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
