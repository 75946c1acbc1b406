/**
 * A runner behind a corporate proxy (HTTP_PROXY / NO_PROXY): the registry's name resolves only at the proxy, as
 * an external registry does for a runner without direct DNS. The real test registry (basic auth) sits behind a
 * real forward proxy on loopback (helpers/test-proxy.ts); installProxy is what the CLI and the action call at
 * start-up. The image is streamed from the registry through the proxy to the ephemeral Clair with its exact
 * findings; the local services (Docker, PostgreSQL, Clair, the layer server) are never sent to the proxy.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { getGlobalDispatcher, setGlobalDispatcher } from 'undici';
import { scan } from '../../../src/scan';
import { installProxy } from '../../../src/util/proxy';
import { loadTestEnv } from '../../helpers/testenv';
import { startTestProxy, type TestProxy } from '../../helpers/test-proxy';
import { DEBIAN_VULN_FINDINGS, docker, expectScanError, findingLines, fixture, settingsFor } from './helpers';

const env = loadTestEnv();
const RUN = randomBytes(3).toString('hex');
const registryPort = Number(env.registry.address.split(':').pop());
const NAME = `registry.proxy.test:${registryPort}`;
const local = `${env.registry.address}/proxy-${RUN}/debian-vuln:1`;
const viaProxy = `${NAME}/proxy-${RUN}/debian-vuln:1`;
let proxy: TestProxy;
const before = getGlobalDispatcher();

beforeAll(async () => {
  execFileSync('docker', ['login', '-u', env.registry.username, '--password-stdin', env.registry.address], {
    input: env.registry.password,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  docker('tag', fixture('debian-vuln'), local);
  docker('push', local);
  docker('rmi', local);
  proxy = await startTestProxy({ [NAME]: registryPort });
});

afterAll(async () => {
  setGlobalDispatcher(before);
  await proxy?.close();
  execFileSync('docker', ['logout', env.registry.address], { stdio: 'pipe' });
});

const inputs = {
  'registry-insecure': 'true',
  'registry-username': env.registry.username,
  'registry-password': env.registry.password,
  formats: 'json',
};

it('HTTP_PROXY set: the registry image comes through the proxy, exact findings; nothing local was sent to it', async () => {
  proxy.seen.length = 0;
  installProxy({ HTTP_PROXY: proxy.url, NO_PROXY: '' });
  try {
    const o = await scan(settingsFor([`registry:${viaProxy}`], inputs));
    expect(findingLines(o.result.images[0])).toEqual(DEBIAN_VULN_FINDINGS);
    expect(o.exitCode).toBe(1);
  } finally {
    setGlobalDispatcher(before);
  }
  expect(proxy.seen.length).toBeGreaterThan(0);
  // Only the registry's name, never a loopback address (Clair, the layer server, PostgreSQL).
  expect(proxy.seen.filter((s) => !s.includes(NAME))).toEqual([]);
});

it('without the proxy the name does not resolve: a clear error, exit 2', async () => {
  const err = await expectScanError(scan(settingsFor([`registry:${viaProxy}`], inputs)));
  expect(err.exitCode).toBe(2);
  expect(err.message).toMatch(/registry\.proxy\.test/);
  expect(`${err.message} ${err.hint}`).toMatch(/ENOTFOUND|getaddrinfo|resolve/i);
});
