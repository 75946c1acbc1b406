/**
 * How a spooled archive's layers are written and read back (image/archive.ts): a multi-MiB layer arriving in small
 * chunks is spooled whole with its computed digest, and the layer server reads it in 1 MiB pieces (64 KiB ones cost
 * it ~40 % more CPU per byte sent: bench/db-image-scan.ts); an OCI blob whose content is not its name is still refused.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import { imageFromArchive, spoolArchive } from '../../../src/image/archive';
import { ClairScanError } from '../../../src/util/errors';

const sha = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

async function tarOf(entries: { name: string; data: Buffer | string }[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c: unknown) => void chunks.push(c as Buffer));
  const ended = new Promise<void>((resolve) => pack.on('end', () => resolve()));
  for (const e of entries) pack.entry({ name: e.name, mode: 0o644 }, Buffer.from(e.data));
  pack.finalize();
  await ended;
  return Buffer.concat(chunks);
}

/** The archive as a stream of 16 KiB chunks, as a socket delivers the daemon's export. */
function smallChunks(b: Buffer): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < b.length; i += 16384) yield b.subarray(i, i + 16384);
    })(),
  );
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
const tempDir = (): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-archive-io-'));
  dirs.push(d);
  return d;
};

/** A docker-save archive of one uncompressed layer of `size` random bytes (the layer itself need not be a tar here). */
async function legacyArchive(layer: Buffer): Promise<Buffer> {
  const config = JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [sha(layer)] },
  });
  const configName = `${sha(config).slice(7)}.json`;
  return tarOf([
    { name: 'l1/layer.tar', data: layer },
    { name: configName, data: config },
    {
      name: 'manifest.json',
      data: JSON.stringify([{ Config: configName, RepoTags: ['a/b:1'], Layers: ['l1/layer.tar'] }]),
    },
  ]);
}

it('spools a 5 MiB layer that arrives in 16 KiB chunks, with its digest, and serves it in 1 MiB reads', async () => {
  const layer = randomBytes(5 * 1024 * 1024 + 123);
  const spooled = await spoolArchive(smallChunks(await legacyArchive(layer)), tempDir());
  const image = imageFromArchive(spooled, { ref: 'x.tar', source: 'archive', close: async () => undefined });
  expect(image.layers.map((l) => [l.digest, l.size])).toEqual([[sha(layer), layer.length]]);
  const sizes: number[] = [];
  const read: Buffer[] = [];
  for await (const c of await image.layers[0].open()) {
    sizes.push((c as Buffer).length);
    read.push(c as Buffer);
  }
  expect(sha(Buffer.concat(read))).toBe(sha(layer));
  expect(sizes).toEqual([1 << 20, 1 << 20, 1 << 20, 1 << 20, 1 << 20, 123]);
});

it('an OCI blob whose content is not the digest its name says is refused', async () => {
  const layer = randomBytes(300_000);
  const forged = sha('something else').slice(7);
  const config = JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [sha(layer)] },
  });
  const manifest = JSON.stringify({
    schemaVersion: 2,
    config: { digest: sha(config), size: config.length },
    layers: [{ digest: `sha256:${forged}`, size: layer.length }],
  });
  const archive = await tarOf([
    { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
    { name: `blobs/sha256/${forged}`, data: layer },
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
  ]);
  const spooled = await spoolArchive(smallChunks(archive), tempDir());
  let err: unknown;
  try {
    imageFromArchive(spooled, { ref: 'x.tar', source: 'archive', close: async () => undefined });
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ClairScanError);
  expect((err as ClairScanError).message).toBe(
    `"blobs/sha256/${forged}" in the image archive does not have the digest its name says (it is ${sha(layer)})`,
  );
});
