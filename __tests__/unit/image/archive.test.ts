import * as fs from 'node:fs';
import { expectScanError as caught } from '../../helpers/errors';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import { imageFromArchive, spoolArchive, syntheticManifestDigest } from '../../../src/image/archive';
import type { ResolvedImage } from '../../../src/image/types';

type Entry = {
  name: string;
  data?: Buffer | string;
  type?: 'file' | 'symlink' | 'link' | 'directory';
  linkname?: string;
};

/** A tar made with tar-stream's pack(), as docker save or an OCI tool would write it. */
async function tarOf(entries: Entry[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c) => {
    chunks.push(c as Buffer);
  });
  const ended = new Promise<void>((resolve) => pack.on('end', () => resolve()));
  for (const e of entries) {
    const type = e.type ?? 'file';
    if (type === 'file') pack.entry({ name: e.name, mode: 0o644 }, Buffer.from(e.data ?? ''));
    else if (type === 'directory') pack.entry({ name: e.name, type, mode: 0o755 });
    else pack.entry({ name: e.name, type, linkname: e.linkname });
  }
  pack.finalize();
  await ended;
  return Buffer.concat(chunks);
}

const sha = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const hex = (b: Buffer | string): string => sha(b).slice(7);

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'core-archive-test-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function load(
  archive: Buffer,
  opts: { ref?: string; wanted?: string; source?: 'archive' | 'docker' } = {},
): Promise<ResolvedImage> {
  const spooled = await spoolArchive(Readable.from(archive), tempDir());
  return imageFromArchive(spooled, {
    ref: opts.ref ?? 'out/app.tar',
    source: opts.source ?? 'archive',
    wanted: opts.wanted,
    close: async () => undefined,
  });
}

let layerA: Buffer;
let layerB: Buffer;
beforeAll(async () => {
  layerA = await tarOf([
    { name: 'etc/', type: 'directory' },
    { name: 'etc/hello', data: 'hello\n' },
  ]);
  layerB = await tarOf([{ name: 'usr/bin/tool', data: '#!/bin/sh\necho tool\n' }]);
});

function legacyConfig(diffIds: string[]): string {
  return JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    created: '2024-01-02T03:04:05Z',
    config: { User: 'app', Labels: { 'org.opencontainers.image.source': 'https://example.test/repo' } },
    rootfs: { type: 'layers', diff_ids: diffIds },
    history: [
      { created_by: 'ADD rootfs.tar /' },
      { created_by: 'ENV X=1', empty_layer: true },
      { created_by: 'RUN make tool' },
      { created_by: 'RUN mkdir -p /etc' },
    ],
  });
}

/** docker save (before Docker 25): manifest.json, <id>.json, <v1id>/layer.tar, a repeated layer as a symlink. */
async function legacyArchive(
  opts: { tags?: string[] | null; config?: string; layers?: string[] } = {},
): Promise<{ archive: Buffer; config: string }> {
  const config = opts.config ?? legacyConfig([sha(layerA), sha(layerB), sha(layerA)]);
  const manifest = [
    {
      Config: `${hex(config)}.json`,
      RepoTags: opts.tags === undefined ? ['myorg/myapp:1.2'] : opts.tags,
      Layers: opts.layers ?? ['aaa/layer.tar', 'bbb/layer.tar', 'ccc/layer.tar'],
    },
  ];
  const archive = await tarOf([
    // The symlink comes before its target, as the order in a tar is not guaranteed.
    { name: 'ccc/', type: 'directory' },
    { name: 'ccc/layer.tar', type: 'symlink', linkname: '../aaa/layer.tar' },
    { name: 'ccc/VERSION', data: '1.0' },
    { name: 'aaa/', type: 'directory' },
    { name: 'aaa/VERSION', data: '1.0' },
    { name: 'aaa/json', data: '{}' },
    { name: 'aaa/layer.tar', data: layerA },
    { name: 'bbb/layer.tar', data: layerB },
    { name: `${hex(config)}.json`, data: config },
    { name: 'manifest.json', data: JSON.stringify(manifest) },
    { name: 'repositories', data: '{}' },
  ]);
  return { archive, config };
}

