/**
 * Security: an image archive is read the way `docker load` reads it (tar semantics: the last entry of a name
 * wins; a hard link is its target at that point), metadata is never read through a link, content-addressed
 * blobs must match their names, spooling has limits (bytes, entries, name length) and every failure removes the
 * temp dir. A file that is not a tar says so, naming the file (fail closed, issue 9).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import { imageFromArchive, scanArchiveInPlace, spoolArchive } from '../../../src/image/archive';
import { resolveFromArchiveFile } from '../../../src/image/archive-file';
import { newRunId, RunState } from '../../../src/environment/run-state';
import type { ResolvedImage } from '../../../src/image/types';
import { expectScanError } from '../../helpers/errors';
import { setTarChecksum } from '../../helpers/layers';

type Entry = {
  name: string;
  data?: Buffer | string;
  type?: 'file' | 'symlink' | 'link' | 'directory';
  linkname?: string;
};

async function tarOf(entries: Entry[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const e of entries) {
    const type = e.type ?? 'file';
    if (type === 'file') pack.entry({ name: e.name, mode: 0o644 }, Buffer.from(e.data ?? ''));
    else if (type === 'directory') pack.entry({ name: e.name, type, mode: 0o755 });
    else pack.entry({ name: e.name, type, linkname: e.linkname });
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const sha = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const hex = (b: Buffer | string): string => sha(b).slice(7);

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'clair-scan-sec-archive-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
const tempDir = (): string => fs.mkdtempSync(path.join(root, `d${n++}-`));

async function load(archive: Buffer): Promise<ResolvedImage> {
  const spooled = await spoolArchive(Readable.from(archive), tempDir());
  return imageFromArchive(spooled, { ref: 'app.tar', source: 'archive', close: async () => undefined });
}

/** One image in docker-save layout: its config, layer and manifest entry. */
async function savedImage(tag: string, file: string): Promise<{ entries: Entry[]; manifest: string; config: string }> {
  const layer = await tarOf([{ name: file, data: `${tag}\n` }]);
  const config = JSON.stringify({
    os: 'linux',
    architecture: 'amd64',
    config: { Labels: { which: tag } },
    rootfs: { type: 'layers', diff_ids: [sha(layer)] },
  });
  const manifest = JSON.stringify([
    { Config: `${hex(config)}.json`, RepoTags: [`${tag}:1`], Layers: [`${tag}/layer.tar`] },
  ]);
  return {
    entries: [
      { name: `${tag}/layer.tar`, data: layer },
      { name: `${hex(config)}.json`, data: config },
    ],
    manifest,
    config,
  };
}

