/**
 * Security (issue 20, parsers): a bundle's lines are split in linear time and capped (CAPS.bundleLineBytes), and its
 * decompressed size is capped (CAPS.bundleBytes). Before, a single 32 MiB line took seconds (every chunk re-split
 * the whole pending line) and a small gzip of a 512 MiB line stalled a run for half an hour: now the line over the
 * cap is refused with exit 2, naming its number. Speed itself is measured in bench/, not here: these tests assert
 * the number of copies a long line costs.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { decompressor, forEachLine, type LineStats } from '../../../src/util/bundle-stream';
import { CAPS } from '../../../src/util/caps';
import { scanBundle } from '../../../src/data/snapshot';
import { runCli } from '../../../src/cli';
import { ClairScanError } from '../../../src/util/errors';
import { expectScanError } from '../../helpers/errors';

const MiB = 2 ** 20;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'clair-scan-sec-lines-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** `total` bytes of `byte`, as chunks of `chunk` bytes (one shared buffer: the test itself stays cheap). */
async function* repeated(total: number, chunk: number, byte = 0x61): AsyncGenerator<Buffer> {
  const b = Buffer.alloc(chunk, byte);
  for (let left = total; left > 0; left -= chunk) yield left >= chunk ? b : b.subarray(0, left);
}

async function* concat(...parts: AsyncIterable<Buffer>[]): AsyncGenerator<Buffer> {
  for (const p of parts) yield* p;
}

async function* bytes(...b: (Buffer | string)[]): AsyncGenerator<Buffer> {
  for (const x of b) yield Buffer.from(x);
}

const record = (updater: string, ref: string): string =>
  JSON.stringify({
    Updater: updater,
    Fingerprint: '',
    Date: '2026-01-01T00:00:00Z',
    Ref: ref,
    Kind: 'vulnerability',
    Vuln: { Name: ref },
  });

describe('forEachLine is linear', () => {
  it('a 32 MiB line in 4 KiB chunks is joined with one copy, whole and exact', async () => {
    const stats: LineStats = { lines: 0, concats: 0 };
    const lengths: number[] = [];
    await forEachLine(concat(repeated(32 * MiB, 4096), bytes('\nshort\n')), (l) => lengths.push(l.length), { stats });
    expect(lengths).toEqual([32 * MiB, 5]);
    expect(stats).toEqual({ lines: 2, concats: 1 });
  });

  it('lines across chunk boundaries, empty lines, no final newline, UTF-8 split between chunks', async () => {
    const euro = Buffer.from('€'); // 3 bytes, split over two chunks below
    const stats: LineStats = { lines: 0, concats: 0 };
    const lines: string[] = [];
    await forEachLine(
      bytes(
        'ab',
        'c\n\nd',
        Buffer.concat([Buffer.from('e'), euro.subarray(0, 1)]),
        Buffer.concat([euro.subarray(1), Buffer.from('\nlast')]),
      ),
      (l) => lines.push(l),
      { stats },
    );
    expect(lines).toEqual(['abc', '', 'de€', 'last']);
    // One copy per line that spans chunks (abc, de€), none per chunk.
    expect(stats.concats).toBe(2);
  });

  it('invalid UTF-8 is replaced as before (U+FFFD), a lone trailing newline gives no extra line', async () => {
    const lines: string[] = [];
    await forEachLine(bytes(Buffer.from([0x61, 0xff, 0x62, 0x0a])), (l) => lines.push(l));
    expect(lines).toEqual(['a\ufffdb']);
  });

  it('a line over the cap is refused, naming its number, before it is joined', async () => {
    const seen: string[] = [];
    const err = await expectScanError(
      forEachLine(concat(bytes('one\ntwo\n'), repeated(2 * MiB + 1, 65536)), (l) => seen.push(l), {
        maxLineBytes: 2 * MiB,
        what: 'vulnerability data "x"',
      }),
    );
    expect(err.message).toBe('line 3 of vulnerability data "x" is longer than 2 MiB, the limit for one record');
    expect(err.exitCode).toBe(2);
    expect(seen).toEqual(['one', 'two']);
    // Exactly at the cap is fine.
    await forEachLine(repeated(2 * MiB, 65536), () => undefined, { maxLineBytes: 2 * MiB });
  });

  it('the default cap is 64 MiB (CAPS.bundleLineBytes, docs/SECURITY.md)', () => {
    expect(CAPS.bundleLineBytes).toBe(64 * MiB);
  });
});

