/**
 * Security: required-base-image compares the base's diff ids with diff ids computed from the scanned image's
 * layer content, not with the `rootfs.diff_ids` its config claims (which whoever built the image writes).
 * Archive images (uncompressed docker-save layers and gzip OCI layers) and registry images (a fake registry on
 * 127.0.0.1).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import { imageFromArchive, spoolArchive } from '../../../src/image/archive';
import { resolveFromRegistry } from '../../../src/image/registry';
import { requiredBaseImage } from '../../../src/policy/compliance/base-image';
import type { ResolvedImage } from '../../../src/image/types';
import { FakeRegistry, makeImage, sha256 as sha, tarOf } from './fake-registry';
import * as tar from 'tar-stream';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'clair-scan-sec-base-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function archiveOf(entries: { name: string; data: Buffer | string }[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const e of entries) pack.entry({ name: e.name }, Buffer.from(e.data));
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function load(archive: Buffer): Promise<ResolvedImage> {
  const spooled = await spoolArchive(Readable.from(archive), fs.mkdtempSync(path.join(root, 'a-')));
  return imageFromArchive(spooled, { ref: 'app.tar', source: 'archive', close: async () => undefined });
}

/** A docker-save archive whose config claims `diffIds` for the given (uncompressed) layers. */
async function dockerSave(layers: Buffer[], diffIds: string[]): Promise<Buffer> {
  const config = JSON.stringify({ os: 'linux', architecture: 'amd64', rootfs: { type: 'layers', diff_ids: diffIds } });
  const cfgName = `${sha(config).slice(7)}.json`;
  return archiveOf([
    ...layers.map((l, i) => ({ name: `l${i}/layer.tar`, data: l })),
    { name: cfgName, data: config },
    {
      name: 'manifest.json',
      data: JSON.stringify([{ Config: cfgName, RepoTags: ['app:1'], Layers: layers.map((_, i) => `l${i}/layer.tar`) }]),
    },
  ]);
}

/** An OCI layout with gzip layers whose config claims `diffIds`. */
async function ociGzip(layers: Buffer[], diffIds: string[]): Promise<Buffer> {
  const blobs = layers.map((l) => gzipSync(l));
  const config = JSON.stringify({ os: 'linux', architecture: 'amd64', rootfs: { type: 'layers', diff_ids: diffIds } });
  const manifest = JSON.stringify({
    schemaVersion: 2,
    config: { digest: sha(config), size: config.length },
    layers: blobs.map((b) => ({
      mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
      digest: sha(b),
      size: b.length,
    })),
  });
  const index = JSON.stringify({
    schemaVersion: 2,
    manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: sha(manifest) }],
  });
  return archiveOf([
    { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
    { name: 'index.json', data: index },
    { name: `blobs/sha256/${sha(manifest).slice(7)}`, data: manifest },
    { name: `blobs/sha256/${sha(config).slice(7)}`, data: config },
    ...blobs.map((b) => ({ name: `blobs/sha256/${sha(b).slice(7)}`, data: b })),
  ]);
}

let baseLayer: Buffer;
let evilLayer: Buffer;
let appLayer: Buffer;
let base: ResolvedImage;
const resolveBase = async (): Promise<ResolvedImage> => base;

beforeAll(async () => {
  baseLayer = await tarOf({ 'etc/os-release': 'ID=debian\n' });
  evilLayer = await tarOf({ 'etc/os-release': 'ID=debian\n', 'usr/bin/backdoor': '#!/bin/sh\n' });
  appLayer = await tarOf({ 'app/run': 'run\n' });
  base = await load(await dockerSave([baseLayer], [sha(baseLayer)]));
});

describe('required-base-image checks diff ids against the layers', () => {
  it("docker-save image whose config claims the base's diff id for another layer: a finding naming the claim", async () => {
    const img = await load(await dockerSave([evilLayer, appLayer], [sha(baseLayer), sha(appLayer)]));
    expect(img.info.layers[0].diffId).toBe(sha(baseLayer)); // what the config claims
    const findings = await requiredBaseImage(img, 'debian:12', resolveBase);
    expect(findings).toHaveLength(1);
    expect(findings[0].layer).toBe(sha(evilLayer));
    expect(findings[0].message).toContain(
      `layer 1 differs: the base image has ${sha(baseLayer)}, the image has ${sha(evilLayer)} (its config claims ${sha(baseLayer)}, which is not the layer's content)`,
    );
  });

  it('an honest docker-save image built on the base passes', async () => {
    const img = await load(await dockerSave([baseLayer, appLayer], [sha(baseLayer), sha(appLayer)]));
    expect(await requiredBaseImage(img, 'debian:12', resolveBase)).toEqual([]);
  });

  it('gzip OCI layers: the diff id is computed by decompressing (forged → finding, honest → pass)', async () => {
    const forged = await load(await ociGzip([evilLayer, appLayer], [sha(baseLayer), sha(appLayer)]));
    const f = await requiredBaseImage(forged, 'debian:12', resolveBase);
    expect(f.map((x) => x.layer)).toEqual([sha(evilLayer)]);
    const honest = await load(await ociGzip([baseLayer, appLayer], [sha(baseLayer), sha(appLayer)]));
    expect(await requiredBaseImage(honest, 'debian:12', resolveBase)).toEqual([]);
  });

  it("a registry image whose config claims the base's diff id: the layer is fetched and hashed", async () => {
    const forged = await makeImage(
      { 'etc/os-release': 'ID=debian\n', 'usr/bin/backdoor': '#!/bin/sh\n' },
      { diffIds: [sha(baseLayer)] },
    );
    const reg = await new FakeRegistry(forged).start();
    try {
      const img = await resolveFromRegistry(`${reg.host}/team/app:1.0`, { insecure: false });
      expect(img.info.layers[0].diffId).toBe(sha(baseLayer));
      const f = await requiredBaseImage(img, 'debian:12', resolveBase);
      expect(f.map((x) => x.layer)).toEqual([forged.diffId]);
      expect(f[0].message).toContain("which is not the layer's content");
    } finally {
      await reg.stop();
    }
  });
});
