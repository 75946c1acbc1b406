/**
 * Decompressed-size caps: every place clair-scan unpacks data (gzip, zstd) stops at a documented size, so a small
 * compressed input cannot expand into a full disk, an exhausted memory or an hours-long stall (a "bomb"). The
 * numbers are in docs/SECURITY.md ("Decompressed-size caps"); each is far above what a real input holds.
 */
import * as fs from 'node:fs';
import { Transform } from 'node:stream';
import { ClairScanError } from './errors';

const GiB = 2 ** 30;
const MiB = 2 ** 20;

export const CAPS = {
  /**
   * One decompressed vulnerability bundle (clairctl export-updaters JSON lines). Every updater Clair 4.9 has,
   * OSV and Red Hat VEX included, exports to a few GiB of JSON; 32 GiB leaves room for years of growth.
   */
  bundleBytes: 32 * GiB,
  /**
   * One line (one record) of a bundle. A record is one vulnerability of one package, or one enrichment of one CVE
   * (CVSS, EPSS, KEV): kilobytes, the largest real ones (long Red Hat and OSV descriptions, many links) well under a
   * MiB. 64 MiB is also the cap on an image archive's metadata files (image/archive.ts).
   */
  bundleLineBytes: 64 * MiB,
  /** One decompressed image layer (a tar): compliance checks and the uncompressed digest read it. */
  layerBytes: 64 * GiB,
  /**
   * A gzip-compressed image archive (`docker save | gzip`), decompressed: the archive's 64 GiB of files (the
   * spool's own limit, image/archive.ts) plus room for tar headers of its at most 100,000 entries.
   */
  archiveBytes: 64 * GiB + GiB,
  /**
   * The base branch's report artifact (a zip) that the GitHub baseline is read from, and the one entry read out of it
   * (clair-scan-result.json). A batch of hundreds of images with every report format zips to well under 1 GiB; the
   * result JSON of an image with 10,000 findings is about 20 MB; the entry's cap is the one findings/delta.ts reads a
   * baseline file with.
   */
  artifactZipBytes: 2 * GiB,
  artifactEntryBytes: 512 * MiB,
} as const;

/** `n` bytes as a short text: "64 MiB", "32 GiB". */
export function formatCap(n: number): string {
  if (n >= GiB && n % GiB === 0) return `${n / GiB} GiB`;
  if (n >= MiB && n % MiB === 0) return `${n / MiB} MiB`;
  return `${n} bytes`;
}

/**
 * A pass-through stream that fails with a ClairScanError once more than `max` bytes went through it: put it right
 * after a decompressor. `what` names the input ("vulnerability data "x.json.gz"", "layer sha256:…"), `hint` what to
 * do. The error is raised before the byte past the cap is passed on, so nothing beyond the cap is written anywhere.
 */
export function byteCap(max: number, what: string, hint: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      seen += chunk.length;
      if (seen > max) {
        cb(
          new ClairScanError(`${what} decompresses to more than ${formatCap(max)}, the limit clair-scan reads`, {
            hint: `${hint} (a small compressed file can expand to far more than its size; docs/SECURITY.md lists the limits).`,
          }),
        );
        return;
      }
      cb(null, chunk);
    },
  });
}

/**
 * Reads a small local data file whole (kev-data, eol-data): a path that is not a regular file, cannot be read or is
 * larger than `max` is refused before anything is read, with `bad` (the format's own error) or a hint to the input.
 */
export async function readCappedFile(
  file: string,
  max: number,
  kind: string,
  input: string,
  bad: (file: string, what: string) => ClairScanError,
): Promise<Buffer> {
  let size: number;
  try {
    const st = await fs.promises.stat(file);
    if (!st.isFile()) throw bad(file, 'not a regular file');
    size = st.size;
  } catch (err) {
    if (err instanceof ClairScanError) throw err;
    throw new ClairScanError(`${kind} ${JSON.stringify(file)} cannot be read: ${(err as Error).message}`, {
      hint: `check the ${input} path (relative to the working directory).`,
    });
  }
  if (size > max) throw bad(file, `${size} bytes, more than the ${formatCap(max)} clair-scan reads`);
  return fs.promises.readFile(file);
}
