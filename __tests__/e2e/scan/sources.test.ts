/**
 * Image sources other than the daemon (docker-save archive, OCI layout with gzip layers, a gzipped archive,
 * a real registry with auth) and an existing shared Clair (`clair-url`), including one with no data yet.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { scan } from '../../../src/scan';
import { DockerClient } from '../../../src/environment/docker';
import { startPostgres, Postgres } from '../../../src/environment/postgres';
import { startClair, ClairContainer } from '../../../src/environment/clair-container';
import { importBundle } from '../../../src/environment/vuln-data';
import { newRunId } from '../../../src/environment/run-state';
import { cleanupRun } from '../../../src/environment/cleanup';
import { loadTestEnv } from '../../helpers/testenv';
import {
  BUNDLE,
  DEBIAN_VULN_FINDINGS,
  REPO,
  docker,
  findingLines,
  fixture,
  leftoverContainers,
  settingsFor,
  expectScanError,
} from './helpers';

const env = loadTestEnv();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-sources-'));
const sharedRun = newRunId();
let pg: Postgres;
let clair: ClairContainer;
let dockerClient: DockerClient;

beforeAll(async () => {
  // A long-lived "shared" Clair like a team would run, started with the product's own modules, no data yet.
  dockerClient = new DockerClient();
  pg = await startPostgres(dockerClient, { image: env.postgresImage, runId: sharedRun, timeoutMs: 120000 });
  clair = await startClair(dockerClient, {
    image: env.clairImage,
    runId: sharedRun,
    connString: pg.connString,
    listenHost: '127.0.0.1',
    airgap: true,
    timeoutMs: 120000,
    requestTimeoutMs: 300000,
  });
});

afterAll(async () => {
  await clair?.client.close();
  await cleanupRun({ runId: sharedRun, tempDirs: [tmp] });
  expect(leftoverContainers(sharedRun)).toEqual([]);
});

const external = (images: string[], inputs: Record<string, string> = {}) =>
  settingsFor(images, { 'clair-url': clair.url, 'clair-psk': clair.psk, ...inputs });

it('an existing Clair without vulnerability data is refused, never reported clean', async () => {
  const err = await expectScanError(scan(external([fixture('debian-vuln')])));
  expect(err.exitCode).toBe(2);
  expect(err.message).toMatch(
    /no vulnerability data for Debian GNU\/Linux 12 \(bookworm\).*refusing to report the image as clean/,
  );
});

describe('with data loaded into the existing Clair', () => {
  beforeAll(async () => {
    await importBundle(dockerClient, clair.container, BUNDLE, 120000);
  });

  it('scans an image from the daemon through clair-url, starting no containers', async () => {
    let runId = '';
    const o = await scan(external([fixture('debian-vuln')]), { onState: (s) => (runId = s.runId) });
    expect(findingLines(o.result.images[0])).toEqual(DEBIAN_VULN_FINDINGS);
    expect(o.result.clair).toMatchObject({ ephemeral: false, url: clair.url });
    expect(leftoverContainers(runId)).toEqual([]);
  });

  it('a Clair with PSK auth and no (or a wrong) clair-psk: exit 2 saying Clair refused and to set clair-psk', async () => {
    for (const psk of ['', Buffer.alloc(32, 1).toString('base64')]) {
      const err = await expectScanError(scan(external([fixture('debian-vuln')], { 'clair-psk': psk })));
      expect([err.exitCode, err.message, err.hint]).toEqual([
        2,
        expect.stringMatching(/Clair refused the .* request \(HTTP 401\)/),
        expect.stringMatching(/clair-psk/),
      ]);
    }
  });

  it('scans a docker-save archive', async () => {
    const file = path.join(tmp, 'debian-vuln.tar');
    docker('save', '-o', file, fixture('debian-vuln'));
    const o = await scan(external([file]));
    expect(o.result.images[0].image.source).toBe('archive');
    expect(o.result.images[0].image.name).toBe('localhost/clair-scan-fixture/debian-vuln');
    expect(findingLines(o.result.images[0])).toEqual(DEBIAN_VULN_FINDINGS);
  });

  it('scans a gzipped docker-save archive and an OCI layout with gzip-compressed layers', async () => {
    const tar = path.join(tmp, 'alpine.tar');
    docker('save', '-o', tar, fixture('alpine'));
    const gz = path.join(tmp, 'alpine.tar.gz');
    execFileSync('sh', ['-c', `gzip -c '${tar}' > '${gz}'`]);
    const oci = path.join(tmp, 'alpine-oci.tar');
    execFileSync('node', [path.join(REPO, 'scripts/fixtures/make-oci-archive.js'), tar, oci], { stdio: 'pipe' });
    const o = await scan(external([`archive:${gz}`, `archive:${oci}`]));
    const [a, b] = o.result.images;
    expect(findingLines(a)).toHaveLength(6);
    expect(findingLines(b)).toEqual(findingLines(a));
    expect(b.image.layers[0].digest).not.toBe(b.image.layers[0].diffId); // compressed blob ≠ tar digest
    expect(a.image.layers[0].digest).toBe(a.image.layers[0].diffId);
  });

  describe('a real registry with basic auth', () => {
    const ref = `${env.registry.address}/fixtures/debian-vuln:1`;
    beforeAll(() => {
      execFileSync('docker', ['login', '-u', env.registry.username, '--password-stdin', env.registry.address], {
        input: env.registry.password,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      docker('tag', fixture('debian-vuln'), ref);
      docker('push', ref);
    });
    afterAll(() => {
      docker('rmi', ref);
      execFileSync('docker', ['logout', env.registry.address], { stdio: 'pipe' });
    });

    it('streams layers from the registry to Clair', async () => {
      const o = await scan(
        external([`registry:${ref}`], {
          'registry-username': env.registry.username,
          'registry-password': env.registry.password,
        }),
      );
      const img = o.result.images[0];
      expect(img.image.source).toBe('registry');
      expect(img.image.name).toBe(`${env.registry.address}/fixtures/debian-vuln`);
      expect(img.image.manifestDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(findingLines(img)).toEqual(DEBIAN_VULN_FINDINGS);
      // The password must not leak into any report.
      for (const f of Object.values(o.reports))
        expect(fs.readFileSync(f as string, 'utf8')).not.toContain(env.registry.password);
    });

    it('a wrong password is a clear error', async () => {
      const err = await expectScanError(
        scan(
          external([`registry:${ref}`], { 'registry-username': env.registry.username, 'registry-password': 'wrong' }),
        ),
      );
      expect(err.message).toMatch(/refused access/);
      expect(err.hint).toMatch(/registry-username and registry-password/);
    });
  });

  it('an archive path that does not exist', async () => {
    const err = await expectScanError(scan(external(['archive:/nonexistent/image.tar'])));
    expect(err.message).toMatch(/does not exist/);
  });
});