describe('the archive is read as docker load reads it', () => {
  it.each(['symlink', 'link'] as const)(
    'a %s manifest.json does not shadow a later regular manifest.json (the last entry wins)',
    async (type) => {
      const real = await savedImage('real', 'etc/real');
      const decoy = await savedImage('decoy', 'etc/decoy');
      const archive = await tarOf([
        ...real.entries,
        ...decoy.entries,
        { name: 'decoy-manifest.json', data: decoy.manifest },
        { name: 'manifest.json', type, linkname: 'decoy-manifest.json' },
        { name: 'manifest.json', data: real.manifest },
      ]);
      const img = await load(archive);
      expect(img.info.labels).toEqual({ which: 'real' });
      expect(img.info.imageId).toBe(sha(real.config));
    },
  );

  it('a link entry after a regular file of the same name replaces it; as manifest.json that is refused', async () => {
    const real = await savedImage('real', 'etc/real');
    const decoy = await savedImage('decoy', 'etc/decoy');
    const archive = await tarOf([
      ...real.entries,
      ...decoy.entries,
      { name: 'manifest.json', data: real.manifest },
      { name: 'decoy-manifest.json', data: decoy.manifest },
      { name: 'manifest.json', type: 'symlink', linkname: 'decoy-manifest.json' },
    ]);
    const err = await expectScanError(load(archive));
    expect(err.message).toBe('"manifest.json" in the image archive is a link; image metadata must be a regular file');
  });

  it("a hard link is the file its target was at that point, not a later entry of the target's name", async () => {
    const real = await savedImage('real', 'etc/real');
    const layerReal = real.entries[0].data as Buffer;
    const other = await tarOf([{ name: 'etc/other', data: 'other\n' }]);
    const archive = await tarOf([
      { name: 'base/layer.tar', data: layerReal },
      { name: 'real/layer.tar', type: 'link', linkname: 'base/layer.tar' },
      { name: 'base/layer.tar', data: other },
      real.entries[1],
      { name: 'manifest.json', data: real.manifest },
    ]);
    const img = await load(archive);
    expect(img.layers[0].digest).toBe(sha(layerReal));
  });

  it('a directory entry replaces a file of the same name', async () => {
    const real = await savedImage('real', 'etc/real');
    const archive = await tarOf([
      ...real.entries,
      { name: 'manifest.json', data: real.manifest },
      { name: 'manifest.json', type: 'directory' },
    ]);
    const err = await expectScanError(load(archive));
    expect(err.message).toContain('is not a docker-save or OCI image archive (no manifest.json or index.json inside)');
  });

  it('the image config is never read through a link', async () => {
    const real = await savedImage('real', 'etc/real');
    const decoy = await savedImage('decoy', 'etc/decoy');
    const archive = await tarOf([
      real.entries[0],
      decoy.entries[1],
      { name: `${hex(real.config)}.json`, type: 'symlink', linkname: `${hex(decoy.config)}.json` },
      { name: 'manifest.json', data: real.manifest },
    ]);
    const err = await expectScanError(load(archive));
    expect(err.message).toBe(
      `"${hex(real.config)}.json" in the image archive is a link; image metadata must be a regular file`,
    );
  });

  it('an OCI blob whose content does not match its name is refused', async () => {
    const layer = await tarOf([{ name: 'etc/x', data: 'x\n' }]);
    const config = JSON.stringify({
      os: 'linux',
      architecture: 'amd64',
      rootfs: { type: 'layers', diff_ids: [sha(layer)] },
    });
    const decoyConfig = JSON.stringify({
      os: 'linux',
      architecture: 'amd64',
      config: { User: 'root' },
      rootfs: { type: 'layers', diff_ids: [sha(layer)] },
    });
    const manifest = JSON.stringify({
      schemaVersion: 2,
      config: { digest: sha(config), size: config.length },
      layers: [{ digest: sha(layer), size: layer.length }],
    });
    const index = JSON.stringify({
      schemaVersion: 2,
      manifests: [
        { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: sha(manifest), size: manifest.length },
      ],
    });
    const archive = await tarOf([
      { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
      { name: 'index.json', data: index },
      { name: `blobs/sha256/${hex(manifest)}`, data: manifest },
      { name: `blobs/sha256/${hex(config)}`, data: decoyConfig },
      { name: `blobs/sha256/${hex(layer)}`, data: layer },
    ]);
    const err = await expectScanError(load(archive));
    expect(err.message).toBe(
      `"blobs/sha256/${hex(config)}" in the image archive does not have the digest its name says (it is ${sha(decoyConfig)})`,
    );
  });
});

describe('spooling limits', () => {
  it('too many entries', async () => {
    const archive = await tarOf(Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, data: 'x' })));
    const err = await expectScanError(spoolArchive(Readable.from(archive), tempDir(), { limits: { maxEntries: 10 } }));
    expect(err.message).toBe('the image archive has more than 10 entries');
  });

  it('more bytes than allowed (a gzip bomb): stops early, before writing them', async () => {
    const big = Buffer.alloc(8 << 20);
    const bomb = zlib.gzipSync(
      await tarOf([
        { name: 'a', data: big },
        { name: 'b', data: big },
      ]),
    );
    expect(bomb.length).toBeLessThan(100_000);
    const dir = tempDir();
    const err = await expectScanError(
      spoolArchive(Readable.from(bomb).pipe(zlib.createGunzip()), dir, { limits: { maxBytes: 10 << 20 } }),
    );
    expect(err.message).toBe('the image archive holds more than 10 MiB of files, the limit for one image');
    const written = fs.readdirSync(dir).reduce((s, f) => s + fs.statSync(path.join(dir, f)).size, 0);
    expect(written).toBeLessThanOrEqual(8 << 20);
  });

  it('an entry name longer than 4096 bytes (default limit)', async () => {
    const archive = await tarOf([{ name: `${'d/'.repeat(2100)}x`, data: 'x' }]);
    const err = await expectScanError(spoolArchive(Readable.from(archive), tempDir()));
    expect(err.message).toBe('the image archive has an entry name longer than 4096 bytes');
  });
});

/** The archive with the header block at `at` changed by `edit`, its checksum set again. */
function withHeader(archive: Buffer, at: number, edit: (h: Buffer) => void): Buffer {
  const out = Buffer.from(archive);
  const h = out.subarray(at, at + 512);
  edit(h);
  setTarChecksum(h);
  return out;
}

