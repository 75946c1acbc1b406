/**
 * Security (issue 20, "Credentials and data"; issue 24, credential helpers): registry-username/registry-password
 * are bound to exactly one registry (registry-host, else the first image's), also in a batch and in the fleet
 * template; Docker config credential helpers (`credHelpers`, `credsStore`) are run per registry, bounded in time,
 * their output never echoed; redirects — of registries and of `vuln-data` URLs — go only to https, never from https
 * to http, never with credentials to another origin, at most 5 times. Every server listens on 127.0.0.1; the https
 * one uses a CA made here with openssl, trusted through undici's global dispatcher (the code under test has no CA
 * option of its own).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createServer as createHttpsServer, Server as HttpsServer } from 'node:https';
import { createServer as createHttpServer, Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { Agent, getGlobalDispatcher, setGlobalDispatcher, type Dispatcher } from 'undici';
import { parse } from 'yaml';
import { resolveFromRegistry, setCredentialHelperTimeout } from '../../../src/image/registry';
import { credentialHosts } from '../../../src/image/reference';
import { resolveBatch } from '../../../src/batch/run';
import { prepareVulnData } from '../../../src/data/source';
import type { RunState } from '../../../src/environment/run-state';
import { expectScanError } from '../../helpers/errors';
import { captureLogger } from '../../helpers/logger';
import { REPO_ROOT } from '../../helpers/testenv';
import { removeTestTempDirs, testTempDir } from '../../helpers/tmp';
import { FakeRegistry, makeImage, type FakeImage } from './fake-registry';

const USER = 'ci-user';
const PASS = 'hunter2-secret';
const BASIC = `Basic ${Buffer.from(`${USER}:${PASS}`).toString('base64')}`;
const basicOf = (u: string, p: string): string => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

async function drain(s: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** A server on 127.0.0.1 (http or https) answering from a route table and recording every request's Authorization. */
class Recorder {
  readonly seen: { path: string; authorization?: string }[] = [];
  readonly routes = new Map<string, (res: ServerResponse) => void>();
  url = '';
  private server?: HttpServer | HttpsServer;
  constructor(private readonly tls?: { key: string; cert: string }) {}
  async start(): Promise<this> {
    const handle = (req: IncomingMessage, res: ServerResponse): void => {
      this.seen.push({ path: req.url ?? '', authorization: req.headers.authorization });
      const r = this.routes.get((req.url ?? '').split('?')[0]);
      if (r) r(res);
      else res.writeHead(404).end();
    };
    const server = this.tls ? createHttpsServer(this.tls, handle) : createHttpServer(handle);
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.url = `${this.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }
  redirect(from: string, to: string, status = 307): void {
    this.routes.set(from, (res) => res.writeHead(status, { location: to }).end());
  }
  serve(p: string, body: Buffer | string): void {
    this.routes.set(p, (res) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body));
  }
  authorizations(): string[] {
    return this.seen.map((s) => s.authorization).filter((a): a is string => !!a);
  }
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

let image: FakeImage;
let tls: { key: string; cert: string };
let previousDispatcher: Dispatcher;
let trusting: Agent;
const started: { stop(): Promise<void> }[] = [];
async function registry(...args: ConstructorParameters<typeof FakeRegistry>): Promise<FakeRegistry> {
  const r = await new FakeRegistry(...args).start();
  started.push(r);
  return r;
}
async function recorder(https = false): Promise<Recorder> {
  const r = await new Recorder(https ? tls : undefined).start();
  started.push(r);
  return r;
}
const emptyDockerConfig = testTempDir('cs-unit-binding-nocfg-');
const logs = captureLogger({ scope: 'each' });

beforeAll(async () => {
  image = await makeImage();
  // A test CA and a leaf for 127.0.0.1 signed by it.
  const d = testTempDir('cs-unit-binding-ca-');
  const ssl = (...args: string[]): void => void execFileSync('openssl', args, { cwd: d, stdio: 'pipe' });
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=clair-scan test CA',
  );
  ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=127.0.0.1');
  fs.writeFileSync(path.join(d, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  ssl(
    'x509',
    '-req',
    '-in',
    'leaf.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'leaf.pem',
    '-days',
    '2',
    '-extfile',
    'ext.cnf',
  );
  tls = {
    key: fs.readFileSync(path.join(d, 'leaf.key'), 'utf8'),
    cert: fs.readFileSync(path.join(d, 'leaf.pem'), 'utf8'),
  };
  previousDispatcher = getGlobalDispatcher();
  trusting = new Agent({ connect: { ca: fs.readFileSync(path.join(d, 'ca.pem'), 'utf8') } });
  setGlobalDispatcher(trusting);
});
afterAll(async () => {
  setGlobalDispatcher(previousDispatcher);
  await trusting.close();
  removeTestTempDirs();
});
const savedPath = process.env.PATH;
beforeEach(() => {
  process.env.DOCKER_CONFIG = emptyDockerConfig;
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
  delete process.env.DOCKER_CONFIG;
  process.env.PATH = savedPath;
});

describe('registry-username/registry-password are bound to exactly one registry', () => {
  it("by default the first image's registry only, never every registry the images name", () => {
    expect(
      credentialHosts(
        [],
        [{ ref: 'ghcr.io/org/app:1' }, { ref: 'quay.io/x/y:1' }, { ref: 'localhost:5000/x' }],
        'auto',
      ),
    ).toEqual(['ghcr.io']);
    expect(
      credentialHosts([], [{ ref: 'myapp:ci' }, { ref: 'localhost:5000/x' }, { ref: 'ghcr.io/org/app:1' }], 'auto'),
    ).toEqual(['localhost:5000']);
  });

  it('registry-host names the registry; its further entries are token-service hosts, not registries', async () => {
    const a = await registry(image, { kind: 'basic', user: USER, password: PASS });
    const b = await registry(image, { kind: 'basic', user: USER, password: PASS });
    // b listed second: a token host at most, so the credentials never go to b as a registry.
    const auth = { username: USER, password: PASS, insecure: false, hosts: [a.host, b.host] };
    await resolveFromRegistry(`${a.host}/team/app:1.0`, auth);
    expect(a.authorizations()).toContain(BASIC);
    await expectScanError(resolveFromRegistry(`${b.host}/team/app:1.0`, auth));
    expect(b.seen.length).toBeGreaterThan(0);
    expect(b.authorizations()).toEqual([]);
  });

  it("a batch of two registries (images and a listing) sends them only to the first line's registry", async () => {
    const good = await registry(image, { kind: 'basic', user: USER, password: PASS });
    const evil = await registry(image, { kind: 'basic', user: 'x', password: 'y' });
    const dir = testTempDir('cs-unit-binding-list-');
    const raw =
      (file: string) =>
      (n: string): string | undefined =>
        ({
          'images-file': file,
          'registry-username': USER,
          'registry-password': PASS,
          'clair-url': 'http://127.0.0.1:9',
        })[n];
    // Images: the settings every image of the batch is read with.
    const images = path.join(dir, 'images.txt');
    fs.writeFileSync(
      images,
      [`registry:${good.host}/team/app:1.0`, `registry:${evil.host}/team/app:1.0`, ''].join('\n'),
    );
    const { settings, images: refs } = await resolveBatch(raw(images));
    expect(settings.registry.hosts).toEqual([good.host]);
    for (const ref of refs)
      await resolveFromRegistry(ref.replace(/^registry:/, ''), settings.registry).catch(() => undefined);
    expect(good.authorizations()).toContain(BASIC);
    expect(evil.seen.length).toBeGreaterThan(0);
    expect(evil.authorizations()).toEqual([]);
    // A listing of the second registry: asked anonymously (it refuses, the batch says so).
    const listing = path.join(dir, 'listing.txt');
    fs.writeFileSync(listing, [`registry:${good.host}/team/app:1.0`, `registry:${evil.host}/team/*`, ''].join('\n'));
    const err = await expectScanError(resolveBatch(raw(listing)));
    expect(err.message).toBe(`the registry ${evil.host} refused access to team`);
    expect(evil.seen.filter((s) => s.path.startsWith('/v2/_catalog')).length).toBeGreaterThan(0);
    expect(evil.authorizations()).toEqual([]);
  });

  it('templates/github/fleet-scan.yml binds GITHUB_TOKEN to ghcr.io: a third-party registry in fleet.txt never receives it', async () => {
    const doc = parse(fs.readFileSync(path.join(REPO_ROOT, 'templates', 'github', 'fleet-scan.yml'), 'utf8')) as {
      jobs: Record<string, { steps: { id?: string; with?: Record<string, string | number> }[] }>;
    };
    const step = doc.jobs.scan.steps.find((s) => s.id === 'scan');
    expect(step?.with).toBeDefined();
    const evil = await registry(image, { kind: 'basic', user: 'x', password: 'y' });
    const list = path.join(testTempDir('cs-unit-binding-fleet-'), 'fleet.txt');
    // The attacker's line comes first: first-line binding alone would not protect this job.
    fs.writeFileSync(list, [`registry:${evil.host}/team/app:1.0`, 'registry:ghcr.io/acme/app:latest', ''].join('\n'));
    const expressions: Record<string, string> = {
      'github.actor': 'octocat',
      'secrets.GITHUB_TOKEN': 'ghs_workflowtoken',
      'vars.CLAIR_URL': 'http://127.0.0.1:9',
      'secrets.CLAIR_PSK': 'cHNr',
    };
    const withInputs = Object.fromEntries(
      Object.entries(step?.with ?? {}).map(([k, v]) => [
        k,
        String(v).replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, e: string) => expressions[e] ?? ''),
      ]),
    );
    const raw = (n: string): string | undefined => (n === 'images-file' ? list : withInputs[n]);
    const { settings } = await resolveBatch(raw);
    expect(settings.registry.username).toBe('octocat');
    expect(settings.registry.hosts).toEqual(['ghcr.io']);
    await expectScanError(resolveFromRegistry(`${evil.host}/team/app:1.0`, settings.registry));
    expect(evil.seen.length).toBeGreaterThan(0);
    expect(evil.authorizations()).toEqual([]);
  });
});

describe('Docker config credential helpers (credHelpers, credsStore)', () => {
  /** A helper script on PATH: answers for `host` only; logs every server it was asked for; prints noise on stderr. */
  function helper(bin: string, name: string, body: string): string {
    const file = path.join(bin, `docker-credential-${name}`);
    fs.writeFileSync(
      file,
      `#!/bin/sh\n[ "$1" = get ] || exit 9\nread -r server\necho "$server" >> "${bin}/${name}.asked"\n${body}\n`,
      { mode: 0o755 },
    );
    return path.join(bin, `${name}.asked`);
  }
  function answer(host: string, user: string, secret: string): string {
    return `if [ "$server" = "${host}" ]; then printf '{"ServerURL":"%s","Username":"${user}","Secret":"${secret}"}' "$server"; echo "debug: secret ${secret}" >&2; exit 0; fi\necho "credentials not found in native keychain"; exit 1`;
  }
  function dockerConfig(content: unknown): void {
    const dir = testTempDir('cs-unit-binding-cfg-');
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(content));
    process.env.DOCKER_CONFIG = dir;
  }

