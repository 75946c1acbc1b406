/**
 * The `platform` input (issue 24): parsing and matching, choosing from an index with an error that names the
 * platforms there are, hostile indexes refused (huge, nested, duplicate platforms, a platform the config
 * contradicts), in every image source: a registry (a loopback stand-in serving exact bytes), an OCI archive
 * (index.json with several manifests) and the Docker daemon (checked, not chosen).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as tar from 'tar-stream';
import { expectScanError } from '../../helpers/errors';
import {
  checkConfigPlatform,
  formatPlatform,
  indexPlatforms,
  MAX_INDEX_MANIFESTS,
  parsePlatform,
  parsePlatformSpec,
  platformMatches,
  selectPlatform,
} from '../../../src/image/platform';
import { registryPlatforms, resolveFromRegistry } from '../../../src/image/registry';
import { archiveFilePlatforms, resolveFromArchiveFile } from '../../../src/image/archive-file';
import { resolveFromDaemon } from '../../../src/image/docker-daemon';
import { platformTargets } from '../../../src/image/platform-list';
import { openImage, type ImageSettings } from '../../../src/image';
import { newRunId, type RunState } from '../../../src/environment/run-state';
import type { DockerClient } from '../../../src/environment/docker';
import { parseSettings } from '../../../src/inputs/settings';
import { batchImageRequest } from '../../../src/batch/platforms';

const INDEX = 'application/vnd.oci.image.index.v1+json';
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const sha = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const desc = (
  os: string,
  architecture: string,
  variant?: string,
  digest = sha(`${os}/${architecture}/${variant}`),
) => ({
  mediaType: MANIFEST,
  digest,
  size: 1,
  platform: { os, architecture, ...(variant ? { variant } : {}) },
});

describe('parsing and matching', () => {
  it('parses os/arch[/variant] and all; unset is the default choice', () => {
    expect(parsePlatformSpec('')).toBeUndefined();
    expect(parsePlatformSpec(undefined)).toBeUndefined();
    expect(parsePlatformSpec(' ALL ')).toBe('all');
    expect(parsePlatformSpec('linux/arm64')).toEqual({ os: 'linux', architecture: 'arm64' });
    expect(parsePlatformSpec('linux/arm/v7')).toEqual({ os: 'linux', architecture: 'arm', variant: 'v7' });
  });

  it('refuses anything else with the input named and the form in the hint', async () => {
    for (const bad of [
      'linux',
      'linux/',
      '/arm64',
      'linux/arm/v7/x',
      'linux/arm 64',
      'linux/$(id)',
      `linux/${'a'.repeat(40)}`,
    ]) {
      const err = await expectScanError(Promise.resolve().then(() => parsePlatform(bad)));
      expect(err.message).toBe(`input "platform" has an invalid value "${bad.trim()}"`);
      expect(err.hint).toMatch(/os\/arch\[\/variant\].*linux\/arm\/v7.*`all`/);
    }
  });

  it('normalizes as containerd does: aliases, arm = arm/v7, arm64/v8 = arm64', () => {
    expect(formatPlatform(parsePlatform('linux/aarch64'))).toBe('linux/arm64');
    expect(formatPlatform(parsePlatform('linux/x86_64'))).toBe('linux/amd64');
    expect(formatPlatform(parsePlatform('linux/arm'))).toBe('linux/arm/v7');
    expect(platformMatches(parsePlatform('linux/arm64'), { os: 'linux', architecture: 'arm64', variant: 'v8' })).toBe(
      true,
    );
    expect(platformMatches(parsePlatform('linux/arm/v6'), { os: 'linux', architecture: 'arm', variant: 'v7' })).toBe(
      false,
    );
    expect(platformMatches(parsePlatform('linux/amd64'), { os: 'windows', architecture: 'amd64' })).toBe(false);
  });

  it('the setting reaches Settings through the input table (action input, CLI flag, env)', () => {
    const s = parseSettings(
      (n) => ({ image: 'registry:127.0.0.1:5000/app:1', platform: 'linux/arm/v7', 'vuln-data': 'online' })[n],
    );
    expect(s.platform).toEqual({ os: 'linux', architecture: 'arm', variant: 'v7' });
    expect(parseSettings((n) => ({ image: 'app:1', 'vuln-data': 'online' })[n]).platform).toBeUndefined();
    expect(() => parseSettings((n) => ({ image: 'app:1', platform: 'arm64', 'vuln-data': 'online' })[n])).toThrow(
      'input "platform" has an invalid value "arm64"',
    );
  });
});

describe('choosing from an index', () => {
  const list = [
    desc('linux', 'amd64'),
    desc('linux', 'arm64', 'v8'),
    desc('linux', 'arm', 'v7'),
    { ...desc('unknown', 'unknown'), annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } },
  ];

  it('picks the asked platform; attestations are not platforms', () => {
    expect(selectPlatform(list, parsePlatform('linux/arm64'), 'app:1')).toBe(list[1]);
    expect(selectPlatform(list, parsePlatform('linux/arm'), 'app:1')).toBe(list[2]);
    expect(indexPlatforms(list, 'app:1').map((e) => e.platform)).toEqual([
      'linux/amd64',
      'linux/arm64',
      'linux/arm/v7',
    ]);
  });

  it('a platform the index lacks: the error names the platforms it has', async () => {
    const err = await expectScanError(
      Promise.resolve().then(() => selectPlatform(list, parsePlatform('linux/s390x'), 'registry.example/app:1')),
    );
    expect(err.message).toBe('registry.example/app:1 has no image for the platform linux/s390x');
    expect(err.hint).toBe('it has: linux/amd64, linux/arm64, linux/arm/v7. Set platform to one of them, or to `all`.');
  });

  it('hostile indexes are refused: too many platforms, a platform twice, entries without platform or digest, not a list', async () => {
    const many = Array.from({ length: MAX_INDEX_MANIFESTS + 1 }, (_, i) => desc('linux', `arch${i}`));
    const cases: [unknown, RegExp][] = [
      [many, /lists 65 platforms \(at most 64 are scanned\)/],
      [Array.from({ length: 10_000 }, (_, i) => desc('linux', `a${i}`)), /lists 10000 manifests/],
      [
        [desc('linux', 'amd64'), desc('linux', 'amd64', undefined, sha('other'))],
        /lists the platform linux\/amd64 twice/,
      ],
      [[desc('linux', 'arm64'), desc('linux', 'arm64', 'v8', sha('v8'))], /lists the platform linux\/arm64 twice/],
      [[{ mediaType: MANIFEST, digest: sha('x') }], /names no platform/],
      [[{ platform: { os: 'linux', architecture: 'amd64' } }], /has no digest/],
      [{ not: 'a list' }, /is not a list/],
      [[{ ...desc('unknown', 'unknown') }], /lists no platform image/],
    ];
    for (const [manifests, why] of cases) {
      const err = await expectScanError(Promise.resolve().then(() => indexPlatforms(manifests, 'app:1')));
      expect(err.message).toMatch(/^app:1 is not a usable image index: /);
      expect(err.message).toMatch(why);
      expect(err.hint).toBeTruthy();
    }
  });

  it('a config that contradicts the platform is refused', async () => {
    expect(() =>
      checkConfigPlatform({ os: 'linux', architecture: 'arm64' }, parsePlatform('linux/arm64'), 'x'),
    ).not.toThrow();
    const err = await expectScanError(
      Promise.resolve().then(() =>
        checkConfigPlatform({ os: 'linux', architecture: 'amd64' }, parsePlatform('linux/arm64'), 'app:1'),
      ),
    );
    expect(err.message).toBe('app:1 is a linux/amd64 image, not linux/arm64');
  });
});

/** A multi-platform image as blobs: a one-file layer per platform, its config saying that platform. */
function multiArch(platforms: { os: string; architecture: string; variant?: string; configArch?: string }[]) {
  const blobs = new Map<string, Buffer>();
  const put = (b: Buffer | string): { digest: string; size: number } => {
    const buf = Buffer.from(b);
    blobs.set(sha(buf), buf);
    return { digest: sha(buf), size: buf.length };
  };
  const manifests = platforms.map((p) => {
    // Uncompressed tar bytes of one file naming the platform: a distinct layer (and digest) per platform.
    const layerBytes = tarBytes(`etc/platform`, `${p.os}/${p.architecture}/${p.variant ?? ''}\n`);
    const layer = put(layerBytes);
    const config = put(
      JSON.stringify({
        os: p.os,
        architecture: p.configArch ?? p.architecture,
        ...(p.variant ? { variant: p.variant } : {}),
        rootfs: { type: 'layers', diff_ids: [layer.digest] },
        config: {},
      }),
    );
    const m = put(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MANIFEST,
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
        layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...layer }],
      }),
    );
    return {
      mediaType: MANIFEST,
      ...m,
      platform: { os: p.os, architecture: p.architecture, ...(p.variant ? { variant: p.variant } : {}) },
      layer: layer.digest,
    };
  });
  const index = { schemaVersion: 2, mediaType: INDEX, manifests: manifests.map(({ layer: _l, ...d }) => d) };
  return { blobs, manifests, index, indexBytes: Buffer.from(JSON.stringify(index)), put };
}

