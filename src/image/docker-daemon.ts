/**
 * Images in a Docker daemon (local or remote): exported through the Engine API and spooled. In a batch
 * (shareLayersInRun), a layer an earlier export of the run spooled (images built on one base) is hard-linked, not
 * written again: the run keeps a link to every layer below an image's top (a top layer's name in docker save
 * includes the image's config, so no other image's export names it the same), up to RUN_LAYER_BYTES, in a temp dir
 * of its own removed at its end.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ClairScanError } from '../util/errors';
import { log } from '../util/log';
import type { DockerClient } from '../environment/docker';
import type { RunState } from '../environment/run-state';
import type { ResolvedImage } from './types';
import { imageFromArchive, spoolArchive, type SpoolReuse } from './archive';
import { makeTempDir } from './temp';
import { formatPlatform, platformMatches, type Platform } from './platform';

let exportsStarted = 0;
/** Exports started from a Docker daemon by this process (benchmarks and tests count the ones skipped: image/known.ts). */
export function daemonExportCount(): number {
  return exportsStarted;
}

let layersLinked = 0;
/** Layers of daemon exports hard-linked from an earlier export of the same run instead of written (tests, benchmarks). */
export function daemonLayersReused(): number {
  return layersLinked;
}

/**
 * Layer entries of a daemon export: `<v1 id>/layer.tar` (docker save's legacy layout: the id is derived from the
 * layer's chain, so a shared layer has the same name in every image's export) or a content-addressed OCI blob.
 */
const LAYER_ENTRY = /^(?:[0-9a-f]{64}\/layer\.tar|blobs\/sha256\/[0-9a-f]{64})$/;
type Spooled = { file: string; sha256: string; size: number };

/** Bytes of layers a run keeps for its later images (beyond it, layers are spooled per image as before). */
export const RUN_LAYER_BYTES = 8 * 2 ** 30;

/** Per run: the layers its daemon exports spooled, by entry name, as links in the run's own temp dir. */
interface RunLayers {
  dir: string;
  byName: Map<string, Spooled>;
  bytes: number;
  count: number;
}
const runLayers = new WeakMap<RunState, RunLayers>();
/** Runs whose daemon exports share layers (a batch: shareLayersInRun); other runs spool per image, as before. */
const sharing = new WeakSet<RunState>();

/**
 * The daemon exports of this run share their layers from now on (batch/run.ts): the run keeps the layers below each
 * image's top in a temp dir of its own, which its cleanup removes.
 */
export function shareLayersInRun(state: RunState): void {
  sharing.add(state);
}

/** The spool hooks of one export; `added`: the names this export put in the run's store (its top layer is dropped). */
function layerReuse(state: RunState, linkedDigests: Set<string>, added: string[]): SpoolReuse {
  const store = (): RunLayers => {
    let r = runLayers.get(state);
    if (!r)
      runLayers.set(state, (r = { dir: makeTempDir(state, 'layers').dir, byName: new Map(), bytes: 0, count: 0 }));
    return r;
  };
  return {
    find: (name, size) => {
      const f = LAYER_ENTRY.test(name) ? runLayers.get(state)?.byName.get(name) : undefined;
      return f && f.size === size ? f : undefined;
    },
    spooled: (name, f, linked) => {
      if (!LAYER_ENTRY.test(name)) return;
      if (linked) {
        layersLinked++;
        linkedDigests.add(f.sha256);
        return;
      }
      const r = store();
      if (r.byName.has(name) || r.bytes + f.size > RUN_LAYER_BYTES) return;
      const kept = path.join(r.dir, `l${r.count++}`);
      try {
        fs.linkSync(f.file, kept);
      } catch {
        return; // another file system: this layer is spooled per image
      }
      r.byName.set(name, { ...f, file: kept });
      r.bytes += f.size;
      added.push(name);
    },
  };
}

