/**
 * Security: registry credentials are bound to their registry host, sent only after a 401 challenge, only to a
 * token service on a bound host over https (or loopback), and what a registry answers is size-limited and
 * checked against the digest it was asked for. Fake registries and token services listen on 127.0.0.1; hosts
 * differ by port.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveFromRegistry, isLoopbackHost, MAX_JSON_BYTES, RegistryAuth } from '../../../src/image/registry';
import { credentialHosts } from '../../../src/image/reference';
import { parseSettings } from '../../../src/inputs/settings';
import { expectScanError } from '../../helpers/errors';
import { FakeRegistry, FakeTokenService, makeImage, sha256, FakeImage } from './fake-registry';

const USER = 'ci-user';
const PASS = 'hunter2-secret';
const BASIC = `Basic ${Buffer.from(`${USER}:${PASS}`).toString('base64')}`;

async function drain(s: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

let image: FakeImage;
const started: { stop(): Promise<void> }[] = [];
async function registry(...args: ConstructorParameters<typeof FakeRegistry>): Promise<FakeRegistry> {
  const r = await new FakeRegistry(...args).start();
  started.push(r);
  return r;
}
async function tokenService(...args: ConstructorParameters<typeof FakeTokenService>): Promise<FakeTokenService> {
  const t = await new FakeTokenService(...args).start();
  started.push(t);
  return t;
}

beforeAll(async () => {
  image = await makeImage();
});
// Never the real ~/.docker/config.json of whoever runs the tests. Every dir made here goes in afterAll.
const made: string[] = [];
const emptyDockerConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'clair-scan-nodockercfg-'));
made.push(emptyDockerConfig);
afterAll(() => {
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});
beforeEach(() => {
  process.env.DOCKER_CONFIG = emptyDockerConfig;
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
  delete process.env.DOCKER_CONFIG;
});

describe('credentials are sent only after a 401 challenge', () => {
  it('a registry that needs no auth never sees the credentials', async () => {
    const reg = await registry(image);
    const auth: RegistryAuth = { username: USER, password: PASS, insecure: false, hosts: [reg.host] };
    const img = await resolveFromRegistry(`${reg.host}/team/app:1.0`, auth);
    expect(img.info.manifestDigest).toBe(image.manifestDigest);
    expect((await drain(await img.layers[0].open())).equals(image.layer)).toBe(true);
    expect(reg.seen.length).toBeGreaterThanOrEqual(3);
    expect(reg.authorizations()).toEqual([]);
  });

  it('a Basic registry gets them after its challenge, on its own host only', async () => {
    const reg = await registry(image, { kind: 'basic', user: USER, password: PASS });
    const img = await resolveFromRegistry(`${reg.host}/team/app:1.0`, {
      username: USER,
      password: PASS,
      insecure: false,
      hosts: [reg.host],
    });
    expect(img.info.imageId).toBe(image.configDigest);
    expect(reg.seen[0].authorization).toBeUndefined();
    expect(reg.seen[1].authorization).toBe(BASIC);
  });
});

describe('credentials are bound to the registry host', () => {
  it("an image on another host (the default binding is the scanned images' registries) never gets them", async () => {
    const good = await registry(image, { kind: 'basic', user: USER, password: PASS });
    const evil = await registry(image, { kind: 'basic', user: 'x', password: 'y' });
    const settings = parseSettings(
      (n) => ({ image: `${good.host}/team/app:1.0`, 'registry-username': USER, 'registry-password': PASS })[n],
    );
    expect(settings.registry.hosts).toEqual([good.host]);
    // e.g. required-base-image or a second image naming the attacker's registry
    const err = await expectScanError(resolveFromRegistry(`${evil.host}/team/app:1.0`, settings.registry));
    expect(err.message).toContain('refused access');
    expect(err.hint).toContain('registry-host');
    expect(evil.seen.length).toBeGreaterThan(0);
    expect(evil.authorizations()).toEqual([]);
  });

  it('a token realm on another host gets no credentials (the token is asked for anonymously)', async () => {
    const realm = await tokenService(() => Buffer.from(JSON.stringify({ token: 'anon' })));
    const reg = await registry(image, { kind: 'bearer', realm: () => realm.url, token: 'anon' });
    await resolveFromRegistry(`${reg.host}/team/app:1.0`, {
      username: USER,
      password: PASS,
      insecure: false,
      hosts: [reg.host],
    });
    expect(realm.seen.length).toBeGreaterThan(0);
    expect(realm.seen.map((s) => s.authorization)).toEqual(realm.seen.map(() => undefined));
    expect(reg.authorizations().length).toBeGreaterThan(0);
    expect(reg.authorizations().filter((a) => a !== 'Bearer anon')).toEqual([]);
  });

  it('a token realm on a host listed in registry-host gets them', async () => {
    const realm = await tokenService(() => Buffer.from(JSON.stringify({ token: 'tok-1' })), BASIC);
    const reg = await registry(image, { kind: 'bearer', realm: () => realm.url, token: 'tok-1' });
    const realmHost = new URL(realm.url).host;
    const img = await resolveFromRegistry(`${reg.host}/team/app:1.0`, {
      username: USER,
      password: PASS,
      insecure: false,
      hosts: [reg.host, realmHost],
    });
    expect(img.info.manifestDigest).toBe(image.manifestDigest);
    expect(realm.seen[0].authorization).toBe(BASIC);
    expect(new URL(realm.seen[0].path, 'http://x').searchParams.get('scope')).toBe('repository:team/app:pull');
  });

  it("the registry's own token realm (same host) gets them", async () => {
    const self: { url?: string } = {};
    const reg = await registry(image, {
      kind: 'bearer',
      realm: () => `${self.url}/token`,
      token: 'tok-2',
      tokenRequiresBasic: BASIC,
    });
    self.url = reg.url;
    await resolveFromRegistry(`${reg.host}/team/app:1.0`, {
      username: USER,
      password: PASS,
      insecure: false,
      hosts: [reg.host],
    });
    expect(reg.seen.filter((s) => s.path.startsWith('/token')).map((s) => s.authorization)).toEqual([BASIC]);
    const registryRequests = reg.seen.filter((s) => !s.path.startsWith('/token'));
    expect(registryRequests.length).toBeGreaterThan(0);
    expect(registryRequests.filter((s) => s.authorization === BASIC)).toEqual([]);
  });

  it('registry-host defaults to the first registry the images name; an unqualified daemon name binds nothing', () => {
    expect(
      credentialHosts([], [{ ref: 'ghcr.io/org/app:1' }, { ref: 'myapp:ci' }, { ref: 'localhost:5000/x' }], 'auto'),
    ).toEqual(['ghcr.io']);
    expect(credentialHosts([], [{ ref: 'alpine:3', source: 'registry' }], 'auto')).toEqual(['docker.io']);
    expect(
      credentialHosts(
        [],
        [
          { ref: 'ghcr.io/org/app:1', source: 'docker' },
          { ref: 'out/app.tar', source: 'archive' },
        ],
        'auto',
      ),
    ).toEqual([]);
    expect(
      credentialHosts(['registry.example.com', ' gitlab.example.com '], [{ ref: 'ghcr.io/org/app:1' }], 'auto'),
    ).toEqual(['registry.example.com', 'gitlab.example.com']);
  });
});

describe('loopback is decided by the resolved address, not by the name', () => {
  it('classifies names and addresses', async () => {
    expect(await isLoopbackHost('localhost.attacker.example')).toBe(false);
    expect(await isLoopbackHost('127.attacker.example')).toBe(false);
    expect(await isLoopbackHost('localhost')).toBe(true);
    expect(await isLoopbackHost('127.0.0.1')).toBe(true);
    expect(await isLoopbackHost('127.1.2.3')).toBe(true);
    expect(await isLoopbackHost('[::1]')).toBe(true);
    expect(await isLoopbackHost('10.0.0.1')).toBe(false);
  });

  it('a name that merely starts with "localhost" is contacted over https', async () => {
    const err = await expectScanError(
      resolveFromRegistry('localhost.attacker.example:5000/team/app:1.0', { insecure: false }),
    );
    expect(err.message).toContain('https://localhost.attacker.example:5000/');
  });

  it('"localhost" resolves to loopback: plain HTTP', async () => {
    const reg = await registry(image);
    const img = await resolveFromRegistry(`localhost:${reg.port}/team/app:1.0`, { insecure: false });
    expect(img.info.manifestDigest).toBe(image.manifestDigest);
  });
});

describe('what a registry answers is checked', () => {
  it('a manifest fetched by digest must have that digest', async () => {
    const other = await makeImage({ 'etc/os-release': 'ID=alpine\n' });
    const reg = await registry(image);
    // The registry answers the digest of `other` with `image`'s manifest.
    reg.overrides.set(`/v2/team/app/manifests/${other.manifestDigest}`, { body: image.manifest });
    const err = await expectScanError(
      resolveFromRegistry(`${reg.host}/team/app@${other.manifestDigest}`, { insecure: false }),
    );
    expect(err.message).toContain('does not match the digest');
    // The right one passes.
    const ok = await resolveFromRegistry(`${reg.host}/team/app@${image.manifestDigest}`, { insecure: false });
    expect(ok.info.manifestDigest).toBe(image.manifestDigest);
  });

  it("an index's platform manifest and the config blob are checked against their digests", async () => {
    const reg = await registry(image);
    const fakeDigest = sha256('not the manifest');
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        manifests: [
          {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            digest: fakeDigest,
            platform: { os: 'linux', architecture: 'amd64' },
          },
        ],
      }),
    );
    reg.overrides.set('/v2/team/app/manifests/multi', { body: index });
    reg.overrides.set(`/v2/team/app/manifests/${fakeDigest}`, { body: image.manifest });
    expect(
      (await expectScanError(resolveFromRegistry(`${reg.host}/team/app:multi`, { insecure: false }))).message,
    ).toContain('does not match the digest');

    reg.overrides.clear();
    reg.overrides.set(`/v2/team/app/blobs/${image.configDigest}`, {
      body: Buffer.from(JSON.stringify({ os: 'linux', rootfs: { diff_ids: [] } })),
    });
    expect(
      (await expectScanError(resolveFromRegistry(`${reg.host}/team/app:1.0`, { insecure: false }))).message,
    ).toContain('does not match the digest');
  });

  it('a layer blob that does not match its digest fails the stream', async () => {
    const reg = await registry(image);
    reg.overrides.set(`/v2/team/app/blobs/${image.layerDigest}`, { body: Buffer.from('tampered') });
    const img = await resolveFromRegistry(`${reg.host}/team/app:1.0`, { insecure: false });
    await expect(drain(await img.layers[0].open())).rejects.toThrow(/does not match its digest/);
  });

  it('a manifest over 4 MiB is refused with a clear error (with or without content-length)', async () => {
    const reg = await registry(image);
    const huge = Buffer.concat([image.manifest.subarray(0, -1), Buffer.alloc(MAX_JSON_BYTES, ' '), Buffer.from('}')]);
    reg.overrides.set('/v2/team/app/manifests/big', { body: huge });
    const err = await expectScanError(resolveFromRegistry(`${reg.host}/team/app:big`, { insecure: false }));
    expect(err.message).toMatch(/larger than 4 MiB/);
    reg.overrides.set('/v2/team/app/manifests/big', { body: huge, chunked: true });
    const err2 = await expectScanError(resolveFromRegistry(`${reg.host}/team/app:big`, { insecure: false }));
    expect(err2.message).toMatch(/larger than 4 MiB/);
  });

  it('a token answer over 4 MiB is refused', async () => {
    const realm = await tokenService(() => Buffer.from(JSON.stringify({ token: 'x'.repeat(MAX_JSON_BYTES + 10) })));
    const reg = await registry(image, { kind: 'bearer', realm: () => realm.url, token: 'x' });
    const err = await expectScanError(resolveFromRegistry(`${reg.host}/team/app:1.0`, { insecure: false }));
    expect(err.message).toMatch(/token.*larger than 4 MiB/);
  });
});

describe('~/.docker/config.json credentials, host-scoped', () => {
  function dockerConfig(content: unknown): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clair-scan-dockercfg-'));
    made.push(dir);
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(content));
    process.env.DOCKER_CONFIG = dir;
    return dir;
  }

  it("the `auth` entry of the registry's host is used after the challenge; other hosts' entries are not", async () => {
    const reg = await registry(image, { kind: 'basic', user: USER, password: PASS });
    const evil = await registry(image, { kind: 'basic', user: 'x', password: 'y' });
    dockerConfig({ auths: { [reg.host]: { auth: Buffer.from(`${USER}:${PASS}`).toString('base64') } } });
    const img = await resolveFromRegistry(`${reg.host}/team/app:1.0`, { insecure: false });
    expect(img.info.manifestDigest).toBe(image.manifestDigest);
    expect(reg.seen[0].authorization).toBeUndefined();
    expect(reg.seen[1].authorization).toBe(BASIC);

    await expectScanError(resolveFromRegistry(`${evil.host}/team/app:1.0`, { insecure: false }));
    expect(evil.authorizations()).toEqual([]);
  });

  it('username/password entries (keyed by URL) work too', async () => {
    const reg = await registry(image, { kind: 'basic', user: USER, password: PASS });
    dockerConfig({ auths: { [`http://${reg.host}/v1/`]: { username: USER, password: PASS } } });
    const img = await resolveFromRegistry(`${reg.host}/team/app:1.0`, { insecure: false });
    expect(img.info.imageId).toBe(image.configDigest);
  });

  it('config.json credentials go to a token realm on another host only when registry-host lists it', async () => {
    const realm = await tokenService(() => Buffer.from(JSON.stringify({ token: 't' })));
    const reg = await registry(image, { kind: 'bearer', realm: () => realm.url, token: 't' });
    dockerConfig({ auths: { [reg.host]: { auth: Buffer.from(`${USER}:${PASS}`).toString('base64') } } });
    await resolveFromRegistry(`${reg.host}/team/app:1.0`, { insecure: false });
    expect(realm.seen.map((s) => s.authorization).filter(Boolean)).toEqual([]);
    await resolveFromRegistry(`${reg.host}/team/app:1.0`, {
      insecure: false,
      hosts: [reg.host, new URL(realm.url).host],
    });
    expect(realm.seen.map((s) => s.authorization).filter(Boolean)).toEqual([BASIC]);
  });
});
