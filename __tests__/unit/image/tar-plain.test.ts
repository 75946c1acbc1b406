/**
 * The plain tar reader (tar-plain.ts, archive-plain.ts readPlainArchive) against tar-stream, the reader it stands in for on
 * uncompressed archive files (issue 23): on every archive it reads, it must give exactly what tar-stream's in-place
 * read gives (names, digests, sizes, byte ranges, links) or the same error; anything it does not read it must leave
 * to tar-stream (undefined), never read differently. Archives from tar-stream's writer and from GNU tar in each of its
 * formats, hand-made headers for the forms only tar-stream reads, and a seeded mutation run over header blocks
 * (with and without the checksum fixed up, cut short, garbage appended).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { spoolArchive, scanArchiveInPlace, type SpooledArchive } from '../../../src/image/archive';
import { readPlainArchive } from '../../../src/image/archive-plain';
import { decodeHeader, decodePax } from '../../../src/image/tar-plain';
import { ClairScanError } from '../../../src/util/errors';
import { makeTar, setTarChecksum } from '../../helpers/layers';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-tar-plain-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
const write = (bytes: Buffer): string => {
  const file = path.join(root, `a${n++}.tar`);
  fs.writeFileSync(file, bytes);
  return file;
};

/** Deterministic bytes (a seeded generator: the mutation run is the same every time). */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function bytes(len: number, seed: number): Buffer {
  const r = rng(seed);
  const b = Buffer.alloc(len);
  for (let i = 0; i < len; i++) b[i] = Math.floor(r() * 256);
  return b;
}

/** An archive read both ways: plain (undefined when it left it to tar-stream) and tar-stream's in-place read. */
async function both(
  file: string,
): Promise<{ plain: SpooledArchive | undefined | ClairScanError; stream: SpooledArchive | Error }> {
  const what = `"${path.basename(file)}"`;
  const settle = async <T>(p: Promise<T>): Promise<T | Error> => p.catch((err: unknown) => err as Error);
  const plain = await settle(readPlainArchive(file, { what }));
  if (plain instanceof Error && !(plain instanceof ClairScanError)) throw plain; // only refusals are thrown
  const stream = await settle(
    spoolArchive(fs.createReadStream(file, { highWaterMark: 1 << 20 }), '', { what, inPlace: file }),
  );
  return { plain, stream };
}

/** What an archive read gives, comparably: every name's file (digest, size, range, first bytes) and the links. */
function view(a: SpooledArchive): unknown {
  return {
    files: [...a.files].map(([name, f]) => [name, f.sha256, f.size, f.offset, f.head?.toString('hex')]),
    links: [...(a.links ?? [])].sort(),
  };
}

/** The plain read agrees with tar-stream's (or left the archive to it); returns which of the two it was. */
async function agrees(file: string): Promise<'read' | 'left' | 'refused'> {
  const { plain, stream } = await both(file);
  if (plain === undefined) return 'left';
  if (plain instanceof ClairScanError) {
    expect(stream).toBeInstanceOf(ClairScanError);
    expect((stream as Error).message).toBe(plain.message);
    return 'refused';
  }
  if (stream instanceof Error) throw new Error(`plain read it, tar-stream said: ${stream.message}`);
  expect(view(plain)).toEqual(view(stream));
  return 'read';
}

const sha = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** The offsets of the header blocks of a (tar-stream written) archive. */
function headerOffsets(archive: Buffer): number[] {
  const out: number[] = [];
  for (let at = 0; at + 512 <= archive.length;) {
    const h = decodeHeader(archive.subarray(at, at + 512));
    if (!h) break;
    out.push(at);
    at += 512 + Math.ceil(h.size / 512) * 512;
  }
  return out;
}

