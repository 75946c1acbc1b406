/**
 * Archive files read in place (issue 23, archive.ts scanArchiveInPlace): an uncompressed archive is hashed once and
 * its entries are byte ranges of the file — no copy, no temp dir. The ranges must be exactly the entries' data for
 * every header form real writers use (ustar, pax and GNU long names), and the hostile cases stay errors: entry sizes
 * that run past the end of the file, a file changed or cut short after the scan, duplicate names (the last wins, as
 * docker load reads it), links (resolved to their target's range). A gzipped archive is still spooled.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import * as tar from 'tar-stream';
import { imageFromArchive, scanArchiveInPlace, spoolArchive } from '../../../src/image/archive';
import { resolveFromArchiveFile } from '../../../src/image/archive-file';
import { newRunId, type RunState } from '../../../src/environment/run-state';
import type { ResolvedImage } from '../../../src/image/types';
import { expectScanError } from '../../helpers/errors';

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

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-archive-in-place-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
const write = (bytes: Buffer): string => {
  const file = path.join(root, `a${n++}.tar`);
  fs.writeFileSync(file, bytes);
  return file;
};

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

const state = (): RunState => ({ runId: newRunId(), tempDirs: [] });
const tempDirsOf = (s: RunState): string[] =>
  fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith(`clair-scan-${s.runId}-`));

/** A docker-save (legacy) image: its layers under the given entry names, a config and manifest.json. */
function savedImage(layers: { name: string; data: Buffer }[], configName = 'config.json'): Entry[] {
  const config = JSON.stringify({
    os: 'linux',
    architecture: 'amd64',
    rootfs: { type: 'layers', diff_ids: layers.map((l) => sha(l.data)) },
  });
  return [
    ...layers.map((l) => ({ name: l.name, data: l.data })),
    { name: configName, data: config },
    {
      name: 'manifest.json',
      data: JSON.stringify([{ Config: configName, RepoTags: ['app:1'], Layers: layers.map((l) => l.name) }]),
    },
  ];
}

async function inPlace(file: string): Promise<ResolvedImage> {
  return imageFromArchive(await scanArchiveInPlace(file), {
    ref: file,
    source: 'archive',
    close: async () => undefined,
  });
}

let layerA: Buffer;
let layerB: Buffer;
beforeAll(async () => {
  // Sizes that are not multiples of 512, and one over the 1 MiB read size.
  layerA = await tarOf([{ name: 'etc/a', data: randomBytes(1500) }]);
  layerB = await tarOf([{ name: 'usr/b', data: randomBytes((1 << 20) + 777) }]);
});

