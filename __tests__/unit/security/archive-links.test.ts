/**
 * Security (issue 20, parsers): an image archive that uses one name both as a directory and as a link (or a file) is
 * refused with exit 2, naming the entry, before anything after it is spooled. `docker load` unpacks the archive to
 * disk, where such a link redirects the entries under it: it would load another config or layer than the one
 * clair-scan read by name (shown against a real `docker load` in __tests__/e2e/security/archive-links.test.ts).
 * Both layouts: docker save's manifest.json and OCI's index.json + blobs/. Also the caps on decompressed archives
 * and layers (docs/SECURITY.md).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import { decompress, imageFromArchive, spoolArchive } from '../../../src/image/archive';
import { resolveFromArchiveFile } from '../../../src/image/archive-file';
import { newRunId, RunState } from '../../../src/environment/run-state';
import { CAPS } from '../../../src/util/caps';
import { ClairScanError } from '../../../src/util/errors';
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
const hex = (b: Buffer | string): string => sha(b).slice(7);

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'clair-scan-sec-links-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
const tempDir = (): string => fs.mkdtempSync(path.join(root, `d${n++}-`));

async function load(archive: Buffer, dir = tempDir()): Promise<unknown> {
  const spooled = await spoolArchive(Readable.from(archive), dir);
  return imageFromArchive(spooled, { ref: 'app.tar', source: 'archive', close: async () => undefined });
}

/** A one-layer image whose config carries the label which=<which>; both configs share the layer. */
async function image(): Promise<{ layer: Buffer; clean: string; evil: string }> {
  const layer = await tarOf([{ name: 'etc/os-release', data: 'ID=debian\n' }]);
  const config = (which: string): string =>
    JSON.stringify({
      os: 'linux',
      architecture: 'amd64',
      config: { Labels: { which } },
      rootfs: { type: 'layers', diff_ids: [sha(layer)] },
    });
  return { layer, clean: config('clean'), evil: config('evil') };
}

const REFUSED = (entry: string, kind: string, detail: string): string =>
  `the image archive has "${entry}" as ${kind} ${detail}: docker load would read other files than clair-scan reads`;

describe('docker save layout (manifest.json)', () => {
  it('a symbolic link that replaces a directory (after the entries under it) is refused, naming it', async () => {
    const { layer, clean, evil } = await image();
    const manifest = JSON.stringify([{ Config: 'cfg/config.json', RepoTags: ['app:1'], Layers: ['l/layer.tar'] }]);
    const archive = await tarOf([
      { name: 'cfg/', type: 'directory' },
      { name: 'cfg/config.json', data: clean },
      { name: 'cfg', type: 'symlink', linkname: 'evil' },
      { name: 'evil/config.json', data: evil },
      { name: 'l/layer.tar', data: layer },
      { name: 'manifest.json', data: manifest },
    ]);
    const err = await expectScanError(load(archive));
    expect(err.message).toBe(REFUSED('cfg', 'a symbolic link', 'and also entries inside it ("cfg/config.json")'));
    expect(err.exitCode).toBe(2);
    expect(err.hint).toMatch(/Export the image again/);
  });

  it('a symbolic link that replaces an (empty) directory entry is refused', async () => {
    const err = await expectScanError(
      load(
        await tarOf([
          { name: 'cfg/', type: 'directory' },
          { name: 'cfg', type: 'symlink', linkname: 'evil' },
        ]),
      ),
    );
    expect(err.message).toBe(REFUSED('cfg', 'a symbolic link', 'that replaces a directory of that name'));
  });

  it('a symbolic link on a path prefix of later entries is refused before they are spooled', async () => {
    const { layer, clean, evil } = await image();
    const dir = tempDir();
    const archive = await tarOf([
      { name: 'l/layer.tar', data: layer },
      { name: 'cfg', type: 'symlink', linkname: 'evil' },
      { name: 'cfg/config.json', data: clean },
      { name: 'evil/config.json', data: evil },
      { name: 'manifest.json', data: JSON.stringify([{ Config: 'cfg/config.json', Layers: ['l/layer.tar'] }]) },
    ]);
    const err = await expectScanError(load(archive, dir));
    expect(err.message).toBe(REFUSED('cfg', 'a symbolic link', 'and also entries inside it ("cfg/config.json")'));
    // Only the layer, which came before the link, was written: nothing of the entries under or after it.
    expect(fs.readdirSync(dir)).toEqual(['f0']);
  });

  it.each([
    ['a hard link', 'link' as const],
    ['a file', 'file' as const],
  ])('%s that is also the parent of other entries is refused', async (kind, type) => {
    const entries: Entry[] = [
      { name: 'x', data: 'x' },
      type === 'link' ? { name: 'cfg', type: 'link', linkname: 'x' } : { name: 'cfg', data: 'not a dir' },
      { name: 'cfg/config.json', data: '{}' },
    ];
    const err = await expectScanError(load(await tarOf(entries)));
    expect(err.message).toBe(REFUSED('cfg', kind, 'and also entries inside it ("cfg/config.json")'));
  });

  it('a link deeper in the path (a/b as a link, a/b/c/config.json) is refused too', async () => {
    const err = await expectScanError(
      load(
        await tarOf([
          { name: 'a/b', type: 'symlink', linkname: '../evil' },
          { name: 'a/b/c/config.json', data: '{}' },
        ]),
      ),
    );
    expect(err.message).toBe(REFUSED('a/b', 'a symbolic link', 'and also entries inside it ("a/b/c/config.json")'));
  });

  it("Docker ≥ 25's leaf links (<id>/layer.tar → ../blobs/sha256/…) are still read", async () => {
    const { layer, clean } = await image();
    const archive = await tarOf([
      { name: 'blobs/', type: 'directory' },
      { name: 'blobs/sha256/', type: 'directory' },
      { name: `blobs/sha256/${hex(layer)}`, data: layer },
      { name: `blobs/sha256/${hex(clean)}`, data: clean },
      { name: `${hex(layer)}/`, type: 'directory' },
      { name: `${hex(layer)}/layer.tar`, type: 'symlink', linkname: `../blobs/sha256/${hex(layer)}` },
      {
        name: 'manifest.json',
        data: JSON.stringify([
          { Config: `blobs/sha256/${hex(clean)}`, RepoTags: ['app:1'], Layers: [`${hex(layer)}/layer.tar`] },
        ]),
      },
    ]);
    const img = (await load(archive)) as { info: { labels: Record<string, string> }; layers: { digest: string }[] };
    expect(img.info.labels).toEqual({ which: 'clean' });
    expect(img.layers.map((l) => l.digest)).toEqual([sha(layer)]);
  });
});