describe('plain archives: read without tar-stream, exactly as tar-stream reads them', () => {
  it('tar-stream-written archive: files of every size around the block and read sizes, links, directories, long names', async () => {
    const file = write(
      await makeTar([
        { name: 'dir/', type: 'directory' },
        { name: 'dir/empty', content: '' },
        { name: 'dir/three', content: 'abc' },
        { name: 'dir/block', content: bytes(512, 1) },
        { name: 'dir/odd', content: bytes(1500, 2) },
        { name: 'dir/big', content: bytes((1 << 20) + 777, 3) },
        { name: 'dir/exact', content: bytes(1 << 20, 4) },
        // Over 100 bytes: tar-stream writes a pax header for it.
        { name: `${'x'.repeat(80)}/${'y'.repeat(80)}/long`, content: 'long' },
        { name: 'hard', type: 'link', linkname: 'dir/odd' },
        { name: 'soft', type: 'symlink', linkname: 'dir/three' },
        { name: 'dir/three', content: 'replaced: the last entry of a name wins' },
        { name: 'manifest.json', content: '[]' },
      ]),
    );
    expect(await agrees(file)).toBe('read');
    const a = (await readPlainArchive(file)) as SpooledArchive;
    expect(a.files.get('dir/big')?.sha256).toBe(sha(bytes((1 << 20) + 777, 3)));
    expect(a.files.get('hard')?.sha256).toBe(sha(bytes(1500, 2)));
    expect(a.files.get('soft')?.sha256).toBe(sha('replaced: the last entry of a name wins'));
    expect(a.files.get(`${'x'.repeat(80)}/${'y'.repeat(80)}/long`)?.size).toBe(4);
    // scanArchiveInPlace takes this path: the same description.
    expect(view(await scanArchiveInPlace(file))).toEqual(view(a));
  });

  it.each(['gnu', 'oldgnu', 'pax', 'posix', 'ustar'])(
    'GNU tar --format=%s: long names and link targets (GNU records, pax records, the ustar prefix), hard links',
    async (format) => {
      const dir = fs.mkdtempSync(path.join(root, 'tree-'));
      const long = `${'d'.repeat(60)}/${'e'.repeat(60)}`;
      fs.mkdirSync(path.join(dir, long), { recursive: true });
      fs.writeFileSync(path.join(dir, long, 'layer.tar'), bytes(70_000, 5));
      fs.writeFileSync(path.join(dir, 'small'), 'small');
      fs.linkSync(path.join(dir, 'small'), path.join(dir, 'hard'));
      // A link target over 100 bytes: only GNU records and pax can hold it (ustar cannot: left out then).
      if (format !== 'ustar') fs.symlinkSync(`${long}/layer.tar`, path.join(dir, 'soft'));
      const file = path.join(root, `${format}-${n++}.tar`);
      execFileSync('tar', [`--format=${format}`, '-cf', file, '-C', dir, '.']);
      expect(await agrees(file)).toBe('read');
      const a = (await readPlainArchive(file)) as SpooledArchive;
      expect(a.files.get(`${long}/layer.tar`)?.sha256).toBe(sha(bytes(70_000, 5)));
      expect(a.files.get('hard')?.sha256).toBe(sha('small'));
      if (format !== 'ustar') expect(a.files.get('soft')?.sha256).toBe(sha(bytes(70_000, 5)));
    },
  );

  it('empty blocks between entries: read on past them, as tar-stream does', async () => {
    const one = await makeTar([{ name: 'a', content: 'A' }]);
    const two = await makeTar([{ name: 'b', content: 'B' }]);
    // `one` ends in two empty blocks (the end-of-archive marker); tar-stream reads the entries after it too.
    const file = write(Buffer.concat([one, two]));
    expect(await agrees(file)).toBe('read');
    expect([...((await readPlainArchive(file)) as SpooledArchive).files.keys()]).toEqual(['a', 'b']);
  });

  it('a pax size record: the entry is that long, not what its header says', async () => {
    const data = bytes(3000, 6);
    const record = (k: string, v: string): string => {
      let len = k.length + v.length + 3;
      len += String(len).length;
      if (String(len).length !== String(len - String(len).length).length) len++;
      return `${len} ${k}=${v}\n`;
    };
    const paxBody = Buffer.from(record('size', '3000') + record('path', 'from-pax'));
    const pax = Buffer.alloc(512);
    pax.write('PaxHeaders/x', 0);
    pax.write('0000644\0', 100);
    pax.write(`${paxBody.length.toString(8).padStart(11, '0')}\0`, 124);
    pax.write('x', 156);
    pax.write('ustar\x0000', 257, 'latin1');
    setTarChecksum(pax);
    const header = Buffer.alloc(512);
    header.write('from-header', 0);
    header.write('0000644\0', 100);
    header.write(`${(0).toString(8).padStart(11, '0')}\0`, 124); // says empty
    header.write('0', 156);
    header.write('ustar\x0000', 257, 'latin1');
    setTarChecksum(header);
    const pad = (b: Buffer): Buffer => Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);
    const file = write(Buffer.concat([pax, pad(paxBody), header, pad(data), Buffer.alloc(1024)]));
    expect(decodePax(paxBody)).toEqual({ size: 3000, path: 'from-pax' });
    expect(await agrees(file)).toBe('read');
    const a = (await readPlainArchive(file)) as SpooledArchive;
    expect(a.files.get('from-pax')?.sha256).toBe(sha(data));
    expect(a.files.has('from-header')).toBe(false);
  });
});