describe('in place: the same image as the spool, each entry exactly its byte range', () => {
  it('legacy layout: digests, manifest digest and the bytes each layer serves; no temp dir', async () => {
    const archive = await tarOf(
      savedImage([
        { name: 'l1/layer.tar', data: layerA },
        { name: 'l2/layer.tar', data: layerB },
      ]),
    );
    const file = write(archive);
    const s = state();
    const image = await resolveFromArchiveFile(file, s);
    expect(s.tempDirs).toEqual([]);
    expect(tempDirsOf(s)).toEqual([]);
    const spooled = imageFromArchive(
      await spoolArchive(Readable.from(archive), fs.mkdtempSync(path.join(root, 's-'))),
      {
        ref: file,
        source: 'archive',
        close: async () => undefined,
      },
    );
    expect(image.info).toEqual(spooled.info);
    expect(image.layers.map((l) => [l.digest, l.size, l.mediaType])).toEqual([
      [sha(layerA), layerA.length, 'application/vnd.oci.image.layer.v1.tar'],
      [sha(layerB), layerB.length, 'application/vnd.oci.image.layer.v1.tar'],
    ]);
    expect(sha(await readAll(await image.layers[0].open()))).toBe(sha(layerA));
    expect(sha(await readAll(await image.layers[1].open()))).toBe(sha(layerB));
    expect(sha(await readAll(await image.layers[1].openTar()))).toBe(sha(layerB));
    expect(await image.layers[1].uncompressedDigest?.()).toBe(sha(layerB));
  });

  it.each(['gnu', 'pax', 'ustar'])(
    'GNU tar --format=%s with long entry names (GNU ././@LongLink, pax headers): the ranges are the data',
    async (format) => {
      const dir = fs.mkdtempSync(path.join(root, 'tree-'));
      // Over 100 bytes (the ustar name field); ustar puts it into its 155-byte prefix.
      const long = `${'d'.repeat(60)}/${'e'.repeat(60)}`;
      const gz = zlib.gzipSync(layerA);
      const entries = savedImage([
        { name: `${long}/layer.tar`, data: layerB },
        { name: `${long}/gz-layer.tar`, data: gz },
      ]);
      for (const e of entries) {
        fs.mkdirSync(path.dirname(path.join(dir, e.name)), { recursive: true });
        fs.writeFileSync(path.join(dir, e.name), e.data as Buffer | string);
      }
      const file = path.join(root, `${format}-${n++}.tar`);
      execFileSync('tar', [`--format=${format}`, '-cf', file, '-C', dir, 'manifest.json', 'config.json', long]);
      const image = await inPlace(file);
      expect(image.layers.map((l) => [l.digest, l.mediaType])).toEqual([
        [sha(layerB), 'application/vnd.oci.image.layer.v1.tar'],
        [sha(gz), 'application/vnd.oci.image.layer.v1.tar+gzip'],
      ]);
      expect(sha(await readAll(await image.layers[0].open()))).toBe(sha(layerB));
      expect(sha(await readAll(await image.layers[1].open()))).toBe(sha(gz));
      expect(sha(await readAll(await image.layers[1].openTar()))).toBe(sha(layerA));
    },
  );

  it('OCI layout: blobs are checked against their names, read in place', async () => {
    const config = JSON.stringify({
      os: 'linux',
      architecture: 'amd64',
      rootfs: { type: 'layers', diff_ids: [sha(layerA)] },
    });
    const manifest = JSON.stringify({
      schemaVersion: 2,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha(config), size: config.length },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: sha(layerA), size: layerA.length }],
    });
    const file = write(
      await tarOf([
        { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
        { name: `blobs/sha256/${sha(layerA).slice(7)}`, data: layerA },
        { name: `blobs/sha256/${sha(config).slice(7)}`, data: config },
        { name: `blobs/sha256/${sha(manifest).slice(7)}`, data: manifest },
        {
          name: 'index.json',
          data: JSON.stringify({
            schemaVersion: 2,
            manifests: [
              { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: sha(manifest), size: manifest.length },
            ],
          }),
        },
      ]),
    );
    const image = await inPlace(file);
    expect(image.layers.map((l) => l.digest)).toEqual([sha(layerA)]);
    expect(image.info.imageId).toBe(sha(config));
    expect(sha(await readAll(await image.layers[0].open()))).toBe(sha(layerA));
  });
});