/** Drops what this export added to the run's store for its top layer (no other export names it the same). */
function dropTop(state: RunState, added: string[], topDigest: string | undefined): void {
  const r = runLayers.get(state);
  if (!r) return;
  for (const name of added) {
    const f = r.byName.get(name);
    if (!f || f.sha256 !== topDigest) continue;
    r.byName.delete(name);
    r.bytes -= f.size;
    fs.rmSync(f.file, { force: true });
  }
}

export async function isInDaemon(docker: DockerClient, ref: string): Promise<boolean> {
  return (await docker.imageInspect(ref)) !== undefined;
}

/** `platform`: the platform the daemon's image must be (a daemon holds one platform per tag: it is checked, not chosen). */
export async function resolveFromDaemon(
  docker: DockerClient,
  ref: string,
  state: RunState,
  platform?: Platform,
): Promise<ResolvedImage> {
  const inspect = await docker.imageInspect(ref);
  if (!inspect) {
    throw new ClairScanError(`image "${ref}" was not found in the Docker daemon at ${docker.endpoint.host}`, {
      hint: 'build it in an earlier step (docker/build-push-action needs `load: true`), check the name and tag, or scan it from a registry with `registry:<ref>`.',
    });
  }
  if (platform) checkDaemonPlatform(inspect, ref, platform);
  const tmp = makeTempDir(state, 'image');
  try {
    for (let attempt = 0; ; attempt++) {
      const started = Date.now();
      exportsStarted++;
      const linked = new Set<string>();
      const added: string[] = [];
      const stream = await docker.exportImage(ref);
      const spooled = await spoolArchive(stream, tmp.dir, {
        what: `the export of ${ref} from the Docker daemon`,
        reuse: attempt === 0 && sharing.has(state) ? layerReuse(state, linked, added) : undefined,
      });
      log.info(
        `Exported ${ref} from the Docker daemon (${((Date.now() - started) / 1000).toFixed(1)} s${linked.size ? `; ${linked.size} layer${linked.size === 1 ? '' : 's'} already spooled by this run` : ''}).`,
      );
      // Ask for the image by its id: `docker save` of a name may list several tags in one entry.
      const image = imageFromArchive(spooled, {
        ref,
        source: 'docker',
        wanted: undefined,
        repoDigests: inspect.RepoDigests ?? [],
        close: tmp.remove,
      });
      dropTop(state, added, image.layers[image.layers.length - 1]?.digest);
      // A layer taken by its name must be the (uncompressed) layer the config names; otherwise export it all again.
      if (attempt > 0 || image.layers.every((l) => !linked.has(l.digest) || l.digest === l.diffId)) return image;
      log.info(
        `${ref}: a layer taken from an earlier export is not the one its config names; exporting it again without taking any.`,
      );
      await fs.promises.rm(tmp.dir, { recursive: true, force: true });
      await fs.promises.mkdir(tmp.dir, { mode: 0o700 });
    }
  } catch (err) {
    await tmp.remove();
    throw err;
  }
}

/** The platform of the daemon's image, from its inspect data. */
export function daemonPlatform(inspect: { Os?: string; Architecture?: string; Variant?: string }): string {
  return formatPlatform({ os: inspect.Os, architecture: inspect.Architecture, variant: inspect.Variant });
}

function checkDaemonPlatform(
  inspect: { Os?: string; Architecture?: string; Variant?: string },
  ref: string,
  want: Platform,
): void {
  const have = { os: inspect.Os, architecture: inspect.Architecture, variant: inspect.Variant };
  if (platformMatches(want, have)) return;
  throw new ClairScanError(
    `image "${ref}" in the Docker daemon is ${daemonPlatform(inspect)}, not ${formatPlatform(want)}`,
    {
      hint: `a Docker daemon holds one platform per tag: build or pull that platform (docker pull --platform ${formatPlatform(want)} …), or scan the multi-platform image from its registry (registry:<ref>) or an OCI archive.`,
    },
  );
}
