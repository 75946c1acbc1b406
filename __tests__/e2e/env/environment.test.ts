/**
 * Smoke test of the real-parts test environment (scripts/test-env.sh): the images, the registry and the
 * dind-like remote daemon behave the way the product and the other e2e tests rely on.
 * Needs `bash scripts/test-env.sh up` (and root, for the remote daemon's network namespace).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadTestEnv, startRemoteDaemon, stopRemoteDaemon, type TestEnv } from '../../helpers/testenv';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the docker CLI against `host`; never throws on a non-zero exit (the caller asserts). */
function docker(host: string, args: string[], timeoutMs = 120_000): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      'docker',
      args,
      { env: { ...process.env, DOCKER_HOST: host }, timeout: timeoutMs, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

async function dockerOk(host: string, args: string[], timeoutMs?: number): Promise<string> {
  const r = await docker(host, args, timeoutMs);
  if (r.code !== 0) throw new Error(`docker ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` at most `tries` times, `everyMs` apart; returns whether it ever succeeded. */
async function poll(tries: number, everyMs: number, probe: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await probe()) return true;
    await sleep(everyMs);
  }
  return false;
}

async function httpStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  try {
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

function listen(server: http.Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve((server.address() as AddressInfo).port));
  });
}

const runId = randomBytes(4).toString('hex');
const containers: { host: string; name: string }[] = [];
let env: TestEnv;
let tmp: string;

beforeAll(() => {
  env = loadTestEnv();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'clair-scan-envtest-'));
});

afterAll(async () => {
  for (const c of containers.filter((x) => x.host === env.dockerHost)) await docker(c.host, ['rm', '-f', '-v', c.name]);
  rmSync(tmp, { recursive: true, force: true });
});

describe('Clair image', () => {
  it('is laid out like quay.io/projectquay/clair:4.9.0', async () => {
    const [img] = JSON.parse(await dockerOk(env.dockerHost, ['image', 'inspect', env.clairImage])) as {
      Config: {
        Entrypoint: string[];
        Env: string[];
        User: string;
        WorkingDir: string;
        Volumes: Record<string, object>;
        ExposedPorts: Record<string, object>;
      };
    }[];
    expect(img.Config.Entrypoint).toEqual(['/usr/bin/clair']);
    expect(img.Config.Env).toEqual(
      expect.arrayContaining([
        'CLAIR_CONF=/config/config.yaml',
        'CLAIR_MODE=combo',
        'SSL_CERT_DIR=/etc/ssl/certs:/etc/pki/tls/certs:/var/run/certs',
      ]),
    );
    expect(img.Config.User).toBe('65534:65534');
    expect(img.Config.WorkingDir).toBe('/run');
    expect(Object.keys(img.Config.Volumes)).toEqual(['/config']);
    expect(Object.keys(img.Config.ExposedPorts)).toEqual(['6060/tcp']);
    const version = await dockerOk(env.dockerHost, [
      'run',
      '--rm',
      '--network',
      'host',
      '--entrypoint',
      '/usr/bin/clairctl',
      env.clairImage,
      '--version',
    ]);
    expect(version).toContain('v4.9.0');
  });
});

