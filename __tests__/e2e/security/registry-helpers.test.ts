/**
 * Credential helpers and credential binding against real registries (issue 20, issue 24): the test environment's
 * htpasswd registry, and a second Debian docker-registry with its own htpasswd user that this file starts on another
 * loopback port and stops (by its pid). Each is reached through a small recording proxy on 127.0.0.1 that counts the
 * Authorization headers it forwards. Docker config credential helpers are shell scripts on the PATH.
 * - A helper's credentials reach only its own registry (credHelpers for one, credsStore for the other).
 * - A batch listing both registries with registry-username/registry-password sends them only to the bound one.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { resolveFromRegistry } from '../../../src/image/registry';
import { resolveBatch } from '../../../src/batch/run';
import { expectScanError } from '../../helpers/errors';
import { loadTestEnv } from '../../helpers/testenv';
import { testTempDir } from '../../helpers/tmp';

const env = loadTestEnv();
const FIXTURE = 'localhost/clair-scan-fixture/base:1';
const REPO = 'security/helpers';
const B_USER = 'second-user';
const B_PASS = `b-${randomBytes(9).toString('hex')}`;
const basic = (u: string, p: string): string => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;
const A_BASIC = basic(env.registry.username, env.registry.password);
const B_BASIC = basic(B_USER, B_PASS);

/** Forwards every request to `target` (host:port) and records its Authorization header. */
class RecordingProxy {
  readonly authorizations: (string | undefined)[] = [];
  host = '';
  private server?: http.Server;
  constructor(private readonly target: string) {}
  async start(): Promise<this> {
    const [thost, tport] = this.target.split(':');
    this.server = http.createServer((req, res) => {
      this.authorizations.push(req.headers.authorization);
      const up = http.request(
        {
          host: thost,
          port: Number(tport),
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: this.target },
        },
        (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        },
      );
      up.on('error', () => res.writeHead(502).end());
      req.pipe(up);
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.host = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    return this;
  }
  sent(): string[] {
    return this.authorizations.filter((a): a is string => !!a);
  }
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

async function status(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(undefined));
    req.setTimeout(2000, () => req.destroy());
  });
}

let second: ChildProcess | undefined;
let secondAddress = '';
let proxyA: RecordingProxy;
let proxyB: RecordingProxy;
const cliConfig = testTempDir('cs-e2e-helpers-docker-');
const docker = (args: string[], input?: string): string =>
  execFileSync('docker', ['--config', cliConfig, ...args], {
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    input,
  }).trim();
const pushed: string[] = [];

beforeAll(async () => {
  // The second registry: its own storage, htpasswd user and loopback port.
  const dir = testTempDir('cs-e2e-helpers-registry-');
  fs.writeFileSync(
    path.join(dir, 'htpasswd'),
    execFileSync('htpasswd', ['-Bbn', B_USER, B_PASS], { encoding: 'utf8' }),
  );
  const port = await freePort();
  secondAddress = `127.0.0.1:${port}`;
  fs.writeFileSync(
    path.join(dir, 'config.yml'),
    [
      'version: 0.1',
      'log:',
      '  level: warn',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${path.join(dir, 'data')}`,
      'http:',
      `  addr: ${secondAddress}`,
      `  secret: ${randomBytes(16).toString('hex')}`,
      'auth:',
      '  htpasswd:',
      '    realm: clair-scan-second',
      `    path: ${path.join(dir, 'htpasswd')}`,
      '',
    ].join('\n'),
  );
  second = spawn('docker-registry', ['serve', path.join(dir, 'config.yml')], { stdio: 'ignore' });
  for (let i = 0; i < 60 && (await status(`http://${secondAddress}/v2/`)) !== 401; i++)
    await new Promise((r) => setTimeout(r, 500));
  expect(await status(`http://${secondAddress}/v2/`)).toBe(401);

  for (const [address, user, pass] of [
    [env.registry.address, env.registry.username, env.registry.password],
    [secondAddress, B_USER, B_PASS],
  ]) {
    docker(['login', '-u', user, '--password-stdin', address], pass);
    const ref = `${address}/${REPO}:1`;
    docker(['tag', FIXTURE, ref]);
    docker(['push', ref]);
    pushed.push(ref);
  }
  proxyA = await new RecordingProxy(env.registry.address).start();
  proxyB = await new RecordingProxy(secondAddress).start();
});

afterAll(async () => {
  await proxyA?.stop();
  await proxyB?.stop();
  for (const ref of pushed) docker(['rmi', ref]);
  if (second?.pid && second.exitCode === null) {
    const exited = new Promise((r) => second?.once('exit', r));
    process.kill(second.pid, 'SIGTERM');
    await exited;
  }
  delete process.env.DOCKER_CONFIG;
});

const savedPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = savedPath;
});
beforeEach(() => {
  proxyA.authorizations.length = 0;
  proxyB.authorizations.length = 0;
  process.env.DOCKER_CONFIG = testTempDir('cs-e2e-helpers-cfg-');
});