describe('in place: hostile archives', () => {
  it('an entry whose size runs past the end of the file (truncated archive): an error, nothing left behind', async () => {
    const archive = await tarOf(savedImage([{ name: 'l1/layer.tar', data: layerB }]));
    // Cut inside the layer's data: its header still says the full size.
    const file = write(archive.subarray(0, 512 + 100_000));
    const s = state();
    const err = await expectScanError(resolveFromArchiveFile(file, s));
    expect(err.message).toMatch(/^could not read ".*": /);
    expect(err.hint).toMatch(/complete `docker save`/);
    expect(s.tempDirs).toEqual([]);
    expect(tempDirsOf(s)).toEqual([]);
  });

  it('a size field that lies (larger than the data that follows): the next header is not where it says', async () => {
    const archive = Buffer.from(await tarOf(savedImage([{ name: 'l1/layer.tar', data: layerA }])));
    // The first entry's size field (octal, offset 124) claims 1 GiB; its checksum (offset 148) made valid again.
    archive.write('10000000000\0', 124, 'latin1');
    archive.fill(' ', 148, 156);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += archive[i];
    archive.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    const err = await expectScanError(resolveFromArchiveFile(write(archive), state()));
    expect(err.message).toMatch(/^could not read ".*": /);
  });

  it('the file cut short after the scan: reading a layer past the new end fails, never ends early', async () => {
    const archive = await tarOf(savedImage([{ name: 'l1/layer.tar', data: layerB }]));
    const file = write(archive);
    const image = await inPlace(file);
    fs.truncateSync(file, 512 + 4096);
    await expect(readAll(await image.layers[0].open())).rejects.toThrow(/changed while it was being scanned/);
    await expect(readAll(await image.layers[0].openTar())).rejects.toThrow(/changed while it was being scanned/);
  });

  it('what Clair is served: a layer stream read whole, destroyed mid-way or failing leaves no file open; a removed archive is an error', async () => {
    const archive = await tarOf(savedImage([{ name: 'l1/layer.tar', data: layerB }]));
    const file = write(archive);
    const image = await inPlace(file);
    const fds = (): number => fs.readdirSync('/proc/self/fd').length;
    const before = fds();
    expect(sha(await readAll(await image.layers[0].open()))).toBe(sha(layerB));
    const partly = await image.layers[0].open();
    await new Promise<void>((resolve) => partly.once('data', () => resolve()));
    partly.destroy();
    await new Promise((resolve) => partly.once('close', resolve));
    fs.truncateSync(file, 512 + 4096);
    await expect(readAll(await image.layers[0].open())).rejects.toThrow(/changed while it was being scanned/);
    expect(fds()).toBe(before);
    fs.rmSync(file);
    await expect(readAll(await image.layers[0].open())).rejects.toThrow(/ENOENT/);
    expect(fds()).toBe(before);
  });

  it('layer bytes changed after the scan (same length): compliance reads get an error, not the new bytes', async () => {
    const archive = await tarOf(savedImage([{ name: 'l1/layer.tar', data: layerA }]));
    const file = write(archive);
    const image = await inPlace(file);
    const changed = Buffer.from(archive);
    changed[512 + 600] ^= 0xff;
    fs.writeFileSync(file, changed);
    const got: Buffer[] = [];
    const reading = (async () => {
      for await (const c of await image.layers[0].openTar()) got.push(c as Buffer);
    })();
    await expect(reading).rejects.toThrow(/changed while it was being scanned/);
    // The last (here: only) chunk is held back until the digest is checked.
    expect(got).toEqual([]);
  });

  it('metadata changed between the scan and its reading: refused, not parsed', async () => {
    const archive = await tarOf(savedImage([{ name: 'l1/layer.tar', data: layerA }]));
    const file = write(archive);
    const scanned = await scanArchiveInPlace(file);
    const at = archive.indexOf('"amd64"');
    const changed = Buffer.from(archive);
    changed.write('"arm64"', at);
    fs.writeFileSync(file, changed);
    let err: unknown;
    try {
      imageFromArchive(scanned, { ref: file, source: 'archive', close: async () => undefined });
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).toMatch(/changed while it was being scanned/);
  });

  it('duplicate names: the last entry of a name is the one served (as docker load reads it)', async () => {
    const decoy = await tarOf([{ name: 'etc/decoy', data: 'decoy\n' }]);
    const file = write(
      await tarOf([{ name: 'l1/layer.tar', data: decoy }, ...savedImage([{ name: 'l1/layer.tar', data: layerA }])]),
    );
    const image = await inPlace(file);
    expect(image.layers[0].digest).toBe(sha(layerA));
    expect(sha(await readAll(await image.layers[0].open()))).toBe(sha(layerA));
  });

  it('symbolic and hard links are their target’s range; a link to a later-replaced name keeps what it linked', async () => {
    const entries = savedImage([
      { name: 'l1/layer.tar', data: layerA },
      { name: 'l2/layer.tar', data: layerB },
    ]);
    const file = write(
      await tarOf([
        { name: 'blob-a', data: layerA },
        { name: 'blob-b', data: layerB },
        { name: 'l1/layer.tar', type: 'link', linkname: 'blob-a' },
        { name: 'l2/layer.tar', type: 'symlink', linkname: '../blob-b' },
        // Replacing blob-a afterwards changes neither the hard link (a copy at that point) …
        { name: 'blob-a', data: 'not a layer' },
        ...entries.slice(2),
      ]),
    );
    const image = await inPlace(file);
    expect(image.layers.map((l) => l.digest)).toEqual([sha(layerA), sha(layerB)]);
    expect(sha(await readAll(await image.layers[0].open()))).toBe(sha(layerA));
    expect(sha(await readAll(await image.layers[1].open()))).toBe(sha(layerB));
  });

  it('a symbolic link manifest.json is still refused in place', async () => {
    const entries = savedImage([{ name: 'l1/layer.tar', data: layerA }]);
    const file = write(
      await tarOf([
        ...entries.slice(0, 2),
        { name: 'm.json', data: entries[2].data },
        { name: 'manifest.json', type: 'symlink', linkname: 'm.json' },
      ]),
    );
    const err = await expectScanError(resolveFromArchiveFile(file, state()));
    expect(err.message).toBe('"manifest.json" in the image archive is a link; image metadata must be a regular file');
  });

  it('a gzipped archive is spooled (offsets in a decompressed stream are no file ranges), its temp dir removed on close', async () => {
    const file = write(zlib.gzipSync(await tarOf(savedImage([{ name: 'l1/layer.tar', data: layerA }]))));
    const s = state();
    const image = await resolveFromArchiveFile(file, s);
    expect(s.tempDirs).toHaveLength(1);
    expect(sha(await readAll(await image.layers[0].open()))).toBe(sha(layerA));
    await image.close();
    expect(tempDirsOf(s)).toEqual([]);
  });
});