describe('docker save archive (legacy layout)', () => {
  it('spools every regular file under a private name, with its sha256, and resolves symlinks', async () => {
    const { archive, config } = await legacyArchive();
    const dir = tempDir();
    const spooled = await spoolArchive(Readable.from(archive), dir);
    expect(spooled.dir).toBe(dir);
    expect([...spooled.files.keys()].sort()).toEqual(
      [
        'aaa/VERSION',
        'aaa/json',
        'aaa/layer.tar',
        'bbb/layer.tar',
        'ccc/VERSION',
        'ccc/layer.tar',
        `${hex(config)}.json`,
        'manifest.json',
        'repositories',
      ].sort(),
    );
    expect(spooled.files.get('aaa/layer.tar')).toEqual({
      file: expect.stringMatching(/\/f\d+$/),
      sha256: sha(layerA),
      size: layerA.length,
    });
    expect(spooled.files.get('ccc/layer.tar')).toEqual(spooled.files.get('aaa/layer.tar'));
    expect(spooled.files.get('bbb/layer.tar')!.sha256).toBe(sha(layerB));
    // Files are stored under counters, never under names from the archive.
    for (const f of fs.readdirSync(dir)) expect(f).toMatch(/^f\d+$/);
    expect(fs.readFileSync(spooled.files.get('bbb/layer.tar')!.file)).toEqual(layerB);
  });

  it('gives the image metadata, computed layer digests and the history per layer', async () => {
    const { archive, config } = await legacyArchive();
    const img = await load(archive);
    expect(img.info).toEqual({
      ref: 'out/app.tar',
      name: 'myorg/myapp',
      tag: '1.2',
      source: 'archive',
      manifestDigest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      imageId: sha(config),
      repoDigests: [],
      os: 'linux',
      architecture: 'amd64',
      user: 'app',
      created: '2024-01-02T03:04:05Z',
      labels: { 'org.opencontainers.image.source': 'https://example.test/repo' },
      layers: [
        { digest: sha(layerA), diffId: sha(layerA), size: layerA.length, createdBy: 'ADD rootfs.tar /' },
        { digest: sha(layerB), diffId: sha(layerB), size: layerB.length, createdBy: 'RUN make tool' },
        { digest: sha(layerA), diffId: sha(layerA), size: layerA.length, createdBy: 'RUN mkdir -p /etc' },
      ],
    });
    expect(img.layers.map((l) => [l.digest, l.diffId, l.size, l.mediaType])).toEqual([
      [sha(layerA), sha(layerA), layerA.length, 'application/vnd.oci.image.layer.v1.tar'],
      [sha(layerB), sha(layerB), layerB.length, 'application/vnd.oci.image.layer.v1.tar'],
      [sha(layerA), sha(layerA), layerA.length, 'application/vnd.oci.image.layer.v1.tar'],
    ]);
  });

  it('streams each layer: open() and openTar() give the tar bytes, every call a new stream', async () => {
    const { archive } = await legacyArchive();
    const img = await load(archive);
    expect(await readAll(await img.layers[0].open())).toEqual(layerA);
    expect(await readAll(await img.layers[1].open())).toEqual(layerB);
    expect(await readAll(await img.layers[2].open())).toEqual(layerA);
    expect(await readAll(await img.layers[1].openTar())).toEqual(layerB);
    expect(await readAll(await img.layers[1].open())).toEqual(layerB);
  });

  it('the manifest digest is stable for the same content and differs for different content', async () => {
    const a1 = await load((await legacyArchive()).archive);
    const a2 = await load((await legacyArchive()).archive, { ref: 'elsewhere/other.tar' });
    expect(a2.info.manifestDigest).toBe(a1.info.manifestDigest);
    const otherConfig = legacyConfig([sha(layerA), sha(layerB), sha(layerA)]).replace('"User":"app"', '"User":"root"');
    const b = await load((await legacyArchive({ config: otherConfig })).archive);
    expect(b.info.manifestDigest).not.toBe(a1.info.manifestDigest);
  });

  it('a hard link to an earlier entry resolves to the same file', async () => {
    const config = legacyConfig([sha(layerA), sha(layerA)]);
    const archive = await tarOf([
      { name: 'aaa/layer.tar', data: layerA },
      { name: 'ddd/layer.tar', type: 'link', linkname: 'aaa/layer.tar' },
      { name: `${hex(config)}.json`, data: config },
      {
        name: 'manifest.json',
        data: JSON.stringify([
          { Config: `${hex(config)}.json`, RepoTags: ['app:1'], Layers: ['aaa/layer.tar', 'ddd/layer.tar'] },
        ]),
      },
    ]);
    const img = await load(archive);
    expect(img.layers.map((l) => l.digest)).toEqual([sha(layerA), sha(layerA)]);
    expect(await readAll(await img.layers[1].open())).toEqual(layerA);
  });

  it('an untagged image is named after the archive file', async () => {
    const img = await load((await legacyArchive({ tags: null })).archive, { ref: 'out/app.tar' });
    expect(img.info.name).toBe('app');
    expect(img.info.tag).toBeUndefined();
    const abs = await load((await legacyArchive({ tags: [] })).archive, { ref: '/builds/x/image.tar.gz' });
    expect(abs.info.name).toBe('image');
    expect(abs.info.tag).toBeUndefined();
  });

  it('a daemon export (source docker) is named after the reference it was asked for when untagged', async () => {
    const img = await load((await legacyArchive({ tags: null })).archive, {
      ref: 'ghcr.io/org/app:ci',
      source: 'docker',
    });
    expect([img.info.name, img.info.tag, img.info.source]).toEqual(['ghcr.io/org/app', 'ci', 'docker']);
  });
});

