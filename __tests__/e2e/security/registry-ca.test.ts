/**
 * registry-ca-file against real parts: Debian's docker-registry serving TLS with a certificate of a private CA made
 * here (openssl, subjectAltName 127.0.0.1), on a free loopback port; the vulnerability data at an https URL of a
 * Node server with the same CA. With the CA the registry image is scanned with its exact findings (the ephemeral
 * Clair gets the CA too); without it each client fails with a clear TLS error naming the server and the input.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { scan } from '../../../src/scan';
import { prepareVulnData } from '../../../src/data/source';
import { ociPull, ociPush } from '../../../src/data/oci';
import { writeSnapshot } from '../../../src/data/snapshot';
import { cleanupRun } from '../../../src/environment/cleanup';
import { newRunId, type RunState } from '../../../src/environment/run-state';
import { DockerClient } from '../../../src/environment/docker';
import { startPostgres } from '../../../src/environment/postgres';
import { CA_FILE_IN_CLAIR, startClair } from '../../../src/environment/clair-container';
import { caDispatcher, loadCaBundle } from '../../../src/util/ca';
import { runCli } from '../../../src/cli';
import { dbImageLabels } from '../../../src/data/db-image';
import { setLogger } from '../../../src/util/log';
import { listingAuth } from '../../../src/batch/inputs';
import { listImages, parseListing } from '../../../src/batch/registry-list';
import { loadTestEnv } from '../../helpers/testenv';
import { makeTestCa, startHttpsServer, type TestCa } from '../../helpers/test-ca';
import { testTempDir } from '../../helpers/tmp';
import { trackRuns } from '../../helpers/runs';
import { validateWrittenReports } from '../../unit/report/schemas';
import {
  BUNDLE,
  DEBIAN_VULN_FINDINGS,
  docker,
  expectScanError,
  findingLines,
  fixture,
  leftoverContainers,
  leftoverTempDirs,
  settingsFor,
} from '../scan/helpers';

const env = loadTestEnv();
const RUN = randomBytes(3).toString('hex');
const REPO_PATH = `ca-${RUN}/debian-vuln:1`;
// A database image's labels on a one-file image: `data info --remote` reads only the manifest and config.
const DB_REPO_PATH = `ca-${RUN}/clair-db:v4.9.0`;
const DB_LABELS = dbImageLabels({
  createdAt: '2026-12-01T00:00:00Z',
  formatVersion: 1,
  clairVersion: 'v4.9.0',
  updaterSets: ['debian'],
  updaters: [{ name: 'fixture-debian', records: 8, date: '2025-01-15T00:00:00Z' }],
  records: 8,
  sourceSha256: 'a'.repeat(64),
  buildId: '0b5c0f6e-4c1e-4a53-9a4e-6f4f2b1c9d10',
  postgresMajor: '15',
});
let ca: TestCa;
let storage: string;
let tlsRegistry: { proc: ChildProcess; address: string };
let data: Awaited<ReturnType<typeof startHttpsServer>>;

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** docker-registry on 127.0.0.1 with `storage`, plain HTTP or TLS with the CA's server certificate; waits (bounded) until /v2/ answers. */
async function startRegistry(tls: boolean): Promise<{ proc: ChildProcess; address: string }> {
  const port = await freePort();
  const dir = testTempDir('cs-e2e-ca-registry-');
  const config = path.join(dir, 'config.yml');
  fs.writeFileSync(
    config,
    [
      'version: 0.1',
      'log:',
      '  level: warn',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${storage}`,
      'http:',
      `  addr: 127.0.0.1:${port}`,
      `  secret: ${randomBytes(18).toString('base64')}`,
      ...(tls ? ['  tls:', `    certificate: ${ca.certFile}`, `    key: ${ca.keyFile}`] : []),
      '',
    ].join('\n'),
  );
  const log = fs.openSync(path.join(dir, 'registry.log'), 'w');
  const proc = spawn('docker-registry', ['serve', config], { stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const address = `127.0.0.1:${port}`;
  const dispatcher = caDispatcher(loadCaBundle(ca.caFile));
  for (let i = 0; i < 120; i++) {
    if (proc.exitCode !== null)
      throw new Error(`docker-registry exited: ${fs.readFileSync(path.join(dir, 'registry.log'), 'utf8')}`);
    const ok = await request(`${tls ? 'https' : 'http'}://${address}/v2/`, {
      dispatcher,
      headersTimeout: 2000,
      bodyTimeout: 2000,
    }).then(
      async (r) => (await r.body.dump(), r.statusCode === 200),
      () => false,
    );
    if (ok) return { proc, address };
    await new Promise((r) => setTimeout(r, 250));
  }
  proc.kill();
  throw new Error(`docker-registry did not answer on ${address} within 30 s`);
}

