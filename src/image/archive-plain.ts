/**
 * Uncompressed archive files read without streams (issue 23): plain tar headers (tar-plain.ts) decoded as tar-stream
 * decodes them, each regular file's bytes hashed from two reused buffers. Loaded on use by archive.ts
 * scanArchiveInPlace: a daemon's export never needs it (util/lazy.ts).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import {
  DEFAULT_ARCHIVE_LIMITS,
  EntryRules,
  RANGE_CHUNK,
  type ArchiveLimits,
  type EntryHeader,
  type SpooledArchive,
} from './archive';
import { BLOCK, decodeHeader, decodePax } from './tar-plain';

/**
 * Read buffers readPlainArchive hands on from one archive to the next: a fresh 1 MiB buffer per archive was a
 * garbage collection every few images of a batch (V8 collects after so much memory outside its heap).
 */
const READ_BUFFERS: Buffer[] = [];
const MAX_READ_BUFFERS = 8;

/**
 * Reads an uncompressed archive file in place when it is plain tar (tar-plain.ts): each header decoded as tar-stream
 * does, each regular file's bytes read into two reused buffers in turn and hashed; nothing allocated per chunk and no
 * stream. undefined as soon as the archive leaves that subset (or ends early): the caller then reads it with
 * tar-stream, which gives its answer or its error. The entry rules' errors are thrown as they are (the entries
 * before were decoded as tar-stream decodes them).
 */
export async function readPlainArchive(
  file: string,
  opts: { what?: string; limits?: Partial<ArchiveLimits> } = {},
): Promise<SpooledArchive | undefined> {
  const rules = new EntryRules(opts.what ?? 'the image archive', { ...DEFAULT_ARCHIVE_LIMITS, ...opts.limits });
  const fd = await fs.promises.open(file, 'r');
  let release = (): unknown => undefined;
  try {
    const end = (await fd.stat()).size;
    // Two: one is hashed while the other is read.
    const bufs = [0, 1].map(() => READ_BUFFERS.pop() ?? Buffer.allocUnsafe(RANGE_CHUNK));
    release = () => bufs.forEach((b) => READ_BUFFERS.length < MAX_READ_BUFFERS && READ_BUFFERS.push(b));
    const block = Buffer.allocUnsafe(BLOCK);
    /** Exactly `len` bytes at `at` into `into`, else false (the file is shorter). */
    const readAt = async (into: Buffer, len: number, at: number): Promise<boolean> => {
      for (let done = 0; done < len;) {
        const { bytesRead } = await fd.read(into, done, len - done, at + done);
        if (bytesRead === 0) return false;
        done += bytesRead;
      }
      return true;
    };
    const padded = (n: number): number => Math.ceil(n / BLOCK) * BLOCK;
    let pax: { path?: string; linkpath?: string; size?: number } | undefined;
    let longPath: string | undefined;
    let longLink: string | undefined;
    let at = 0;
    while (at < end) {
      if (end - at < BLOCK || !(await readAt(block, BLOCK, at))) return undefined;
      const h = decodeHeader(block);
      if (h === undefined) return undefined;
      const offset = at + BLOCK;
      if (h === null) {
        at = offset;
        continue;
      }
      // The padding to the next block must be there too: tar-stream reads it (and says the file ends early without).
      if (offset + padded(h.size) > end) return undefined;
      if (h.type === 'pax-header' || h.type === 'gnu-long-path' || h.type === 'gnu-long-link-path') {
        const record = Buffer.allocUnsafe(h.size);
        if (!(await readAt(record, h.size, offset))) return undefined;
        if (h.type === 'pax-header') {
          pax = decodePax(record);
          if (!pax) return undefined;
        } else {
          const nul = record.indexOf(0);
          const text = record.toString('utf8', 0, nul < 0 ? h.size : nul);
          if (!text) return undefined;
          if (h.type === 'gnu-long-path') longPath = text;
          else longLink = text;
        }
        at = offset + padded(h.size);
        continue;
      }
      // The records before apply to this entry, in tar-stream's order.
      const header: EntryHeader = { ...h };
      if (longPath !== undefined) header.name = longPath;
      if (longLink !== undefined) header.linkname = longLink;
      if (pax?.path !== undefined) header.name = pax.path;
      if (pax?.linkpath !== undefined) header.linkname = pax.linkpath;
      const size = pax?.size ?? h.size;
      header.size = size;
      pax = longPath = longLink = undefined;
      if (size !== 0 && h.type !== 'file') return undefined;
      if (offset + padded(size) > end) return undefined;
      const name = rules.entry(header);
      if (name !== undefined) {
        const hash = createHash('sha256');
        let head = Buffer.alloc(0);
        const read = (k: number, from: number): Promise<boolean> =>
          readAt(bufs[k], Math.min(RANGE_CHUNK, size - from), offset + from);
        let ahead = size > 0 ? read(0, 0) : undefined;
        for (let done = 0, k = 0; done < size; k ^= 1) {
          // The only read in flight: nothing is pending when this returns early.
          if (!(await ahead)) return undefined;
          const n = Math.min(RANGE_CHUNK, size - done);
          const chunk = bufs[k].subarray(0, n);
          done += n;
          // The next chunk is read (on the thread pool) while this one is hashed.
          ahead = done < size ? read(k ^ 1, done) : undefined;
          hash.update(chunk);
          // The first bytes, for the compression sniff: taken from the hashed bytes, not read again.
          if (head.length === 0) head = Buffer.from(chunk.subarray(0, 4));
        }
        rules.file(name, { file, sha256: `sha256:${hash.digest('hex')}`, size, offset, head });
      }
      at = offset + padded(size);
    }
    // Nothing but empty blocks: tar-stream's answer (not a tar) is the one given.
    return rules.seen === 0 ? undefined : rules.archive('');
  } finally {
    release();
    await fd.close();
  }
}
