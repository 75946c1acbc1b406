/**
 * image/known.ts: the manifest digest of a daemon image computed from inspect + history (no export) is the one the
 * export path computes from a `docker save` archive of the same image; the image Clair already knows is returned
 * with lazy layers (nothing exported until a layer is read, then once); every doubt means the export path.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { imageFromArchive, spoolArchive } from '../../../src/image/archive';
import { openKnownDaemonImage, probeFromInspect, type KnownManifests } from '../../../src/image/known';
import type { DockerClient } from '../../../src/environment/docker';
import type { ResolvedImage } from '../../../src/image/types';
import { makeTar } from '../../helpers/layers';
import { removeTestTempDirs, testTempDir } from '../../helpers/tmp';
import { captureLogger } from '../../helpers/logger';
import { expectScanError } from '../../helpers/errors';

const sha = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

afterAll(removeTestTempDirs);
captureLogger();

interface Fixture {
  archive: Buffer;
  inspect: Parameters<typeof probeFromInspect>[0];
  history: { CreatedBy?: string; Size?: number }[];
  layers: Buffer[];
}

/** A legacy `docker save` archive and what the daemon's inspect and history answer for the same image. */
async function daemonImage(
  opts: { labels?: Record<string, string> | null; secondLayer?: string } = {},
): Promise<Fixture> {
  const layers = [
    await makeTar([{ name: 'etc/os-release', content: 'ID=debian\nVERSION_ID="12"\n' }]),
    await makeTar([{ name: 'app/main', content: opts.secondLayer ?? 'binary' }]),
  ];
  const diffIds = layers.map((l) => sha(l));
  const history = [
    { created: '2026-01-01T00:00:00Z', created_by: '/bin/sh -c #(nop) ADD file:abc in / ' },
    { created: '2026-01-01T00:00:01Z', created_by: '/bin/sh -c #(nop)  ENV PATH=/usr/bin', empty_layer: true },
    { created: '2026-01-01T00:00:02Z', created_by: 'COPY main /app/main # buildkit' },
  ];
  const configJson = JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    created: '2026-01-01T00:00:02Z',
    config: { User: 'app', Labels: opts.labels === undefined ? { team: 'x' } : opts.labels, Env: ['PATH=/usr/bin'] },
    rootfs: { type: 'layers', diff_ids: diffIds },
    history,
  });
  const id = sha(configJson).slice(7);
  const manifest = [{ Config: `${id}.json`, RepoTags: ['myorg/app:1.2'], Layers: ['l1/layer.tar', 'l2/layer.tar'] }];
  const archive = await makeTar([
    { name: 'l1/layer.tar', content: layers[0] },
    { name: 'l2/layer.tar', content: layers[1] },
    { name: `${id}.json`, content: configJson },
    { name: 'manifest.json', content: JSON.stringify(manifest) },
  ]);
  return {
    archive,
    layers,
    inspect: {
      Id: `sha256:${id}`,
      RepoDigests: [],
      Os: 'linux',
      Architecture: 'amd64',
      Created: '2026-01-01T00:00:02Z',
      Config: { User: 'app', Labels: opts.labels === undefined ? { team: 'x' } : opts.labels, Env: ['PATH=/usr/bin'] },
      RootFS: { Type: 'layers', Layers: diffIds },
    } as unknown as Fixture['inspect'],
    // Newest first, as the Engine API answers; the empty layer (ENV) has size 0.
    history: [
      { CreatedBy: history[2].created_by, Size: layers[1].length },
      { CreatedBy: history[1].created_by, Size: 0 },
      { CreatedBy: history[0].created_by, Size: layers[0].length },
    ],
  };
}

async function exported(f: Fixture, ref = 'myorg/app:1.2'): Promise<ResolvedImage> {
  const spooled = await spoolArchive(Readable.from(f.archive), testTempDir('cs-unit-known-'));
  return imageFromArchive(spooled, {
    ref,
    source: 'docker',
    wanted: undefined,
    repoDigests: [],
    close: async () => undefined,
  });
}

const knowing = (known: boolean, calls: string[] = []): KnownManifests => ({
  check: async (hash) => {
    calls.push(hash);
    return { known, why: known ? 'known for the test' : 'not known for the test' };
  },
});

function fakeDocker(f: Fixture): DockerClient {
  return { imageInspect: async () => f.inspect, imageHistory: async () => f.history } as unknown as DockerClient;
}