/**
 * Headers that stopped tar-stream or the process (found by the plain reader's mutation test, issue 23): a scan
 * waited forever, or ended with an uncaught error. Each is now an error, from a stream (a daemon's export, a gzipped
 * file) and from an archive file read in place.
 */
describe('headers that hung or crashed the reader', () => {
  const cases: [string, () => Promise<Buffer>, RegExp][] = [
    [
      'a directory entry with content (tar-stream waited for its end forever; docker load skips the bytes)',
      async () =>
        withHeader(
          await tarOf([
            { name: 'd', data: 'hidden entries' },
            { name: 'x', data: 'x' },
          ]),
          0,
          (h) => h.write('5', 156),
        ),
      /^the image archive has a directory "d" with 14 bytes of content, which tar readers read differently$/,
    ],
    [
      'a size field that is not base-256 although it says so (null to tar-stream, which then waited forever)',
      async () =>
        withHeader(
          await tarOf([
            { name: 'a', data: 'x' },
            { name: 'b', data: 'y' },
          ]),
          0,
          (h) => h.set([0x90, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 124),
        ),
      /^the image archive has an entry "a" whose size field cannot be read$/,
    ],
    [
      "cut short inside a link entry that has content (its stream's error was uncaught: the process ended)",
      async () => {
        const a = withHeader(
          await tarOf([
            { name: 'f', data: 'f' },
            { name: 'l', data: 'z'.repeat(3000) },
          ]),
          1024,
          (h) => {
            h.write('1', 156);
            h.write('f\0', 157, 'latin1');
          },
        );
        return a.subarray(0, 1024 + 512 + 1000);
      },
      /^could not read the image archive: /,
    ],
  ];

  it.each(cases)('%s: from a stream', async (_what, make, message) => {
    const err = await expectScanError(spoolArchive(Readable.from(await make()), tempDir()));
    expect(err.message).toMatch(message);
  });

  it.each(cases)('%s: an archive file, in place', async (_what, make, message) => {
    const file = path.join(root, `hostile-${n++}.tar`);
    fs.writeFileSync(file, await make());
    const err = await expectScanError(scanArchiveInPlace(file));
    expect(err.message).toMatch(message);
  });
});

describe('errors remove the temp dir (resolveFromArchiveFile)', () => {
  const state = (): RunState => ({ runId: newRunId(), tempDirs: [] });
  const created = (s: RunState): string[] =>
    fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith(`clair-scan-${s.runId}-`));

  it.each([
    ['a too long entry name', async () => tarOf([{ name: `${'d/'.repeat(2100)}x`, data: 'x' }])],
    ['a hard link to nothing', async () => tarOf([{ name: 'manifest.json', type: 'link', linkname: 'nowhere' }])],
    [
      'a linked manifest.json',
      async () =>
        tarOf([
          { name: 'm', data: '[]' },
          { name: 'manifest.json', type: 'symlink', linkname: 'm' },
        ]),
    ],
  ])('%s', async (_what, make) => {
    const file = path.join(root, `bad-${n++}.tar`);
    fs.writeFileSync(file, await make());
    const s = state();
    await expectScanError(resolveFromArchiveFile(file, s));
    expect(s.tempDirs).toEqual([]);
    expect(created(s)).toEqual([]);
  });
});

describe('a file that is not a tar (fail closed, issue 9)', () => {
  it.each([
    ['a short text file', Buffer.from('just some notes\n')],
    ['a larger binary file', Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 131 + 7) % 251))],
    ['an empty file', Buffer.alloc(0)],
    ['a gzip of something that is not a tar', zlib.gzipSync(Buffer.from('{"not":"a tar"}'.repeat(100)))],
  ])('%s: says it is not a docker-save/OCI archive, names the file and how to make one', async (_what, content) => {
    const file = path.join(root, `notes-${n++}.tar`);
    fs.writeFileSync(file, content);
    const s: RunState = { runId: newRunId(), tempDirs: [] };
    const err = await expectScanError(resolveFromArchiveFile(file, s));
    expect(err.message).toMatch(
      new RegExp(
        `^"${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" is not a docker-save or OCI image archive \\(it is not a tar file`,
      ),
    );
    expect(err.message).not.toMatch(/Unexpected end of data/);
    expect(err.hint).toContain('docker save IMAGE -o file.tar');
    expect(s.tempDirs).toEqual([]);
  });
});