  it("each registry's helper is asked for that registry alone; its credentials reach only that registry", async () => {
    setCredentialHelperTimeout(30_000);
    const a = await registry(image, { kind: 'basic', user: USER, password: PASS });
    const b = await registry(image, { kind: 'basic', user: 'store-user', password: 'store-secret' });
    const c = await registry(image, { kind: 'basic', user: 'nobody', password: 'nothing' });
    const bin = testTempDir('cs-unit-binding-bin-');
    process.env.PATH = `${bin}:${savedPath}`;
    const askedA = helper(bin, 'teamvault', answer(a.host, USER, PASS));
    const askedStore = helper(bin, 'osstore', answer(b.host, 'store-user', 'store-secret'));
    // The auths entry of a must not be used: the helper decides (as in the Docker CLI).
    dockerConfig({
      credHelpers: { [a.host]: 'teamvault' },
      credsStore: 'osstore',
      auths: { [a.host]: { auth: Buffer.from('wrong:wrong').toString('base64') } },
    });

    expect((await resolveFromRegistry(`${a.host}/team/app:1.0`, { insecure: false })).info.manifestDigest).toBe(
      image.manifestDigest,
    );
    expect((await resolveFromRegistry(`${b.host}/team/app:1.0`, { insecure: false })).info.manifestDigest).toBe(
      image.manifestDigest,
    );
    await expectScanError(resolveFromRegistry(`${c.host}/team/app:1.0`, { insecure: false }));

    expect([...new Set(a.authorizations())]).toEqual([BASIC]);
    expect([...new Set(b.authorizations())]).toEqual([basicOf('store-user', 'store-secret')]);
    expect(c.seen.length).toBeGreaterThan(0);
    expect(c.authorizations()).toEqual([]);
    expect(fs.readFileSync(askedA, 'utf8').trim().split('\n')).toEqual([a.host]);
    expect(fs.readFileSync(askedStore, 'utf8').trim().split('\n').sort()).toEqual([b.host, c.host].sort());
    // The helpers' stderr (which printed the secrets) never reaches the log.
    expect(logs.text()).not.toMatch(/hunter2|store-secret/);
  });

