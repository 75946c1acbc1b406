/**
 * Reading `clairctl export-updaters` bundles as streams: which compression a bundle has (by its magic number),
 * a decompressing stream for it (gzip with zlib; zstd with zlib where Node has it, else the `zstd` CLI), and
 * its JSON lines one by one. Shared by data/snapshot.ts (verification) and environment/range-import.ts
 * (rewriting range records), which may not import each other.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as stream from 'node:stream';
import { Duplex, PassThrough, Readable, Transform } from 'node:stream';
import * as zlib from 'node:zlib';
import { byteCap, CAPS, formatCap } from './caps';
import { ClairScanError, errorMessage } from './errors';

export type BundleCompression = 'none' | 'gzip' | 'zstd';

/** The compression of bundle bytes, by their magic number. */
export function compressionOf(head: Buffer): BundleCompression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  return 'none';
}

/** The compression of a bundle file, by its first bytes. */
export async function compressionOfFile(file: string): Promise<BundleCompression> {
  const head = Buffer.alloc(4);
  const fd = await fs.promises.open(file, 'r');
  try {
    const { bytesRead } = await fd.read(head, 0, 4, 0);
    return compressionOf(head.subarray(0, bytesRead));
  } finally {
    await fd.close();
  }
}

/** stream.compose (Node ≥ 16.9; this @types/node does not declare it): one duplex of a pipe of streams. */
const compose = (stream as unknown as { compose: (...streams: Duplex[]) => Duplex }).compose;

/**
 * A decompressing stream for `compression`; errors carry what went wrong in the compressed data. Its output stops
 * at `maxBytes` (default CAPS.bundleBytes) with a ClairScanError naming `what` (a bomb must not stall the run).
 */
export function decompressor(compression: BundleCompression, opts: { what?: string; maxBytes?: number } = {}): Duplex {
  if (compression === 'none') return new PassThrough();
  const cap = byteCap(
    opts.maxBytes ?? CAPS.bundleBytes,
    opts.what ?? 'the vulnerability bundle',
    'check that this is a bundle written by `clairctl export-updaters` or `clair-scan data export`',
  );
  if (compression === 'gzip') return compose(zlib.createGunzip(), cap);
  const z = zlib as unknown as { createZstdDecompress?: () => Transform };
  if (z.createZstdDecompress) return compose(z.createZstdDecompress(), cap);
  return compose(zstdCli(['-d', '-c', '-q']), cap);
}

/** What forEachLine did (for tests and the bench): how many lines, and how many buffer copies it made. */
export interface LineStats {
  lines: number;
  /** Buffer.concat calls: at most one per line (a line split over several chunks), never one per chunk. */
  concats: number;
}

/**
 * Calls `onLine` for every line of the text (UTF-8, invalid bytes replaced as Go's decoder does), the last one also
 * without a trailing newline. `onLine` may throw: the error ends the stream.
 *
 * Linear in the input: lines are cut at the newline byte (0x0a never occurs inside a UTF-8 sequence), a line's
 * pieces are kept as buffers and joined once. A line longer than `maxLineBytes` (default CAPS.bundleLineBytes)
 * ends the stream with a ClairScanError naming the line number and `what`.
 */
export async function forEachLine(
  source: AsyncIterable<Buffer>,
  onLine: (line: string) => void,
  opts: { what?: string; maxLineBytes?: number; stats?: LineStats } = {},
): Promise<void> {
  const max = opts.maxLineBytes ?? CAPS.bundleLineBytes;
  const stats = opts.stats ?? { lines: 0, concats: 0 };
  let pieces: Buffer[] = [];
  let pending = 0;
  const tooLong = (): ClairScanError =>
    new ClairScanError(
      `line ${stats.lines + 1} of ${opts.what ?? 'the vulnerability bundle'} is longer than ${formatCap(max)}, the limit for one record`,
      {
        hint: 'a record of `clairctl export-updaters` is one vulnerability or enrichment, kilobytes long: this is not such a bundle, or it is damaged; export it again.',
      },
    );
  const emit = (last: Buffer): void => {
    let line: Buffer = last;
    if (pieces.length === 1 && last.length === 0) line = pieces[0];
    else if (pieces.length) {
      line = Buffer.concat([...pieces, last]);
      stats.concats++;
    }
    pieces = [];
    pending = 0;
    stats.lines++;
    onLine(line.toString('utf8'));
  };
  for await (const chunk of source) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      if (pending + nl - start > max) throw tooLong();
      emit(chunk.subarray(start, nl));
      start = nl + 1;
    }
    if (start < chunk.length) {
      pending += chunk.length - start;
      if (pending > max) throw tooLong();
      pieces.push(chunk.subarray(start));
    }
  }
  if (pending > 0) emit(Buffer.alloc(0));
}

