/**
 * Image archive files given by path (`docker save -o`, OCI layout tars). An uncompressed one is read in place
 * (archive.ts scanArchiveInPlace: hashed once, served from its byte ranges, nothing copied); a gzipped one is
 * spooled to a run temp dir.
 */
import * as fs from 'node:fs';
import { ClairScanError } from '../util/errors';
import { byteCap, CAPS } from '../util/caps';
import type { RunState } from '../environment/run-state';
import type { ResolvedImage } from './types';
import * as path from 'node:path';
import { archivePlatforms, imageFromArchive, scanArchiveInPlace, spoolArchive, type SpooledArchive } from './archive';
import type { Platform } from './platform';
import { makeTempDir } from './temp';

/** `path` or `path:tag` (to pick one image from a multi-image archive); throws when the file does not exist. */
export function splitArchiveSpec(spec: string): { file: string; wanted?: string } {
  if (fs.existsSync(spec)) return { file: spec };
  const m = /^(.+?\.(?:tar|tar\.gz|tgz|oci)):(.+)$/.exec(spec);
  if (m && fs.existsSync(m[1])) return { file: m[1], wanted: m[2] };
  throw new ClairScanError(`image archive "${spec}" does not exist`, {
    hint: 'check the path; create the archive with `docker save IMAGE -o image.tar`.',
  });
}

/** The platforms the archive holds (`platform: all`); its spooled copy is removed before this returns. */
export async function archiveFilePlatforms(spec: string, state: RunState): Promise<string[]> {
  return withSpooledArchive(spec, state, {}, async (spooled, wanted, remove) => {
    try {
      return archivePlatforms(spooled, { ref: spec, wanted });
    } finally {
      await remove();
    }
  });
}

/**
 * `maxDecompressedBytes`: the cap on a gzipped archive's tar (default CAPS.archiveBytes; tests use a small one).
 * `platform`: the platform to take from an OCI layout's index (and that the image config must say).
 */
export async function resolveFromArchiveFile(
  spec: string,
  state: RunState,
  opts: { maxDecompressedBytes?: number; platform?: Platform } = {},
): Promise<ResolvedImage> {
  return withSpooledArchive(spec, state, opts, async (spooled, wanted, remove) =>
    imageFromArchive(spooled, { ref: spec, source: 'archive', wanted, close: remove, platform: opts.platform }),
  );
}

/**
 * Reads the archive file (in place, or a gzipped one spooled to a run temp dir) and hands it to `use`; the temp
 * dir is removed if anything throws.
 */
async function withSpooledArchive<T>(
  spec: string,
  state: RunState,
  opts: { maxDecompressedBytes?: number },
  use: (spooled: SpooledArchive, wanted: string | undefined, remove: () => Promise<void>) => Promise<T>,
): Promise<T> {
  const { file, wanted } = splitArchiveSpec(spec);
  // `docker save | gzip` is common: accept a gzipped archive as a whole.
  const head = Buffer.alloc(2);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 2, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head[0] !== 0x1f || head[1] !== 0x8b) {
    // Absolute: the layers are read from this path again later.
    const spooled = await scanArchiveInPlace(path.resolve(file), { what: `"${file}"` });
    return use(spooled, wanted, async () => undefined);
  }
  const tmp = makeTempDir(state, 'archive');
  try {
    const source = fs.createReadStream(file);
    const gunzip = (await import('node:zlib')).createGunzip();
    const cap = byteCap(
      opts.maxDecompressedBytes ?? CAPS.archiveBytes,
      `"${file}"`,
      'check that this is the image archive you meant to scan',
    );
    gunzip.on('error', (err) => cap.destroy(err));
    // The spool stops reading by destroying its input: close the file with it.
    cap.on('close', () => {
      gunzip.destroy();
      source.destroy();
    });
    const input = source.pipe(gunzip).pipe(cap);
    const spooled = await spoolArchive(input as never, tmp.dir, { what: `"${file}"` });
    return await use(spooled, wanted, tmp.remove);
  } catch (err) {
    await tmp.remove();
    throw err;
  }
}