function tarBytes(name: string, content: string): Buffer {
  // A minimal ustar entry (512-byte header + data + two zero blocks), enough to be a distinct, valid layer.
  const data = Buffer.from(content);
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write('        ', 148);
  header.write('0', 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  let sum = 0;
  for (const b of header) sum += b;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  const pad = Buffer.alloc((512 - (data.length % 512)) % 512);
  return Buffer.concat([header, data, pad, Buffer.alloc(1024)]);
}

describe('registry source (a loopback stand-in serving exact bytes)', () => {
  let server: Server;
  let host = '';
  const routes = new Map<string, { type: string; body: Buffer }>();
  const auth = { insecure: true };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const r = routes.get(req.url ?? '');
      if (!r) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': r.type, 'content-length': r.body.length }).end(r.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  function serve(repo: string, tag: string, img: ReturnType<typeof multiArch>, indexBytes = img.indexBytes): void {
    routes.set(`/v2/${repo}/manifests/${tag}`, { type: INDEX, body: indexBytes });
    for (const [d, b] of img.blobs) {
      routes.set(`/v2/${repo}/manifests/${d}`, { type: MANIFEST, body: b });
      routes.set(`/v2/${repo}/blobs/${d}`, { type: 'application/octet-stream', body: b });
    }
  }

  it('reads the asked platform of an index; the default choice is unchanged', async () => {
    const img = multiArch([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64' },
      { os: 'linux', architecture: 'arm', variant: 'v7' },
    ]);
    serve('multi', '1', img);
    const arm = await resolveFromRegistry(`${host}/multi:1`, auth, parsePlatform('linux/arm/v7'));
    expect([arm.info.architecture, arm.info.manifestDigest, arm.layers.map((l) => l.digest)]).toEqual([
      'arm',
      img.manifests[2].digest,
      [img.manifests[2].layer],
    ]);
    const def = await resolveFromRegistry(`${host}/multi:1`, auth);
    expect(def.info.manifestDigest).toBe(img.manifests[process.arch === 'arm64' ? 1 : 0].digest);
    expect(await registryPlatforms(`${host}/multi:1`, auth)).toEqual(['linux/amd64', 'linux/arm64', 'linux/arm/v7']);
  });

  it('a platform the index lacks: exit-2 error naming the available platforms', async () => {
    const err = await expectScanError(resolveFromRegistry(`${host}/multi:1`, auth, parsePlatform('linux/ppc64le')));
    expect([err.exitCode, err.message, err.hint]).toEqual([
      2,
      `${host}/multi:1 has no image for the platform linux/ppc64le`,
      'it has: linux/amd64, linux/arm64, linux/arm/v7. Set platform to one of them, or to `all`.',
    ]);
  });

  it('a single-platform image: checked against the platform, listed as its one platform', async () => {
    const img = multiArch([{ os: 'linux', architecture: 'amd64' }]);
    serve('single', '1', img);
    routes.set('/v2/single/manifests/1', { type: MANIFEST, body: img.blobs.get(img.manifests[0].digest) as Buffer });
    expect(await registryPlatforms(`${host}/single:1`, auth)).toEqual(['linux/amd64']);
    expect((await resolveFromRegistry(`${host}/single:1`, auth, parsePlatform('linux/amd64'))).info.architecture).toBe(
      'amd64',
    );
    const err = await expectScanError(resolveFromRegistry(`${host}/single:1`, auth, parsePlatform('linux/arm64')));
    expect(err.message).toBe(`${host}/single:1 is a linux/amd64 image, not linux/arm64`);
  });

  it('hostile: a platform whose config says another architecture (lying), a nested index, a huge index', async () => {
    const liar = multiArch([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64', configArch: 'amd64' },
    ]);
    serve('liar', '1', liar);
    const lie = await expectScanError(resolveFromRegistry(`${host}/liar:1`, auth, parsePlatform('linux/arm64')));
    expect(lie.message).toBe(`${host}/liar:1 is a linux/amd64 image, not linux/arm64`);

    const inner = multiArch([{ os: 'linux', architecture: 'arm64' }]);
    const innerIndex = inner.put(inner.indexBytes);
    const outer = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: INDEX,
        manifests: [{ mediaType: INDEX, ...innerIndex, platform: { os: 'linux', architecture: 'arm64' } }],
      }),
    );
    serve('nested', '1', inner, outer);
    const nested = await expectScanError(resolveFromRegistry(`${host}/nested:1`, auth, parsePlatform('linux/arm64')));
    expect(nested.message).toBe(`${host}/nested:1 is not a usable image index: its linux/arm64 entry is another index`);

    const huge = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: INDEX,
        manifests: Array.from({ length: 5000 }, (_, i) => desc('linux', `a${i}`)),
      }),
    );
    routes.set('/v2/huge/manifests/1', { type: INDEX, body: huge });
    for (const p of [
      registryPlatforms(`${host}/huge:1`, auth),
      resolveFromRegistry(`${host}/huge:1`, auth, parsePlatform('linux/a1')),
    ]) {
      expect((await expectScanError(p)).message).toBe(
        `${host}/huge:1 is not a usable image index: it lists 5000 manifests (at most 64 platforms are scanned)`,
      );
    }
  });

  it('platform: all makes one labelled target per platform; each opens as its own platform', async () => {
    const settings: ImageSettings = { imageSource: 'registry', registry: auth, platform: 'all' };
    const req = { input: `registry:${host}/multi:1`, ref: `${host}/multi:1`, source: 'registry' as const };
    const state: RunState = { runId: newRunId(), tempDirs: [], containers: [], volumes: [] } as unknown as RunState;
    const noDocker = (): DockerClient => {
      throw new Error('no daemon is asked');
    };
    const targets = await platformTargets(req, 'registry', settings, noDocker, state);
    expect(targets.map((t) => t.platform)).toEqual(['linux/amd64', 'linux/arm64', 'linux/arm/v7']);
    const opened = await Promise.all(targets.map((t) => openImage(t, settings, noDocker, state, 'registry')));
    expect(opened.map((o) => [o.info.ref, o.info.platform, o.info.architecture])).toEqual([
      [`${host}/multi:1 (linux/amd64)`, 'linux/amd64', 'amd64'],
      [`${host}/multi:1 (linux/arm64)`, 'linux/arm64', 'arm64'],
      [`${host}/multi:1 (linux/arm/v7)`, 'linux/arm/v7', 'arm'],
    ]);
    // Without `all` the request is left as it is (the default stays byte for byte).
    expect(await platformTargets(req, 'registry', { ...settings, platform: undefined }, noDocker, state)).toEqual([
      req,
    ]);
  });
});