describe('multi-image docker save archive', () => {
  let archive: Buffer;
  let config1: string;
  let config2: string;
  beforeAll(async () => {
    config1 = legacyConfig([sha(layerA)]);
    config2 = legacyConfig([sha(layerB)]);
    archive = await tarOf([
      { name: 'aaa/layer.tar', data: layerA },
      { name: 'bbb/layer.tar', data: layerB },
      { name: `${hex(config1)}.json`, data: config1 },
      { name: `${hex(config2)}.json`, data: config2 },
      {
        name: 'manifest.json',
        data: JSON.stringify([
          { Config: `${hex(config1)}.json`, RepoTags: ['app:1'], Layers: ['aaa/layer.tar'] },
          { Config: `${hex(config2)}.json`, RepoTags: ['app:2', 'ghcr.io/o/app:2b'], Layers: ['bbb/layer.tar'] },
          { Config: `${hex(config2)}.json`, RepoTags: null, Layers: ['bbb/layer.tar'] },
        ]),
      },
    ]);
  });

  it('without `wanted` takes the first image', async () => {
    const img = await load(archive);
    expect([img.info.imageId, img.info.name, img.info.tag]).toEqual([sha(config1), 'app', '1']);
  });

  it('`wanted` picks an image by tag, also written in full', async () => {
    const two = await load(archive, { wanted: 'app:2' });
    expect([two.info.imageId, two.info.name, two.info.tag, two.layers[0].digest]).toEqual([
      sha(config2),
      'app',
      '2',
      sha(layerB),
    ]);
    const full = await load(archive, { wanted: 'docker.io/library/app:1' });
    expect([full.info.imageId, full.info.name, full.info.tag]).toEqual([sha(config1), 'app', '1']);
    const ghcr = await load(archive, { wanted: 'ghcr.io/o/app:2b' });
    expect([ghcr.info.imageId, ghcr.info.name, ghcr.info.tag]).toEqual([sha(config2), 'ghcr.io/o/app', '2b']);
  });

  it('an unknown `wanted` is an error listing what the archive contains', async () => {
    const err = await caught(load(archive, { wanted: 'app:3' }));
    expect(err.message).toBe('the image archive does not contain "app:3"');
    expect(err.hint).toBe('it contains: app:1, app:2, ghcr.io/o/app:2b, <untagged>.');
  });

  it('a single tagged image does not pass for another tag', async () => {
    const err = await caught(load((await legacyArchive()).archive, { wanted: 'other:9' }));
    expect(err.message).toBe('the image archive does not contain "other:9"');
    expect(err.hint).toBe('it contains: myorg/myapp:1.2.');
  });

  it('a single untagged image takes the name it was asked for', async () => {
    const img = await load((await legacyArchive({ tags: null })).archive, { wanted: 'myapp:7' });
    expect([img.info.name, img.info.tag]).toEqual(['myapp', '7']);
  });
});