describe('what the plain reader leaves to tar-stream (its answer, or its error, is the one given)', () => {
  /** A tar-stream archive with its first header changed by `edit` (checksum fixed unless `keepSum`). */
  async function edited(edit: (h: Buffer) => void, keepSum = false): Promise<string> {
    const archive = await makeTar([
      { name: 'a', content: 'some bytes' },
      { name: 'b', content: 'more' },
    ]);
    const h = archive.subarray(0, 512);
    edit(h);
    if (!keepSum) setTarChecksum(h);
    return write(archive);
  }

  it.each<[string, (h: Buffer) => void, boolean]>([
    ['a bad checksum', (h) => (h[0] ^= 1), true],
    ['a base-256 size', (h) => h.set([0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10], 124), false],
    ['an unknown magic', (h) => h.write('notar\0', 257, 'latin1'), false],
    ['a device entry', (h) => h.write('3', 156), false],
    ['a contiguous file', (h) => h.write('7', 156), false],
    ['a pax global header', (h) => h.write('g', 156), false],
    ['a directory with content', (h) => h.write('5', 156), false],
    ['a file named as a directory', (h) => h.write('a/\0', 0, 'latin1'), false],
    ['a size after a NUL', (h) => h.write('0000\u00001234567', 124, 'latin1'), false],
  ])('%s', async (_what, edit, keepSum) => {
    const file = await edited(edit, keepSum);
    const { plain, stream } = await both(file);
    expect(plain).toBeUndefined();
    // scanArchiveInPlace gives tar-stream's answer.
    const viaScan = await scanArchiveInPlace(file, { what: `"${path.basename(file)}"` }).catch((e: Error) => e);
    if (stream instanceof Error) expect((viaScan as Error).message).toBe(stream.message);
    else expect(view(viaScan as SpooledArchive)).toEqual(view(stream));
  });

  it('an archive cut short (in a header, in a file) or with trailing bytes that are not a block', async () => {
    const archive = await makeTar([
      { name: 'a', content: bytes(5000, 7) },
      { name: 'b', content: 'b' },
    ]);
    for (const cut of [100, 512 + 1000, archive.length - 1024 - 300]) {
      const { plain, stream } = await both(write(archive.subarray(0, cut)));
      expect(plain).toBeUndefined();
      expect(stream).toBeInstanceOf(Error);
    }
    expect((await both(write(Buffer.concat([archive, Buffer.from('x')])))).plain).toBeUndefined();
  });

  it('a file of empty blocks only: not an archive (tar-stream says so)', async () => {
    const { plain, stream } = await both(write(Buffer.alloc(2048)));
    expect(plain).toBeUndefined();
    expect((stream as Error).message).toMatch(/is not a docker-save or OCI image archive/);
  });

  it('refusals by the entry rules are the same either way (unsafe path, hard link to nothing)', async () => {
    for (const entries of [
      [{ name: '../escape', content: 'x' }],
      [{ name: 'hard', type: 'link' as const, linkname: 'nothing' }],
    ]) {
      const file = write(await makeTar(entries));
      expect(await agrees(file)).toBe('refused');
    }
  });
});

describe('mutations of header blocks (seeded): the plain reader agrees with tar-stream or leaves the archive to it', () => {
  it('600 mutated archives', async () => {
    const base = await makeTar([
      { name: 'dir/', type: 'directory' },
      { name: 'dir/a', content: bytes(1300, 8) },
      // A last part over 100 bytes: no ustar prefix can hold it, tar-stream writes a pax record.
      { name: `${'p'.repeat(120)}/${'q'.repeat(110)}`, content: bytes(700, 9) },
      { name: 'dir/b', content: 'bee' },
      { name: 'hard', type: 'link', linkname: 'dir/a' },
      { name: 'soft', type: 'symlink', linkname: 'dir/b' },
      { name: 'dir/c', content: bytes(2048, 10) },
    ]);
    const heads = headerOffsets(base);
    expect(heads.length).toBe(8); // seven entries, one with a pax record before it
    const r = rng(2312);
    const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
    const outcomes = { read: 0, left: 0, refused: 0 };
    for (let i = 0; i < 600; i++) {
      const a = Buffer.from(base);
      const at = pick(heads);
      const h = a.subarray(at, at + 512);
      const kind = i % 6;
      if (kind === 0)
        h[Math.floor(r() * 512)] = Math.floor(r() * 256); // any byte, checksum left
      else if (kind === 1) h[Math.floor(r() * 512)] = Math.floor(r() * 256);
      else if (kind === 2)
        h[pick([0, 1, 99, 100, 124, 130, 134, 135, 156, 157, 257, 262, 263, 345])] = pick([
          0, 0x20, 0x2f, 0x30, 0x37, 0x38, 0x78, 0x4c, 0x80, 0xff,
        ]);
      else if (kind === 3) h.write(pick(['0', '1', '2', '5', 'x', 'L', 'K', 'g', '7']), 156);
      else if (kind === 4)
        h.write(
          `${Math.floor(r() * 4096)
            .toString(8)
            .padStart(11, '0')}\0`,
          124,
          'latin1',
        );
      else h.write(pick(['../x\0', '/abs\0', 'dir/a\0', 'hard\0', 'dir\0', 'a/../../b\0']), 0, 'latin1');
      if (kind !== 0) setTarChecksum(h);
      const cut = i % 25 === 0 ? Math.floor(r() * a.length) : a.length;
      outcomes[await agrees(write(a.subarray(0, cut)))]++;
      fs.rmSync(path.join(root, `a${n - 1}.tar`));
    }
    // Not vacuous: many were read the plain way (and so compared), others left or refused.
    expect(outcomes.read).toBeGreaterThan(150);
    expect(outcomes.left).toBeGreaterThan(50);
    expect(outcomes.refused).toBeGreaterThan(10);
  });
});