/** A docker-credential-<name> script answering `user`/`secret` for `server` only, logging what it was asked. */
function helper(bin: string, name: string, server: string, user: string, secret: string): string {
  const asked = path.join(bin, `${name}.asked`);
  fs.writeFileSync(
    path.join(bin, `docker-credential-${name}`),
    `#!/bin/sh\n[ "$1" = get ] || exit 9\nread -r server\necho "$server" >> "${asked}"\n` +
      `if [ "$server" = "${server}" ]; then printf '{"ServerURL":"%s","Username":"${user}","Secret":"${secret}"}' "$server"; exit 0; fi\n` +
      'echo "credentials not found in native keychain"; exit 1\n',
    { mode: 0o755 },
  );
  return asked;
}

describe('credential helpers against real registries', () => {
  it('credHelpers and credsStore: each helper is asked for its own registry, and its credentials reach only that registry', async () => {
    const bin = testTempDir('cs-e2e-helpers-bin-');
    process.env.PATH = `${bin}:${savedPath}`;
    const askedA = helper(bin, 'cs-team', proxyA.host, env.registry.username, env.registry.password);
    const askedStore = helper(bin, 'cs-store', proxyB.host, B_USER, B_PASS);
    fs.writeFileSync(
      path.join(process.env.DOCKER_CONFIG as string, 'config.json'),
      JSON.stringify({ credHelpers: { [proxyA.host]: 'cs-team' }, credsStore: 'cs-store' }),
    );

    const a = await resolveFromRegistry(`${proxyA.host}/${REPO}:1`, { insecure: false });
    const b = await resolveFromRegistry(`${proxyB.host}/${REPO}:1`, { insecure: false });
    expect(a.info.imageId).toBe(b.info.imageId);
    expect(a.layers.length).toBeGreaterThan(0);

    expect(proxyA.sent().length).toBeGreaterThan(0);
    expect([...new Set(proxyA.sent())]).toEqual([A_BASIC]);
    expect(proxyB.sent().length).toBeGreaterThan(0);
    expect([...new Set(proxyB.sent())]).toEqual([B_BASIC]);
    expect(fs.readFileSync(askedA, 'utf8').trim().split('\n')).toEqual([proxyA.host]);
    expect(fs.readFileSync(askedStore, 'utf8').trim().split('\n')).toEqual([proxyB.host]);
  });
});

describe('a batch with two registries', () => {
  it('registry-username/registry-password go only to the bound registry; the other is asked anonymously and refuses', async () => {
    const list = path.join(testTempDir('cs-e2e-helpers-list-'), 'fleet.txt');
    fs.writeFileSync(list, `registry:${proxyA.host}/${REPO}:1\nregistry:${proxyB.host}/${REPO}:1\n`);
    const raw = (n: string): string | undefined =>
      ({
        'images-file': list,
        'registry-username': env.registry.username,
        'registry-password': env.registry.password,
        'clair-url': 'http://127.0.0.1:9',
      })[n];
    const { settings, images } = await resolveBatch(raw);
    expect(images).toEqual([`registry:${proxyA.host}/${REPO}:1`, `registry:${proxyB.host}/${REPO}:1`]);
    expect(settings.registry.hosts).toEqual([proxyA.host]);

    const a = await resolveFromRegistry(`${proxyA.host}/${REPO}:1`, settings.registry);
    expect(a.layers.length).toBeGreaterThan(0);
    const err = await expectScanError(resolveFromRegistry(`${proxyB.host}/${REPO}:1`, settings.registry));
    expect(err.message).toBe(`the registry ${proxyB.host} refused access to ${REPO}`);

    expect(proxyA.sent().length).toBeGreaterThan(0);
    expect([...new Set(proxyA.sent())]).toEqual([A_BASIC]);
    expect(proxyB.authorizations.length).toBeGreaterThan(0);
    expect(proxyB.sent()).toEqual([]);
  });
});