describe('a bundle whose line is a bomb', () => {
  /** A gzip of one valid record, then a line of `n` bytes (no newline): small on disk, huge decompressed. */
  async function bomb(n: number): Promise<string> {
    const file = path.join(root, `bomb-${n}.json.gz`);
    await pipeline(
      Readable.from(concat(bytes(`${record('debian', 'r1')}\n`), repeated(n, 65536, 0x20))),
      zlib.createGzip({ level: 9 }),
      fs.createWriteStream(file),
    );
    return file;
  }

  it('scanBundle of a small gzip with a line over 64 MiB: exit 2 naming line 2', async () => {
    const file = await bomb(CAPS.bundleLineBytes + 1);
    expect(fs.statSync(file).size).toBeLessThan(MiB);
    const err = await expectScanError(scanBundle(file));
    expect(err.message).toMatch(/^line 2 of .* is longer than 64 MiB, the limit for one record$/);
    expect(err.hint).toMatch(/export it again/);
  });

  it('`clair-scan data info` on it exits 2 and says which line', async () => {
    const file = await bomb(CAPS.bundleLineBytes + 1);
    let stderr = '';
    const spy = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true));
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await runCli(['data', 'info', file], {})).toBe(2);
    } finally {
      spy.mockRestore();
      out.mockRestore();
    }
    expect(stderr).toMatch(/error: line 2 of .* is longer than 64 MiB/);
  });
});

describe('decompressed size is capped', () => {
  it('a gzip that expands past the cap fails naming what and the cap', async () => {
    const gz = zlib.gzipSync(Buffer.alloc(3 * MiB, 0x0a));
    const sink = (async (s: AsyncIterable<Buffer>) => {
      for await (const c of s) void c;
    }) as (s: AsyncIterable<Buffer>) => Promise<void>;
    const err = await pipeline(
      Readable.from([gz]),
      decompressor('gzip', { maxBytes: 2 * MiB, what: 'vulnerability data "b.json.gz"' }),
      sink,
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ClairScanError);
    expect((err as ClairScanError).message).toBe(
      'vulnerability data "b.json.gz" decompresses to more than 2 MiB, the limit clair-scan reads',
    );
    // Under the cap it passes everything through.
    let n = 0;
    await pipeline(
      Readable.from([gz]),
      decompressor('gzip', { maxBytes: 3 * MiB }),
      async (s: AsyncIterable<Buffer>) => {
        for await (const c of s) n += c.length;
      },
    );
    expect(n).toBe(3 * MiB);
  });

  it('zstd is capped too', async () => {
    const z = zlib as unknown as { zstdCompressSync?: (b: Buffer) => Buffer };
    // Node < 22.15 has no zstd in zlib: decompressor then uses the zstd CLI, which needs a compressed input made by it.
    const input = z.zstdCompressSync
      ? z.zstdCompressSync(Buffer.alloc(3 * MiB, 0x0a))
      : require('node:child_process').execFileSync('zstd', ['-c', '-q'], { input: Buffer.alloc(3 * MiB, 0x0a) });
    const err = await pipeline(
      Readable.from([input]),
      decompressor('zstd', { maxBytes: 2 * MiB }),
      async (s: AsyncIterable<Buffer>) => {
        for await (const c of s) void c;
      },
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((err as ClairScanError).message).toMatch(/decompresses to more than 2 MiB/);
  });

  it('the default bundle cap is 32 GiB (docs/SECURITY.md)', () => {
    expect(CAPS.bundleBytes).toBe(32 * 2 ** 30);
  });
});