describe('probeFromInspect', () => {
  it('gives the manifest digest the export path computes for the same image', async () => {
    const f = await daemonImage();
    const probe = probeFromInspect(f.inspect, f.history);
    const img = await exported(f);
    expect(typeof probe).toBe('object');
    expect((probe as { hash: string }).hash).toBe(img.info.manifestDigest);
  });

  it('differs when a layer differs (the digest binds the exact layers)', async () => {
    const a = probeFromInspect((await daemonImage()).inspect, (await daemonImage()).history) as { hash: string };
    const other = await daemonImage({ secondLayer: 'other binary' });
    const b = probeFromInspect(other.inspect, other.history) as { hash: string };
    expect(a.hash).not.toBe(b.hash);
    expect(b.hash).toBe((await exported(other)).info.manifestDigest);
  });

  it('is a doubt (a reason, no digest) when the history cannot tell the empty layers, or the ids are not sha256', async () => {
    const f = await daemonImage();
    const zeroSized = f.history.map((h) => ({ ...h, Size: 0 }));
    expect(probeFromInspect(f.inspect, zeroSized)).toBe(
      'its history has 0 entries with a size for 2 layers (empty layers cannot be told apart)',
    );
    expect(probeFromInspect({ ...f.inspect, Id: 'abc' }, f.history)).toBe('the image id "abc" is not a sha256 digest');
    expect(
      probeFromInspect({ ...f.inspect, RootFS: { Type: 'layers', Layers: ['md5:00'] } } as typeof f.inspect, f.history),
    ).toBe('the daemon lists no sha256 layers for it');
  });
});

describe('openKnownDaemonImage', () => {
  it('a known image: nothing exported until a layer is read, then exactly once; the same description but the sizes', async () => {
    const f = await daemonImage();
    const full = await exported(f);
    let exports = 0;
    const img = await openKnownDaemonImage(fakeDocker(f), 'myorg/app:1.2', knowing(true), async () => {
      exports++;
      return exported(f);
    });
    expect(img).toBeDefined();
    expect(exports).toBe(0);
    const { layers: fullLayers, ...fullRest } = full.info;
    const { layers: lazyLayers, ...lazyRest } = img!.info;
    expect(lazyRest).toEqual(fullRest);
    expect(lazyLayers).toEqual(fullLayers.map(({ size: _s, ...l }) => l));
    expect(img!.rawConfig).toEqual(full.rawConfig);
    expect(img!.layers.map((l) => l.digest)).toEqual(full.layers.map((l) => l.digest));
    // Reading a layer (Clair fetching it) exports once, and gives the exact bytes.
    const chunks: Buffer[] = [];
    for await (const c of await img!.layers[1].open()) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks)).toEqual(f.layers[1]);
    await img!.layers[0].open().then((s) => s.resume());
    expect(exports).toBe(1);
    expect(img!.info).toEqual(full.info);
    await img!.close();
  });

  it('an unknown image, or a doubtful probe, is left to the export path (undefined), with nothing exported here', async () => {
    const f = await daemonImage();
    let exports = 0;
    const exportIt = async (): Promise<ResolvedImage> => {
      exports++;
      return exported(f);
    };
    const calls: string[] = [];
    expect(await openKnownDaemonImage(fakeDocker(f), 'myorg/app:1.2', knowing(false, calls), exportIt)).toBeUndefined();
    expect(calls).toHaveLength(1);
    const ambiguous = { ...f, history: f.history.map((h) => ({ ...h, Size: 0 })) };
    const asked: string[] = [];
    expect(
      await openKnownDaemonImage(fakeDocker(ambiguous), 'myorg/app:1.2', knowing(true, asked), exportIt),
    ).toBeUndefined();
    expect(asked).toEqual([]);
    expect(exports).toBe(0);
  });

  it('an export that is another image (the tag moved) fails the read, never serves other content', async () => {
    const f = await daemonImage();
    const moved = await daemonImage({ secondLayer: 'rebuilt' });
    const img = await openKnownDaemonImage(fakeDocker(f), 'myorg/app:1.2', knowing(true), () => exported(moved));
    const err = await expectScanError(img!.layers[0].open());
    expect(err.message).toBe(
      `myorg/app:1.2 changed in the Docker daemon during the scan (it was ${f.inspect.Id}, the export is ${moved.inspect.Id})`,
    );
    await img!.close();
  });
});