describe('PostgreSQL and Clair started the way the product starts them', () => {
  const user = 'clair';
  const password = `pw-${runId}`;
  const db = 'clairdb';
  let pgPort: number;
  let pg: string;

  beforeAll(async () => {
    pgPort = await freePort();
    pg = `clair-scan-envtest-${runId}-pg`;
    containers.push({ host: env.dockerHost, name: pg });
    await dockerOk(env.dockerHost, [
      'run',
      '-d',
      '--name',
      pg,
      '--network',
      'host',
      '--label',
      'io.clair-scan.test=env',
      '-e',
      `POSTGRES_PASSWORD=${password}`,
      '-e',
      `POSTGRES_USER=${user}`,
      '-e',
      `POSTGRES_DB=${db}`,
      env.postgresImage,
      'postgres',
      '-c',
      'listen_addresses=127.0.0.1',
      '-p',
      String(pgPort),
    ]);
  });

  it('PostgreSQL becomes ready and answers psql as the given user and database', async () => {
    const ready = await poll(
      240,
      500,
      async () =>
        (await docker(env.dockerHost, ['exec', pg, 'pg_isready', '-h', '127.0.0.1', '-p', String(pgPort), '-U', user]))
          .code === 0,
    );
    if (!ready)
      throw new Error(`PostgreSQL never became ready:\n${(await docker(env.dockerHost, ['logs', pg])).stderr}`);
    const out = await dockerOk(env.dockerHost, [
      'exec',
      '-e',
      `PGPASSWORD=${password}`,
      pg,
      'psql',
      '-h',
      '127.0.0.1',
      '-p',
      String(pgPort),
      '-U',
      user,
      '-d',
      db,
      '-At',
      '-c',
      "select current_user, current_database(), (select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = current_user)",
    ]);
    expect(out.trim()).toBe(`${user}|${db}|t`);
    const ext = await dockerOk(env.dockerHost, [
      'exec',
      '-e',
      `PGPASSWORD=${password}`,
      pg,
      'psql',
      '-h',
      '127.0.0.1',
      '-p',
      String(pgPort),
      '-U',
      user,
      '-d',
      db,
      '-At',
      '-c',
      "select count(*) from pg_available_extensions where name = 'uuid-ossp'",
    ]);
    expect(ext.trim()).toBe('1');
  });

  it('PostgreSQL refuses to initialise without POSTGRES_PASSWORD, like the official image', async () => {
    const name = `clair-scan-envtest-${runId}-pgnopw`;
    containers.push({ host: env.dockerHost, name });
    const r = await docker(env.dockerHost, [
      'run',
      '--name',
      name,
      '--network',
      'host',
      env.postgresImage,
      '-c',
      'listen_addresses=127.0.0.1',
      '-p',
      String(await freePort()),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('superuser password is not specified');
  });

  it('Clair reaches /readyz and clairctl import-updaters loads a one-line bundle', async () => {
    const [apiPort, introPort] = [await freePort(), await freePort()];
    const conn = `host=127.0.0.1 port=${pgPort} user=${user} password=${password} dbname=${db} sslmode=disable`;
    const config = [
      `http_listen_addr: 127.0.0.1:${apiPort}`,
      `introspection_addr: 127.0.0.1:${introPort}`,
      'log_level: warn',
      'indexer:',
      `  connstring: ${conn}`,
      '  migrations: true',
      '  airgap: true',
      '  scanner: {package: {java: {disable_api: true}}}',
      'matcher:',
      `  connstring: ${conn}`,
      '  migrations: true',
      '  disable_updaters: true',
      'notifier:',
      `  connstring: ${conn}`,
      '',
    ].join('\n');
    const configFile = path.join(tmp, 'config.yaml');
    writeFileSync(configFile, config, { mode: 0o644 });
    const bundle = path.join(tmp, 'bundle.json');
    writeFileSync(
      bundle,
      `${JSON.stringify({
        Updater: 'envtest-debian',
        Fingerprint: runId,
        Ref: '5b0f8c3e-1d2a-4e6b-9c7d-8e9f0a1b2c3d',
        Kind: 'vulnerability',
        Vuln: {
          updater: 'envtest-debian',
          name: 'CVE-2099-0001',
          severity: 'high',
          normalized_severity: 'High',
          package: { name: 'openssl', kind: 'source' },
          distribution: {
            did: 'debian',
            name: 'Debian GNU/Linux',
            version: '12 (bookworm)',
            version_id: '12',
            version_code_name: 'bookworm',
          },
          fixed_in_version: '3.0.15-1~deb12u1',
        },
      })}\n`,
      { mode: 0o644 },
    );

    const clair = `clair-scan-envtest-${runId}-clair`;
    containers.push({ host: env.dockerHost, name: clair });
    await dockerOk(env.dockerHost, [
      'create',
      '--name',
      clair,
      '--network',
      'host',
      '--tmpfs',
      '/var/tmp',
      '--label',
      'io.clair-scan.test=env',
      env.clairImage,
    ]);
    await dockerOk(env.dockerHost, ['cp', configFile, `${clair}:/config/config.yaml`]);
    await dockerOk(env.dockerHost, ['start', clair]);

    const api = `http://127.0.0.1:${apiPort}`;
    const ready = await poll(360, 500, async () => (await httpStatus(`http://127.0.0.1:${introPort}/readyz`)) === 200);
    if (!ready) throw new Error(`Clair never became ready:\n${(await docker(env.dockerHost, ['logs', clair])).stderr}`);
    // No vulnerability data yet: the matcher answers 202 before the manifest lookup (clair-v4.md §4).
    const digest = `sha256:${'0'.repeat(64)}`;
    expect(await httpStatus(`${api}/matcher/api/v1/vulnerability_report/${digest}`)).toBe(202);

    await dockerOk(env.dockerHost, ['cp', bundle, `${clair}:/tmp/bundle.json`]);
    await dockerOk(env.dockerHost, ['exec', clair, 'clairctl', 'import-updaters', '/tmp/bundle.json'], 300_000);

    const count = await dockerOk(env.dockerHost, [
      'exec',
      '-e',
      `PGPASSWORD=${password}`,
      pg,
      'psql',
      '-h',
      '127.0.0.1',
      '-p',
      String(pgPort),
      '-U',
      user,
      '-d',
      db,
      '-At',
      '-c',
      "select count(*) from vuln where name = 'CVE-2099-0001' and updater = 'envtest-debian'",
    ]);
    expect(count.trim()).toBe('1');
    // With data present the matcher looks the manifest up: unknown manifest → 404 instead of 202.
    expect(await httpStatus(`${api}/matcher/api/v1/vulnerability_report/${digest}`)).toBe(404);
  });
});

describe('registry', () => {
  it('answers /v2/ with 401 without credentials and 200 with them', async () => {
    expect(await httpStatus(`${env.registry.url}/v2/`)).toBe(401);
    const basic = Buffer.from(`${env.registry.username}:${env.registry.password}`).toString('base64');
    expect(await httpStatus(`${env.registry.url}/v2/`, { authorization: `Basic ${basic}` })).toBe(200);
    const wrong = Buffer.from(`${env.registry.username}:not-the-password`).toString('base64');
    expect(await httpStatus(`${env.registry.url}/v2/`, { authorization: `Basic ${wrong}` })).toBe(401);
  });
});

describe('remote (dind-like) daemon', () => {
  const servers: http.Server[] = [];
  const token = `hello-${runId}`;

  afterAll(async () => {
    for (const s of servers) await new Promise((r) => s.close(r));
    // remove this daemon's containers before it stops (its data-root persists in the cache)
    for (const c of containers.filter((x) => x.host !== env.dockerHost))
      await docker(c.host, ['rm', '-f', '-v', c.name]);
    await stopRemoteDaemon();
  });

  it('answers on its tcp address; its host-network containers reach the host-side veth address only', async () => {
    const remote = await startRemoteDaemon([]);
    expect(remote.dockerHost).toBe('tcp://10.231.7.2:2375');
    expect(remote.hostAddress).toBe('10.231.7.1');
    const version = await dockerOk(remote.dockerHost, ['version', '--format', '{{.Server.Version}}']);
    expect(version.trim()).not.toBe('');
    const images = await dockerOk(remote.dockerHost, ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}']);
    expect(images.split('\n')).toEqual(expect.arrayContaining([env.clairImage, env.postgresImage]));

    const handler: http.RequestListener = (_req, res) => res.end(token);
    const onVeth = http.createServer(handler);
    const onLoopback = http.createServer(handler);
    servers.push(onVeth, onLoopback);
    const vethPort = await listen(onVeth, remote.hostAddress);
    const loopPort = await listen(onLoopback, '127.0.0.1');

    // bash's /dev/tcp as the HTTP client: the PostgreSQL test image has bash and coreutils' timeout.
    const get = (host: string, port: number) =>
      `exec 3<>/dev/tcp/${host}/${port} && printf 'GET / HTTP/1.0\\r\\nHost: x\\r\\n\\r\\n' >&3 && cat <&3`;
    const name = `clair-scan-envtest-${runId}-probe`;
    containers.push({ host: remote.dockerHost, name });
    const r = await docker(remote.dockerHost, [
      'run',
      '--rm',
      '--name',
      name,
      '--network',
      'host',
      '--entrypoint',
      'timeout',
      env.postgresImage,
      '20',
      'bash',
      '-c',
      `${get(remote.hostAddress, vethPort)}; echo; if (${get('127.0.0.1', loopPort)}) 2>/dev/null; then echo LOOPBACK-REACHED; else echo LOOPBACK-UNREACHABLE; fi`,
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^HTTP\/1\.[01] 200/);
    expect(r.stdout).toContain(token);
    expect(r.stdout).toContain('LOOPBACK-UNREACHABLE');
    expect(r.stdout).not.toContain('LOOPBACK-REACHED');
  });
});