describe('OCI archive source (index.json with several manifests)', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-platform-unit-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const state = (): RunState =>
    ({ runId: newRunId(), tempDirs: [], containers: [], volumes: [] }) as unknown as RunState;

  async function layoutFile(
    name: string,
    img: ReturnType<typeof multiArch>,
    index: object = img.index,
  ): Promise<string> {
    const pack = tar.pack();
    const chunks: Buffer[] = [];
    pack.on('data', (c: unknown) => {
      chunks.push(c as Buffer);
    });
    const ended = new Promise<void>((resolve) => pack.on('end', () => resolve()));
    pack.entry({ name: 'oci-layout' }, '{"imageLayoutVersion":"1.0.0"}');
    for (const [d, b] of img.blobs) pack.entry({ name: `blobs/sha256/${d.slice(7)}` }, b);
    pack.entry({ name: 'index.json' }, JSON.stringify(index));
    pack.finalize();
    await ended;
    const file = path.join(tmp, name);
    fs.writeFileSync(file, Buffer.concat(chunks));
    return file;
  }

  it('reads the asked platform, lists every platform for all, and names the available ones when absent', async () => {
    const img = multiArch([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64' },
    ]);
    // As skopeo copy --all writes it: index.json → the image index → platform manifests.
    const top = img.put(img.indexBytes);
    const file = await layoutFile('multi.tar', img, {
      schemaVersion: 2,
      mediaType: INDEX,
      manifests: [
        { mediaType: INDEX, ...top, annotations: { 'org.opencontainers.image.ref.name': 'example.com/app:1' } },
      ],
    });
    const s = state();
    const arm = await resolveFromArchiveFile(file, s, { platform: parsePlatform('linux/arm64') });
    expect([arm.info.architecture, arm.layers.map((l) => l.digest)]).toEqual(['arm64', [img.manifests[1].layer]]);
    await arm.close();
    expect(await archiveFilePlatforms(file, s)).toEqual(['linux/amd64', 'linux/arm64']);
    const err = await expectScanError(resolveFromArchiveFile(file, s, { platform: parsePlatform('linux/riscv64') }));
    expect([err.message, err.hint]).toEqual([
      `"${file}" has no image for the platform linux/riscv64`,
      'it has: linux/amd64, linux/arm64. Set platform to one of them, or to `all`.',
    ]);
    // Nothing of the run is left behind: every spooled copy was removed.
    expect(s.tempDirs).toEqual([]);
  });

  it('a platform manifest whose config says another architecture is refused', async () => {
    const img = multiArch([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64', configArch: 'amd64' },
    ]);
    const file = await layoutFile('liar.tar', img);
    const err = await expectScanError(
      resolveFromArchiveFile(file, state(), { platform: parsePlatform('linux/arm64') }),
    );
    expect(err.message).toBe(`"${file}" is a linux/amd64 image, not linux/arm64`);
  });
});