describe('OCI image layout', () => {
  const INDEX = 'application/vnd.oci.image.index.v1+json';
  const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
  const blobs = new Map<string, Buffer>();
  const blob = (data: Buffer | string): { digest: string; size: number } => {
    const b = Buffer.from(data);
    blobs.set(sha(b), b);
    return { digest: sha(b), size: b.length };
  };
  let gzA: Buffer;
  let gzB: Buffer;
  let amdConfig: string;
  let armConfig: string;
  let amdManifest: { digest: string; size: number };
  let armManifest: { digest: string; size: number };
  let nested: { digest: string; size: number };

  async function layout(index: object, extra: Entry[] = []): Promise<Buffer> {
    return tarOf([
      { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
      { name: 'blobs/', type: 'directory' },
      { name: 'blobs/sha256/', type: 'directory' },
      ...[...blobs].map(([d, data]) => ({ name: `blobs/sha256/${d.slice(7)}`, data })),
      { name: 'index.json', data: JSON.stringify(index) },
      ...extra,
    ]);
  }

  beforeAll(() => {
    gzA = zlib.gzipSync(layerA);
    gzB = zlib.gzipSync(layerB);
    amdConfig = JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { User: '1000:1000', Labels: null },
      rootfs: { type: 'layers', diff_ids: [sha(layerA), sha(layerB)] },
      history: [{ created_by: 'ADD a' }, { created_by: 'COPY b' }],
    });
    armConfig = JSON.stringify({
      architecture: 'arm64',
      os: 'linux',
      config: {},
      rootfs: { type: 'layers', diff_ids: [sha(layerB)] },
    });
    const amdCfg = blob(amdConfig);
    const armCfg = blob(armConfig);
    const la = blob(gzA);
    const lb = blob(gzB);
    amdManifest = blob(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MANIFEST,
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...amdCfg },
        layers: [
          { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...la },
          // The media type is sniffed from the bytes, not taken from the manifest.
          { mediaType: 'application/vnd.oci.image.layer.v1.tar', ...lb },
        ],
      }),
    );
    armManifest = blob(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MANIFEST,
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...armCfg },
        layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...lb }],
      }),
    );
    const attestation = blob(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MANIFEST,
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...armCfg },
        layers: [],
      }),
    );
    // A multi-platform image index as buildx writes it: arm64 first, and an attestation manifest.
    nested = blob(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: INDEX,
        manifests: [
          { mediaType: MANIFEST, ...armManifest, platform: { os: 'linux', architecture: 'arm64' } },
          { mediaType: MANIFEST, ...amdManifest, platform: { os: 'linux', architecture: 'amd64' } },
          {
            mediaType: MANIFEST,
            ...attestation,
            platform: { os: 'unknown', architecture: 'unknown' },
            annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
          },
        ],
      }),
    );
  });

  const hostIsArm = process.arch === 'arm64';

  it('follows index.json → nested index → the host platform manifest; gzip layers are sniffed and digested', async () => {
    const archive = await layout({
      schemaVersion: 2,
      mediaType: INDEX,
      manifests: [
        {
          mediaType: INDEX,
          ...nested,
          annotations: {
            'io.containerd.image.name': 'docker.io/library/myapp:2.0',
            'org.opencontainers.image.ref.name': '2.0',
          },
        },
      ],
    });
    const img = await load(archive, { ref: 'build/myapp-oci.tar' });
    if (hostIsArm) {
      expect(img.info.imageId).toBe(sha(armConfig));
      expect(img.layers.map((l) => l.digest)).toEqual([sha(gzB)]);
      return;
    }
    expect(img.info).toEqual({
      ref: 'build/myapp-oci.tar',
      name: 'myapp',
      tag: '2.0',
      source: 'archive',
      manifestDigest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      imageId: sha(amdConfig),
      repoDigests: [],
      os: 'linux',
      architecture: 'amd64',
      user: '1000:1000',
      created: undefined,
      labels: {},
      layers: [
        { digest: sha(gzA), diffId: sha(layerA), size: gzA.length, createdBy: 'ADD a' },
        { digest: sha(gzB), diffId: sha(layerB), size: gzB.length, createdBy: 'COPY b' },
      ],
    });
    expect(img.layers.map((l) => l.mediaType)).toEqual([
      'application/vnd.oci.image.layer.v1.tar+gzip',
      'application/vnd.oci.image.layer.v1.tar+gzip',
    ]);
    // open() yields the blob as stored (what Clair hashes), openTar() the uncompressed tar.
    expect(await readAll(await img.layers[0].open())).toEqual(gzA);
    expect(await readAll(await img.layers[0].openTar())).toEqual(layerA);
    expect(await readAll(await img.layers[1].openTar())).toEqual(layerB);
  });

  it('takes the name from the annotation of a manifest listed directly in index.json', async () => {
    const archive = await layout({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: MANIFEST,
          ...armManifest,
          annotations: { 'org.opencontainers.image.ref.name': 'ghcr.io/org/tool:0.9' },
        },
      ],
    });
    const img = await load(archive);
    expect([img.info.name, img.info.tag, img.info.imageId, img.info.architecture]).toEqual([
      'ghcr.io/org/tool',
      '0.9',
      sha(armConfig),
      'arm64',
    ]);
    expect(img.info.user).toBe('');
    expect(img.info.layers).toEqual([
      { digest: sha(gzB), diffId: sha(layerB), size: gzB.length, createdBy: undefined },
    ]);
  });

  it('`wanted` picks one of several named images; an unknown name lists them', async () => {
    const archive = await layout({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: MANIFEST,
          ...amdManifest,
          platform: { os: 'linux', architecture: 'amd64' },
          annotations: { 'io.containerd.image.name': 'docker.io/library/web:1' },
        },
        {
          mediaType: MANIFEST,
          ...armManifest,
          platform: { os: 'linux', architecture: 'amd64' },
          annotations: { 'io.containerd.image.name': 'docker.io/library/worker:1' },
        },
      ],
    });
    const worker = await load(archive, { wanted: 'worker:1' });
    expect([worker.info.imageId, worker.info.name, worker.info.tag]).toEqual([sha(armConfig), 'worker', '1']);
    const web = await load(archive, { wanted: 'docker.io/library/web:1' });
    expect([web.info.imageId, web.info.name, web.info.tag]).toEqual([sha(amdConfig), 'web', '1']);
    const err = await caught(load(archive, { wanted: 'db:1' }));
    expect(err.message).toBe('the image archive does not contain "db:1"');
    expect(err.hint).toBe('it contains: docker.io/library/web:1, docker.io/library/worker:1.');
  });

  it('a bare ref.name is a tag: it names no image, but `wanted` may match it by tag', async () => {
    const archive = await layout({
      schemaVersion: 2,
      manifests: [{ mediaType: MANIFEST, ...armManifest, annotations: { 'org.opencontainers.image.ref.name': '2.0' } }],
    });
    const plain = await load(archive, { ref: 'build/myapp-oci.tar' });
    expect([plain.info.name, plain.info.tag]).toEqual(['myapp-oci', undefined]);
    const wanted = await load(archive, { wanted: 'myapp:2.0' });
    expect([wanted.info.name, wanted.info.tag, wanted.info.imageId]).toEqual(['myapp', '2.0', sha(armConfig)]);
    const err = await caught(load(archive, { wanted: 'myapp:3.0' }));
    expect([err.message, err.hint]).toEqual(['the image archive does not contain "myapp:3.0"', 'it contains: 2.0.']);
  });

  it('a lone unnamed image takes the name it was asked for', async () => {
    const archive = await layout({ schemaVersion: 2, manifests: [{ mediaType: MANIFEST, ...armManifest }] });
    const img = await load(archive, { wanted: 'tool:5' });
    expect([img.info.name, img.info.tag, img.info.imageId]).toEqual(['tool', '5', sha(armConfig)]);
  });

  it('an index with nothing usable is an error', async () => {
    const err = await caught(load(await layout({ schemaVersion: 2, manifests: [] })));
    expect(err.message).toBe('the OCI layout holds no image manifest');
  });
});