async function stopRegistry(r: { proc: ChildProcess } | undefined): Promise<void> {
  if (!r || r.proc.exitCode !== null) return;
  const exited = new Promise((res) => r.proc.once('exit', res));
  r.proc.kill('SIGTERM');
  await exited;
}

beforeAll(async () => {
  ca = makeTestCa('clair-scan e2e registry CA');
  storage = testTempDir('cs-e2e-ca-storage-');
  // The Docker daemon does not trust the test CA (and this test must not change its config): the fixture is pushed
  // to a plain-HTTP registry on the same storage, which then stops; the TLS registry serves what it stored.
  const plain = await startRegistry(false);
  try {
    const ref = `${plain.address}/${REPO_PATH}`;
    docker('tag', fixture('debian-vuln'), ref);
    try {
      docker('push', ref);
    } finally {
      docker('rmi', ref);
    }
    const ctx = testTempDir('cs-e2e-ca-dbctx-');
    fs.writeFileSync(path.join(ctx, 'Dockerfile'), 'FROM scratch\nCOPY f /f\n');
    fs.writeFileSync(path.join(ctx, 'f'), 'labels only\n');
    const dbRef = `${plain.address}/${DB_REPO_PATH}`;
    execFileSync(
      'docker',
      ['build', '-q', ...Object.entries(DB_LABELS).flatMap(([k, v]) => ['--label', `${k}=${v}`]), '-t', dbRef, ctx],
      {
        env: { ...process.env, DOCKER_BUILDKIT: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      docker('push', dbRef);
    } finally {
      docker('rmi', dbRef);
    }
  } finally {
    await stopRegistry(plain);
  }
  tlsRegistry = await startRegistry(true);
  // The vulnerability data at an https URL of the same CA.
  data = await startHttpsServer(ca, (req, res) => {
    if (req.url === '/vulns.jsonl') fs.createReadStream(BUNDLE).pipe(res);
    else res.writeHead(404).end();
  });
}, 300_000);

afterAll(async () => {
  await stopRegistry(tlsRegistry);
  await data?.close();
});

describe('a registry and a vuln-data URL behind a private CA', () => {
  const runs = trackRuns();

  it('with registry-ca-file: the registry image is scanned over https with its exact findings; the reports validate', async () => {
    const s = settingsFor([`registry:${tlsRegistry.address}/${REPO_PATH}`], {
      'registry-ca-file': ca.caFile,
      'vuln-data': `https://127.0.0.1:${data.port}/vulns.jsonl`,
      formats: 'sarif,gitlab,json',
    });
    const o = await scan(s, runs);
    expect(o.exitCode).toBe(1);
    const img = o.result.images[0];
    expect(img.image.source).toBe('registry');
    expect(img.image.name).toBe(`${tlsRegistry.address}/${REPO_PATH.replace(/:1$/, '')}`);
    expect(findingLines(img)).toEqual([...DEBIAN_VULN_FINDINGS].sort());
    expect(await validateWrittenReports(o.reports)).toEqual([]);
  });

  it("the same CA as PEM text (GitLab's ADDITIONAL_CA_CERT_BUNDLE) works the same", async () => {
    const s = settingsFor([`registry:${tlsRegistry.address}/${REPO_PATH}`], {
      'registry-ca-file': fs.readFileSync(ca.caFile, 'utf8'),
      formats: 'json',
    });
    const o = await scan(s, runs);
    expect(findingLines(o.result.images[0])).toEqual([...DEBIAN_VULN_FINDINGS].sort());
  });

  it('without it: exit 2, a TLS error naming the registry and registry-ca-file; nothing left', async () => {
    const err = await expectScanError(
      scan(settingsFor([`registry:${tlsRegistry.address}/${REPO_PATH}`], { formats: 'json' }), runs),
    );
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(
      new RegExp(
        `^the registry ${tlsRegistry.address.replace(/\./g, '\\.')} \\(https://${tlsRegistry.address.replace(/\./g, '\\.')}\\) presented a TLS certificate that is not trusted \\(UNABLE_TO_VERIFY_LEAF_SIGNATURE`,
      ),
    );
    expect(err.hint).toMatch(
      /registry-ca-file \(CLI: --registry-ca-file or CLAIR_SCAN_REGISTRY_CA_FILE; GitLab template: ADDITIONAL_CA_CERT_BUNDLE\)/,
    );
    for (const id of runs.ids) expect(leftoverContainers(id)).toEqual([]);
  });
});

describe('vuln-data at https URLs and oci:// snapshots with the private CA', () => {
  let state: RunState;
  beforeEach(() => {
    state = { runId: newRunId(), tempDirs: [] };
  });
  afterEach(async () => {
    await cleanupRun(state);
    expect(leftoverTempDirs(state.runId)).toEqual([]);
  });

  it('an https vuln-data URL: downloaded with the CA; without it a TLS error naming the server and registry-ca-file', async () => {
    const url = `https://127.0.0.1:${data.port}/vulns.jsonl`;
    const p = await prepareVulnData(
      { vulnData: url, registry: { insecure: false, ca: loadCaBundle(ca.caFile) }, dataTimeoutSec: 60 },
      state,
    );
    expect(fs.readFileSync(p.bundle)).toEqual(fs.readFileSync(BUNDLE));
    const err = await expectScanError(
      prepareVulnData({ vulnData: url, registry: { insecure: false }, dataTimeoutSec: 60 }, state),
    );
    expect(err.message).toMatch(
      new RegExp(
        `^the vulnerability-data server https://127\\.0\\.0\\.1:${data.port} presented a TLS certificate that is not trusted`,
      ),
    );
    expect(err.hint).toMatch(/registry-ca-file/);
  });

  it('oci:// snapshots are pushed to and pulled from the TLS registry with the CA', async () => {
    const dir = testTempDir('cs-e2e-ca-snap-');
    const file = path.join(dir, 'clair-data.json');
    await writeSnapshot(Readable.from([fs.readFileSync(BUNDLE)]), file, { updaterSets: ['debian'] });
    const ref = `oci://${tlsRegistry.address}/ca-snapshots/data:${randomBytes(3).toString('hex')}`;
    const auth = { insecure: false, ca: loadCaBundle(ca.caFile) };
    await ociPush(ref, file, auth);
    const pulled = await ociPull(ref, path.join(dir, 'pulled.json'), auth);
    expect(fs.readFileSync(pulled.bundlePath)).toEqual(fs.readFileSync(file));
    await expectScanError(ociPull(ref, path.join(dir, 'refused.json'), { insecure: false }));
  });
});

it('a batch listing (registry:HOST/ORG/*) of the TLS registry goes with the CA of registry-ca-file', async () => {
  const listing = parseListing(`registry:${tlsRegistry.address}/ca-${RUN}/*`)!;
  const req = { lines: [listing.input], listings: [listing] };
  const withCa = await listImages(
    listing,
    () => true,
    listingAuth((n) => ({ 'registry-ca-file': ca.caFile })[n], req),
  );
  expect(withCa.refs).toEqual([`${tlsRegistry.address}/${DB_REPO_PATH}`, `${tlsRegistry.address}/${REPO_PATH}`]);
  expect(withCa.failures).toEqual([]);
  const err = await expectScanError(
    listImages(
      listing,
      () => true,
      listingAuth(() => undefined, req),
    ),
  );
  expect(err.message).toMatch(/presented a TLS certificate that is not trusted/);
});

describe('the CLI: --registry-ca-file and CLAIR_SCAN_REGISTRY_CA_FILE', () => {
  let out: string[];
  beforeEach(() => {
    out = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((t: string | Uint8Array) => (out.push(String(t)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((t: string | Uint8Array) => (out.push(String(t)), true));
    setLogger({
      info: (m) => out.push(`${m}\n`),
      warn: (m) => out.push(`warning: ${m}\n`),
      debug: () => undefined,
      mask: () => undefined,
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it("data info --remote reads a database image's labels from the TLS registry with the CA; without it exit 2 naming registry-ca-file", async () => {
    const ref = `db-image:${tlsRegistry.address}/${DB_REPO_PATH}`;
    expect(
      await runCli(['data', 'info', ref, '--remote', '--json', '--registry-ca-file', ca.caFile], process.env),
    ).toBe(0);
    const info = JSON.parse(out.filter((l) => l.trimStart().startsWith('{')).join('')) as {
      records?: number;
      sourceSha256?: string;
      where?: string;
    };
    expect(info).toMatchObject({ records: 8, sourceSha256: 'a'.repeat(64), where: 'registry' });
    out.length = 0;
    expect(
      await runCli(['data', 'info', ref, '--remote', '--json'], { ...process.env, CLAIR_SCAN_REGISTRY_CA_FILE: '' }),
    ).toBe(2);
    expect(out.join('')).toMatch(/presented a TLS certificate that is not trusted[\s\S]*registry-ca-file/);
  });

  it('data pull of an oci:// snapshot with the CA from CLAIR_SCAN_REGISTRY_CA_FILE (PEM text); a bad value is exit 2 before any request', async () => {
    const dir = testTempDir('cs-e2e-ca-cli-');
    const file = path.join(dir, 'clair-data.json');
    await writeSnapshot(Readable.from([fs.readFileSync(BUNDLE)]), file, { updaterSets: ['debian'] });
    const ref = `oci://${tlsRegistry.address}/ca-snapshots/cli:${RUN}`;
    await ociPush(ref, file, { insecure: false, ca: loadCaBundle(ca.caFile) });
    const pem = fs.readFileSync(ca.caFile, 'utf8');
    expect(
      await runCli(['data', 'pull', ref, '--out', path.join(dir, 'pulled.json')], {
        ...process.env,
        CLAIR_SCAN_REGISTRY_CA_FILE: pem,
      }),
    ).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'pulled.json'))).toEqual(fs.readFileSync(file));
    out.length = 0;
    expect(
      await runCli(
        [
          'data',
          'pull',
          ref,
          '--out',
          path.join(dir, 'never.json'),
          '--registry-ca-file',
          path.join(dir, 'missing.pem'),
        ],
        process.env,
      ),
    ).toBe(2);
    expect(out.join('')).toMatch(/input "registry-ca-file" names ".*missing\.pem", which does not exist/);
    expect(fs.existsSync(path.join(dir, 'never.json'))).toBe(false);
  });
});

it('the ephemeral Clair container gets the CA in its SSL_CERT_DIR (/var/run/certs) for its updaters', async () => {
  const dockerClient = new DockerClient();
  const runId = newRunId();
  try {
    const pg = await startPostgres(dockerClient, { image: env.postgresImage, runId, timeoutMs: 120_000 });
    const bundle = loadCaBundle(ca.caFile)!;
    const clair = await startClair(dockerClient, {
      image: env.clairImage,
      runId,
      connString: pg.connString,
      listenHost: '127.0.0.1',
      airgap: true,
      ca: bundle,
      timeoutMs: 120_000,
      requestTimeoutMs: 60_000,
    });
    await clair.client.close();
    const { stream } = await dockerClient.getFile(clair.container, CA_FILE_IN_CLAIR);
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(`${bundle.pems.join('\n')}\n`);
    const envList = (await dockerClient.inspectContainer(clair.container)).Config.Env ?? [];
    expect(
      envList
        .find((e) => e.startsWith('SSL_CERT_DIR='))
        ?.split('=')[1]
        .split(':'),
    ).toContain(path.posix.dirname(CA_FILE_IN_CLAIR));
  } finally {
    await cleanupRun({ runId, tempDirs: [] });
    expect(leftoverContainers(runId)).toEqual([]);
  }
});

afterAll(() => {
  // Nothing of the Docker CLI's left: the pushed tag was removed right after the push.
  expect(
    execFileSync('docker', ['images', '-q', `127.0.0.1:*/${REPO_PATH.split(':')[0]}`], { encoding: 'utf8' }).trim(),
  ).toBe('');
});