  it('a failing helper is a warning that names it and its exit code, never its output; no credentials are sent', async () => {
    setCredentialHelperTimeout(30_000);
    const a = await registry(image, { kind: 'basic', user: USER, password: PASS });
    const bin = testTempDir('cs-unit-binding-bin-');
    process.env.PATH = `${bin}:${savedPath}`;
    helper(bin, 'broken', 'echo "token=LEAKED-ON-STDOUT"; echo "LEAKED-ON-STDERR" >&2; exit 3');
    dockerConfig({ credsStore: 'broken' });
    await expectScanError(resolveFromRegistry(`${a.host}/team/app:1.0`, { insecure: false }));
    expect(a.authorizations()).toEqual([]);
    expect(logs.text()).toMatch(
      /warn: The credential helper docker-credential-broken \(.*config\.json\) failed for 127\.0\.0\.1:\d+: exit code 3 \(its output is not shown/,
    );
    expect(logs.text()).not.toMatch(/LEAKED/);
  });

  it('a helper that does not answer is killed after the timeout', async () => {
    setCredentialHelperTimeout(1500);
    const a = await registry(image, { kind: 'basic', user: USER, password: PASS });
    const bin = testTempDir('cs-unit-binding-bin-');
    process.env.PATH = `${bin}:${savedPath}`;
    helper(bin, 'stuck', 'exec sleep 60');
    dockerConfig({ credHelpers: { [a.host]: 'stuck' } });
    const t0 = Date.now();
    await expectScanError(resolveFromRegistry(`${a.host}/team/app:1.0`, { insecure: false }));
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(logs.text()).toMatch(/docker-credential-stuck .* did not answer within 1\.5 s/);
    setCredentialHelperTimeout(30_000);
  });

  it('a helper name that is a path is refused without running anything', async () => {
    const a = await registry(image, { kind: 'basic', user: USER, password: PASS });
    dockerConfig({ credsStore: '../../../tmp/evil' });
    await expectScanError(resolveFromRegistry(`${a.host}/team/app:1.0`, { insecure: false }));
    expect(logs.text()).toMatch(/names the credential helper "..\/..\/..\/tmp\/evil", which is not a helper name/);
  });
});