describe('bad archives', () => {
  it('rejects an entry that escapes the spool directory', async () => {
    const archive = await tarOf([
      { name: 'manifest.json', data: '[]' },
      { name: '../evil', data: 'x' },
    ]);
    const dir = tempDir();
    const err = await caught(spoolArchive(Readable.from(archive), dir));
    expect(err.message).toBe('the image archive contains an unsafe path "../evil"');
    expect(err.hint).toMatch(/docker save/);
    expect(fs.existsSync(path.join(dir, '..', 'evil'))).toBe(false);
  });

  it('an unsafe entry stops the reading: the input stream is destroyed, not left open', async () => {
    const all = await tarOf([
      { name: '../evil', data: 'x' },
      { name: 'big', data: Buffer.alloc(4 << 20, 1) },
    ]);
    let offset = 0;
    const input = new Readable({
      highWaterMark: 16384,
      read() {
        this.push(offset >= all.length ? null : all.subarray(offset, (offset += 16384)));
      },
    });
    const err = await caught(spoolArchive(input, tempDir()));
    expect(err.message).toBe('the image archive contains an unsafe path "../evil"');
    await new Promise((resolve) => setImmediate(resolve));
    expect(input.destroyed).toBe(true);
    expect(offset).toBeLessThan(all.length);
  });

  it.each(['a/../../evil', '/etc/evil'])('rejects %s', async (name) => {
    const archive = await tarOf([{ name, data: 'x' }]);
    const err = await caught(spoolArchive(Readable.from(archive), tempDir()));
    expect(err.message).toBe(`the image archive contains an unsafe path "${name}"`);
  });

  it('a tar without manifest.json or index.json is not an image archive', async () => {
    const err = await caught(load(await tarOf([{ name: 'etc/hello', data: 'hi' }])));
    expect(err.message).toBe(
      '"out/app.tar" is not a docker-save or OCI image archive (no manifest.json or index.json inside)',
    );
    expect(err.hint).toMatch(/docker save IMAGE -o file\.tar/);
  });

  it('a config whose diff_ids do not match the manifest layers', async () => {
    const config = legacyConfig([sha(layerA)]);
    const err = await caught(load((await legacyArchive({ config })).archive));
    expect(err.message).toBe('the image config lists 1 layers but the manifest 3');
    expect(err.hint).toMatch(/re-export/);
  });

  it('a manifest naming a layer the archive lacks', async () => {
    const err = await caught(
      load((await legacyArchive({ layers: ['aaa/layer.tar', 'bbb/layer.tar', 'zzz/layer.tar'] })).archive),
    );
    expect(err.message).toBe('the image archive has no "zzz/layer.tar"');
  });

  it('a manifest.json that is not JSON', async () => {
    const err = await caught(load(await tarOf([{ name: 'manifest.json', data: '{not json' }])));
    expect(err.message).toMatch(/^"manifest\.json" in the image archive is not valid JSON: /);
  });

  it('an empty manifest.json list holds no image', async () => {
    const err = await caught(load(await tarOf([{ name: 'manifest.json', data: '[]' }])));
    expect(err.message).toBe('the image archive holds no image');
  });

  it('a truncated archive', async () => {
    const { archive } = await legacyArchive();
    const err = await caught(spoolArchive(Readable.from(archive.subarray(0, 1500)), tempDir()));
    expect(err.message).toMatch(/^could not read the image archive: /);
    expect(err.hint).toMatch(/truncated/);
  });

  it('a gzip-compressed whole archive is not read as a tar (archive-file.ts gunzips before spooling)', async () => {
    const { archive } = await legacyArchive();
    const err = await caught(spoolArchive(Readable.from(zlib.gzipSync(archive)), tempDir()));
    expect(err.message).toBe('the image archive is not a docker-save or OCI image archive (it is not a tar file)');
  });
});

