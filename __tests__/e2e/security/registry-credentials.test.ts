/**
 * Security against the real registry of the test environment (Debian docker-registry, htpasswd Basic auth on
 * 127.0.0.1): credentials bound to its host work after its challenge; bound elsewhere they are not sent (the
 * registry refuses); Docker config.json credentials are read for exactly that host; real blobs pass the digest
 * checks and the computed diff ids equal the config's.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { resolveFromRegistry } from '../../../src/image/registry';
import { parseSettings } from '../../../src/inputs/settings';
import { loadTestEnv } from '../../helpers/testenv';
import { expectScanError } from '../../helpers/errors';

const env = loadTestEnv();
const REF = `${env.registry.address}/security/base:1`;
const FIXTURE = 'localhost/clair-scan-fixture/base:1';
// A private Docker CLI config: `docker login` here must not touch the one other tests use.
const cliConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'clair-scan-e2e-sec-docker-'));
const docker = (...args: string[]): string =>
  execFileSync('docker', ['--config', cliConfig, ...args], {
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    input: args[0] === 'login' ? env.registry.password : undefined,
  }).trim();

async function drain(s: NodeJS.ReadableStream): Promise<number> {
  let n = 0;
  for await (const c of s) n += (c as Buffer).length;
  return n;
}

beforeAll(() => {
  docker('login', '-u', env.registry.username, '--password-stdin', env.registry.address);
  docker('tag', FIXTURE, REF);
  docker('push', REF);
});
const configDirs: string[] = [];
afterAll(() => {
  docker('rmi', REF);
  for (const d of [cliConfig, ...configDirs]) fs.rmSync(d, { recursive: true, force: true });
  delete process.env.DOCKER_CONFIG;
});
beforeEach(() => {
  // No Docker config credentials unless a test writes some.
  process.env.DOCKER_CONFIG = fs.mkdtempSync(path.join(os.tmpdir(), 'clair-scan-e2e-sec-empty-'));
  configDirs.push(process.env.DOCKER_CONFIG);
});

describe('the real registry (htpasswd Basic auth)', () => {
  it("credentials bound by default to the image's registry: pulled after the challenge; blobs verified; diff ids computed", async () => {
    const s = parseSettings(
      (n) =>
        ({
          image: `registry:${REF}`,
          'registry-username': env.registry.username,
          'registry-password': env.registry.password,
        })[n],
    );
    expect(s.registry.hosts).toEqual([env.registry.address]);
    const img = await resolveFromRegistry(REF, s.registry);
    expect(img.layers.length).toBeGreaterThan(0);
    expect(await drain(await img.layers[0].open())).toBe(img.layers[0].size);
    expect(await img.layers[0].uncompressedDigest!()).toBe(img.info.layers[0].diffId);
    // By digest: the manifest is checked against it.
    const byDigest = await resolveFromRegistry(
      `${env.registry.address}/security/base@${img.info.manifestDigest}`,
      s.registry,
    );
    expect(byDigest.info.imageId).toBe(img.info.imageId);
  });

  it('credentials bound to another host are not sent: the registry refuses', async () => {
    const s = parseSettings(
      (n) =>
        ({
          image: `registry:${REF}`,
          'registry-username': env.registry.username,
          'registry-password': env.registry.password,
          'registry-host': '127.0.0.1:1',
        })[n],
    );
    const err = await expectScanError(resolveFromRegistry(REF, s.registry));
    expect(err.message).toBe(`the registry ${env.registry.address} refused access to security/base`);
    expect(err.hint).toContain('registry-host');
  });

  it('Docker config.json credentials of exactly this host are used', async () => {
    fs.writeFileSync(
      path.join(process.env.DOCKER_CONFIG as string, 'config.json'),
      JSON.stringify({
        auths: {
          [env.registry.address]: {
            auth: Buffer.from(`${env.registry.username}:${env.registry.password}`).toString('base64'),
          },
        },
      }),
    );
    const img = await resolveFromRegistry(REF, { insecure: false });
    expect(img.info.source).toBe('registry');
    fs.writeFileSync(
      path.join(process.env.DOCKER_CONFIG as string, 'config.json'),
      JSON.stringify({
        auths: { 'other.example:5000': { username: env.registry.username, password: env.registry.password } },
      }),
    );
    await expectScanError(resolveFromRegistry(REF, { insecure: false }));
  });
});