describe('registry redirects', () => {
  it('a blob redirect to storage on another origin (https) is followed without the credentials', async () => {
    const storage = await recorder(true);
    storage.serve('/blob', image.layer);
    const reg = await registry(image, { kind: 'basic', user: USER, password: PASS });
    reg.overrides.set(`/v2/team/app/blobs/${image.layerDigest}`, {
      status: 307,
      body: Buffer.alloc(0),
      headers: { location: `${storage.url}/blob?sig=1` },
    });
    const img = await resolveFromRegistry(`${reg.host}/team/app:1.0`, {
      username: USER,
      password: PASS,
      insecure: false,
      hosts: [reg.host],
    });
    expect((await drain(await img.layers[0].open())).equals(image.layer)).toBe(true);
    expect(storage.seen.length).toBe(1);
    expect(storage.authorizations()).toEqual([]);
    expect(reg.authorizations()).toContain(BASIC);
  });

  it('a bearer token is not carried to another origin either', async () => {
    const storage = await recorder(true);
    storage.serve('/manifest', image.manifest);
    const self: { url?: string } = {};
    const reg = await registry(image, {
      kind: 'bearer',
      realm: () => `${self.url}/token`,
      token: 'tok-9',
      tokenRequiresBasic: BASIC,
    });
    self.url = reg.url;
    reg.overrides.set('/v2/team/app/manifests/1.0', {
      status: 302,
      body: Buffer.alloc(0),
      headers: { location: `${storage.url}/manifest` },
    });
    await resolveFromRegistry(`${reg.host}/team/app:1.0`, {
      username: USER,
      password: PASS,
      insecure: false,
      hosts: [reg.host],
    });
    expect(storage.seen.length).toBe(1);
    expect(storage.authorizations()).toEqual([]);
  });

  it('a redirect from https to plain http is refused (the http server is never asked)', async () => {
    const plain = await recorder(false);
    plain.serve('/blob', image.layer);
    const storage = await recorder(true);
    storage.redirect('/blob', `${plain.url}/blob`);
    const reg = await registry(image);
    reg.overrides.set(`/v2/team/app/blobs/${image.layerDigest}`, {
      status: 307,
      body: Buffer.alloc(0),
      headers: { location: `${storage.url}/blob` },
    });
    const img = await resolveFromRegistry(`${reg.host}/team/app:1.0`, { insecure: false });
    const err = await expectScanError(img.layers[0].open());
    expect(err.message).toBe(
      `the registry ${reg.host} redirected /v2/team/app/blobs/${image.layerDigest} to http://${new URL(plain.url).host}, which is not https (a downgrade from https)`,
    );
    expect(plain.seen).toEqual([]);
  });

  it('at most 5 redirects', async () => {
    const reg = await registry(image);
    const p = `/v2/team/app/blobs/${image.layerDigest}`;
    reg.overrides.set(p, { status: 302, body: Buffer.alloc(0), headers: { location: p } });
    const img = await resolveFromRegistry(`${reg.host}/team/app:1.0`, { insecure: false });
    const err = await expectScanError(img.layers[0].open());
    expect(err.message).toBe(`the registry ${reg.host} redirected ${p} more than 5 times`);
    expect(reg.seen.filter((s) => s.path === p).length).toBe(6);
  });
});