describe('syntheticManifestDigest', () => {
  const config = { sha256: sha('config'), size: 6 };
  const layers = [
    { digest: sha('layer1'), size: 6, mediaType: 'application/vnd.oci.image.layer.v1.tar' },
    { digest: sha('layer2'), size: 6, mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip' },
  ];

  it('is a sha256 digest, the same for the same content', () => {
    const d = syntheticManifestDigest(config, layers);
    expect(d).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(
      syntheticManifestDigest(
        { ...config },
        layers.map((l) => ({ ...l })),
      ),
    ).toBe(d);
  });

  it('differs when the config, a layer, the layer order or a media type differs', () => {
    const d = syntheticManifestDigest(config, layers);
    const variants = [
      syntheticManifestDigest({ sha256: sha('config2'), size: 7 }, layers),
      syntheticManifestDigest(config, [layers[0], { ...layers[1], digest: sha('layer3') }]),
      syntheticManifestDigest(config, [layers[1], layers[0]]),
      syntheticManifestDigest(config, [layers[0]]),
      syntheticManifestDigest(config, [
        layers[0],
        { ...layers[1], mediaType: 'application/vnd.oci.image.layer.v1.tar+zstd' },
      ]),
    ];
    expect(new Set([d, ...variants]).size).toBe(variants.length + 1);
  });
});
