/**
 * Reading `clairctl export-updaters` bundles as streams: which compression a bundle has (by its magic number),
 * a decompressing stream for it (gzip with zlib; zstd with zlib where Node has it, else the `zstd` CLI), and
 * its JSON lines one by one. Shared by data/snapshot.ts (verification) and environment/range-import.ts
 * (rewriting range records), which may not import each other.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { Duplex, PassThrough, Readable, Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import * as zlib from 'node:zlib';
import { ClairScanError } from './errors';

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

/** A decompressing stream for `compression`; errors carry what went wrong in the compressed data. */
export function decompressor(compression: BundleCompression): Duplex {
  if (compression === 'none') return new PassThrough();
  if (compression === 'gzip') return zlib.createGunzip();
  const z = zlib as unknown as { createZstdDecompress?: () => Transform };
  if (z.createZstdDecompress) return z.createZstdDecompress();
  return zstdCli(['-d', '-c', '-q']);
}

/**
 * Calls `onLine` for every line of the decoded text (UTF-8, invalid bytes replaced as Go's decoder does), the
 * last one also without a trailing newline. `onLine` may throw: the error ends the stream.
 */
export async function forEachLine(source: AsyncIterable<Buffer>, onLine: (line: string) => void): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for await (const chunk of source) {
    const text = carry + decoder.write(chunk);
    const lines = text.split('\n');
    carry = lines.pop() ?? '';
    for (const l of lines) onLine(l);
  }
  carry += decoder.end();
  if (carry !== '') onLine(carry);
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

/** An error's message, also for errors of another realm (Node's own under jest) that fail `instanceof Error`. */
export function errorText(err: unknown): string {
  const m = (err as { message?: unknown })?.message;
  return typeof m === 'string' ? m : String(err);
}

function zstdMissing(err: unknown): ClairScanError {
  return new ClairScanError(`cannot decompress a .zst vulnerability bundle: the zstd program is not installed (${errorText(err)})`, {
    hint: 'install zstd (Debian/Ubuntu: apt-get install zstd; Alpine: apk add zstd), run on Node.js 22.15 or newer, or use a .json.gz bundle.',
  });
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