describe('vuln-data URL redirects', () => {
  const record = JSON.stringify({
    Updater: 'debian/updater',
    Fingerprint: 'f',
    Ref: '5b0f8c3e-1d2a-4e6b-9c7d-8e9f0a1b2c3d',
    Kind: 'vulnerability',
    Vuln: { name: 'CVE-2099-0001' },
  });
  const bundle = `${record}\n`;
  let state: RunState;
  beforeEach(() => {
    state = { runId: `t${Date.now().toString(36)}`, tempDirs: [] } as unknown as RunState;
  });
  afterEach(() => {
    for (const d of state.tempDirs) fs.rmSync(d, { recursive: true, force: true });
  });
  const prepare = (url: string): ReturnType<typeof prepareVulnData> =>
    prepareVulnData({ vulnData: url, registry: { insecure: false }, dataTimeoutSec: 60 }, state);

  it('a plain loopback URL downloads', async () => {
    const srv = await recorder(false);
    srv.serve('/clair-data.json', bundle);
    const p = await prepare(`${srv.url}/clair-data.json`);
    expect(fs.readFileSync(p.bundle, 'utf8')).toBe(bundle);
  });

  it('credentials in the URL go to its origin only: a redirect to another origin (https) gets none', async () => {
    const storage = await recorder(true);
    storage.serve('/data/clair-data.json', bundle);
    const origin = await recorder(false);
    origin.redirect('/clair-data.json', `${storage.url}/data/clair-data.json`, 302);
    const u = new URL(`${origin.url}/clair-data.json`);
    u.username = 'reader';
    u.password = 's3cret';
    const p = await prepare(u.toString());
    expect(fs.readFileSync(p.bundle, 'utf8')).toBe(bundle);
    expect(origin.authorizations()).toContain(basicOf('reader', 's3cret'));
    expect(storage.seen.length).toBeGreaterThan(0);
    expect(storage.authorizations()).toEqual([]);
    expect(logs.text()).not.toContain('s3cret');
  });

  it('https → http is refused; more than 5 redirects are refused', async () => {
    const plain = await recorder(false);
    plain.serve('/clair-data.json', bundle);
    const storage = await recorder(true);
    storage.redirect('/clair-data.json', `${plain.url}/clair-data.json`);
    const err = await expectScanError(prepare(`${storage.url}/clair-data.json`));
    expect(err.message).toBe(
      `downloading vulnerability data from ${storage.url}/clair-data.json: the server redirected to http://${new URL(plain.url).host}, which is not https (a downgrade from https)`,
    );
    expect(plain.seen).toEqual([]);

    storage.redirect('/loop', `${storage.url}/loop`);
    const loop = await expectScanError(prepare(`${storage.url}/loop`));
    expect(loop.message).toBe(
      `downloading vulnerability data from ${storage.url}/loop: the server redirected more than 5 times`,
    );
    expect(storage.seen.filter((s) => s.path === '/loop').length).toBe(6);
  });
});