/**
 * Runs the `zstd` CLI as a duplex stream (Node < 22.15 has no zstd in zlib): writes go to its stdin, reads come
 * from its stdout, with backpressure both ways. A non-zero exit becomes a stream error carrying zstd's message
 * (e.g. "Read error (39) : premature end", "Unknown frame descriptor").
 */
function zstdCli(args: string[]): Duplex {
  const child = spawn('zstd', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  let exited = false;
  const stdin = child.stdin as NodeJS.WritableStream & { once: NodeJS.WritableStream['once'] };
  const stdout = child.stdout as Readable;
  const d = new Duplex({
    write(chunk: Buffer, _enc, cb) {
      if ((child.stdin as unknown as { write: (c: Buffer) => boolean }).write(chunk)) cb();
      else stdin.once('drain', () => cb());
    },
    final(cb) {
      stdin.end();
      cb();
    },
    read() {
      stdout.resume();
    },
    destroy(err, cb) {
      if (!exited) child.kill();
      cb(err);
    },
  });
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-2000)));
  child.stdin?.on('error', () => undefined); // EPIPE when zstd stops early: its exit status says why.
  stdout.on('data', (c: Buffer) => {
    if (!d.push(c)) stdout.pause();
  });
  child.on('error', (err) => {
    exited = true;
    d.destroy((err as NodeJS.ErrnoException).code === 'ENOENT' ? zstdMissing(err) : err);
  });
  child.on('close', (code) => {
    exited = true;
    if (code === 0) d.push(null);
    else d.destroy(new Error(`zstd exited with ${code}: ${stderr.trim() || 'no message'}`));
  });
  return d;
}

/**
 * An error's message, also for errors of another realm (Node's own under jest) that fail `instanceof Error`; never
 * empty (util/errors.ts errorMessage).
 */
export function errorText(err: unknown): string {
  return errorMessage(err);
}

function zstdMissing(err: unknown): ClairScanError {
  return new ClairScanError(
    `cannot decompress a .zst vulnerability bundle: the zstd program is not installed (${errorText(err)})`,
    {
      hint: 'install zstd (Debian/Ubuntu: apt-get install zstd; Alpine: apk add zstd), run on Node.js 22.15 or newer, or use a .json.gz bundle.',
    },
  );
}

/**
 * The value of `name` in a JSON object as Go's encoding/json reads it into a struct field: keys match without
 * regard to case. undefined when absent. Two spellings of one key (e.g. "range" and "Range") are ambiguous —
 * which one Go keeps depends on their order in the text, which JSON.parse does not keep — so they throw.
 */
export function goField(obj: Record<string, unknown>, name: string): { key: string; value: unknown } | undefined {
  let found: { key: string; value: unknown } | undefined;
  const want = goFold(name);
  for (const key of Object.keys(obj)) {
    // Cheap tests first (this runs for every record of a bundle's verification pass): the folded forms of these
    // ASCII names have the same length in UTF-16.
    if (key.length !== name.length || (key !== name && goFold(key) !== want)) continue;
    if (found) throw new Error(`the keys "${found.key}" and "${key}" both set ${name}`);
    found = { key, value: obj[key] };
  }
  return found;
}

/** Go's case folding for ASCII names: also the long s (ſ → s) and the Kelvin sign (K → k, which toLowerCase does). */
function goFold(s: string): string {
  return s.toLowerCase().replace(/\u017f/g, 's');
}

/**
 * The vulnerability of a bundle record (`Kind` "vulnerability", its `Vuln` object), as claircore's jsonblob
 * loader reads it; undefined for enrichment records and records without one.
 */
export function vulnOf(rec: Record<string, unknown>): Record<string, unknown> | undefined {
  if (rec.Kind !== 'vulnerability') return undefined;
  const v = goField(rec, 'Vuln')?.value;
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/**
 * Whether a record carries a version range (`Vuln.range` not null): what claircore's OSV updater writes for
 * SEMVER ecosystems (Go, npm, crates.io …) and what clairctl 4.9.0 cannot import (environment/range-import.ts).
 */
export function hasRange(rec: Record<string, unknown>): boolean {
  const v = vulnOf(rec);
  if (!v) return false;
  const r = goField(v, 'range');
  return r !== undefined && r.value !== null;
}