describe('Docker daemon source (one platform per tag: checked, not chosen)', () => {
  const daemon = (inspect: object | undefined): DockerClient =>
    ({
      endpoint: { host: 'unix:///var/run/docker.sock' },
      imageInspect: async () => inspect,
      exportImage: async () => {
        throw new Error('must not export an image of the wrong platform');
      },
    }) as unknown as DockerClient;
  const state = { runId: newRunId(), tempDirs: [], containers: [], volumes: [] } as unknown as RunState;

  it('an image of another platform fails clearly, before any export', async () => {
    const err = await expectScanError(
      resolveFromDaemon(
        daemon({ Os: 'linux', Architecture: 'amd64' }),
        'myapp:ci',
        state,
        parsePlatform('linux/arm64'),
      ),
    );
    expect(err.message).toBe('image "myapp:ci" in the Docker daemon is linux/amd64, not linux/arm64');
    expect(err.hint).toMatch(/docker pull --platform linux\/arm64 .*registry:<ref>/);
  });

  it('platform: all from the daemon is refused (it would scan one platform as if it were all)', async () => {
    const settings: ImageSettings = { imageSource: 'docker', registry: { insecure: false }, platform: 'all' };
    const req = { input: 'myapp:ci', ref: 'myapp:ci' };
    const err = await expectScanError(
      platformTargets(
        req,
        'docker',
        settings,
        () => daemon({ Os: 'linux', Architecture: 'arm', Variant: 'v7' }),
        state,
      ),
    );
    expect(err.message).toBe(
      'platform: all cannot scan "myapp:ci" from the Docker daemon, which holds only its linux/arm/v7 platform',
    );
    expect(err.hint).toMatch(/registry:<ref>.*oci-archive/);
  });
});

describe('batch mode labels (batch/platforms.ts)', () => {
  it('a labelled batch image is that platform of its line, only with platform: all', () => {
    expect(batchImageRequest('registry:127.0.0.1:5000/app:1 (linux/arm/v7)', { platform: 'all' })).toEqual({
      input: 'registry:127.0.0.1:5000/app:1',
      ref: '127.0.0.1:5000/app:1',
      source: 'registry',
      platform: 'linux/arm/v7',
    });
    expect(batchImageRequest('registry:127.0.0.1:5000/app:1', { platform: 'all' })).toEqual({
      input: 'registry:127.0.0.1:5000/app:1',
      ref: '127.0.0.1:5000/app:1',
      source: 'registry',
    });
    // Without `all` nothing is read from the text: an archive path may end in anything.
    expect(batchImageRequest('archive:out/x (linux/amd64)', { platform: undefined })).toEqual({
      input: 'archive:out/x (linux/amd64)',
      ref: 'out/x (linux/amd64)',
      source: 'archive',
    });
  });
});