describe('OCI layout (index.json + blobs/)', () => {
  async function oci(): Promise<{ entries: Entry[]; evilEntries: Entry[]; configHex: string }> {
    const { layer, clean, evil } = await image();
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha(clean), size: clean.length },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: sha(layer), size: layer.length }],
    });
    const index = JSON.stringify({
      schemaVersion: 2,
      manifests: [
        { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: sha(manifest), size: manifest.length },
      ],
    });
    return {
      configHex: hex(clean),
      entries: [
        { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
        { name: 'index.json', data: index },
        { name: 'blobs/', type: 'directory' },
        { name: 'blobs/sha256/', type: 'directory' },
        { name: `blobs/sha256/${hex(manifest)}`, data: manifest },
        { name: `blobs/sha256/${hex(clean)}`, data: clean },
        { name: `blobs/sha256/${hex(layer)}`, data: layer },
      ],
      // The same names under alt/, the config swapped for the evil one.
      evilEntries: [
        { name: `alt/sha256/${hex(manifest)}`, data: manifest },
        { name: `alt/sha256/${hex(clean)}`, data: evil },
        { name: `alt/sha256/${hex(layer)}`, data: layer },
      ],
    };
  }

  it('a clean OCI layout is read (the check does not refuse real layouts)', async () => {
    const { entries } = await oci();
    const img = (await load(await tarOf(entries))) as { info: { labels: Record<string, string> } };
    expect(img.info.labels).toEqual({ which: 'clean' });
  });

  it('blobs replaced by a link after its entries is refused, naming "blobs"', async () => {
    const { entries, evilEntries } = await oci();
    const err = await expectScanError(
      load(await tarOf([...entries, { name: 'blobs', type: 'symlink', linkname: 'alt' }, ...evilEntries])),
    );
    expect(err.message).toBe(REFUSED('blobs', 'a symbolic link', 'and also entries inside it ("blobs/sha256")'));
  });

  it('blobs/sha256 as a link before the blobs is refused, naming "blobs/sha256"', async () => {
    const { entries, evilEntries } = await oci();
    const withoutDirs = entries.filter((e) => e.type !== 'directory');
    const archive = await tarOf([
      ...evilEntries,
      { name: 'blobs/sha256', type: 'symlink', linkname: '../alt/sha256' },
      ...withoutDirs,
    ]);
    const err = await expectScanError(load(archive));
    expect(err.message).toBe(
      REFUSED(
        'blobs/sha256',
        'a symbolic link',
        `and also entries inside it ("blobs/sha256/${JSON.parse(String(entries[1].data)).manifests[0].digest.slice(7)}")`,
      ),
    );
  });
});

describe('decompressed-size caps', () => {
  const state = (): RunState => ({ runId: newRunId(), tempDirs: [] });

  it('a gzipped archive that expands past the cap: exit 2 naming the file and the cap, temp dir removed', async () => {
    const file = path.join(root, 'big.tar.gz');
    fs.writeFileSync(file, zlib.gzipSync(await tarOf([{ name: 'a', data: Buffer.alloc(3 << 20) }])));
    const s = state();
    const err = await expectScanError(resolveFromArchiveFile(file, s, { maxDecompressedBytes: 2 << 20 }));
    expect(err.message).toBe(`"${file}" decompresses to more than 2 MiB, the limit clair-scan reads`);
    expect(s.tempDirs).toEqual([]);
  });

  it('a layer that expands past the cap fails its reader, naming the layer', async () => {
    const gz = zlib.gzipSync(Buffer.alloc(3 << 20));
    const out = decompress(Readable.from([gz]), 'gzip', 'layer sha256:abc', 2 << 20);
    const err = await (async () => {
      for await (const c of out) void c;
    })().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ClairScanError);
    expect((err as ClairScanError).message).toBe(
      'layer sha256:abc decompresses to more than 2 MiB, the limit clair-scan reads',
    );
  });

  it('a damaged layer still fails its reader (errors pass through the cap)', async () => {
    const gz = zlib.gzipSync(Buffer.alloc(1 << 20)).subarray(0, 200);
    const out = decompress(Readable.from([Buffer.from(gz)]), 'gzip');
    await expect(
      (async () => {
        for await (const c of out) void c;
      })(),
    ).rejects.toThrow(/unexpected end of file/);
  });

  it('the documented defaults: 64 GiB per layer, 65 GiB per gzipped archive', () => {
    expect([CAPS.layerBytes, CAPS.archiveBytes]).toEqual([64 * 2 ** 30, 65 * 2 ** 30]);
  });
});
