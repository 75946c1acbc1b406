/**
 * The coverage proof for an existing Clair (`clair-url`: coverageFromUpdaters) with the updater names a real
 * Clair uses — claircore v1.5.x's `debian/updater`, `alpine-main-v3.19-updater`, `ubuntu/updater/jammy`,
 * `rhel-vex`, `oracle-2024-updater`, `aws-AL2023-updater`, `photon-updater-5.0`, `suse-updater-…`, `osv/pypi` —
 * against the real Clair's answer: a real Clair + PostgreSQL (started with the product's modules), bundles
 * generated here whose records carry those names (the fixture records renamed, plus one record per other
 * updater) loaded with `clairctl import-updaters`, Clair's update-operation API read through our ClairClient,
 * and full scans through `clair-url`. Covered distributions/ecosystems are accepted (exact findings), uncovered
 * ones refused with exit 2: a Debian image against alpine-* data only, PyPI packages against osv/go only, an
 * Ubuntu 22.04 image against ubuntu/updater/focal only.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { scan } from '../../../src/scan';
import { DockerClient } from '../../../src/environment/docker';
import { startPostgres } from '../../../src/environment/postgres';
import { startClair, ClairContainer } from '../../../src/environment/clair-container';
import { coverageFromUpdaters, CoverageTarget, importBundle } from '../../../src/environment/vuln-data';
import { newRunId } from '../../../src/environment/run-state';
import { cleanupRun } from '../../../src/environment/cleanup';
import { setLogger } from '../../../src/util/log';
import { loadTestEnv } from '../../helpers/testenv';
import { testTempDir } from '../../helpers/tmp';
import {
  BUNDLE,
  DEBIAN_VULN_FINDINGS,
  expectScanError,
  findingLines,
  fixture,
  leftoverContainers,
  settingsFor,
} from '../scan/helpers';

const env = loadTestEnv();
const run = newRunId();
const dir = testTempDir('cs-e2e-coverage-names-');
let docker: DockerClient;
let clair: ClairContainer;

interface BundleRecord {
  Updater: string;
  Fingerprint: string;
  Date: string;
  Ref: string;
  Kind: string;
  Vuln: Record<string, unknown> & { updater: string };
}

/** The fixture bundle's records of `from`, as if the real updater `to` had written them. */
function renamed(from: string, to: string): BundleRecord[] {
  const ref = randomUUID();
  return fs
    .readFileSync(BUNDLE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as BundleRecord)
    .filter((r) => r.Updater === from)
    .map((r) => ({ ...r, Updater: to, Fingerprint: `${to}-fp`, Ref: ref, Vuln: { ...r.Vuln, updater: to } }));
}

/** One FAKE record of the real updater `name` for `target` (a distribution or a repository). */
function one(
  name: string,
  target: { distribution?: Record<string, string>; repository?: Record<string, string> },
): BundleRecord[] {
  return [
    {
      Updater: name,
      Fingerprint: `${name}-fp`,
      Date: '2098-01-01T00:00:00Z',
      Ref: randomUUID(),
      Kind: 'vulnerability',
      Vuln: {
        updater: name,
        name: `CVE-2098-${Math.floor(Math.random() * 9000) + 1000}`,
        description: `FAKE record of ${name}`,
        issued: '2098-01-01T00:00:00Z',
        links: '',
        severity: 'High',
        normalized_severity: 'High',
        package: { name: 'fake-package-not-installed', kind: target.repository ? 'binary' : 'source' },
        ...target,
        fixed_in_version: '',
      },
    },
  ];
}

async function load(name: string, records: BundleRecord[]): Promise<void> {
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  await importBundle(docker, clair.container, file, 120_000);
}

let psk = '';
/** A scan through clair-url, signed with the Clair's auth.psk key as a user would configure clair-psk. */
const external = (image: string) =>
  settingsFor([fixture(image)], { 'clair-url': clair.url, 'clair-psk': psk, formats: 'json' });
const dist = (did: string, extra: Record<string, string> = {}): CoverageTarget => ({
  label: did,
  distribution: { id: '1', did, ...extra },
});
const repo = (name: string): CoverageTarget => ({ label: `${name} packages`, repository: { id: '2', name } });

async function covered(targets: CoverageTarget[]): Promise<Record<string, number>> {
  const m = await coverageFromUpdaters(clair.client, targets);
  return Object.fromEntries(
    [...m.entries()].map(([t, n]) => [
      `${t.label}${t.distribution?.version_id ? ` ${t.distribution.version_id}` : ''}`,
      n,
    ]),
  );
}

beforeAll(async () => {
  setLogger({ info: () => undefined, warn: () => undefined, debug: () => undefined, mask: () => undefined });
  docker = new DockerClient();
  const pg = await startPostgres(docker, { image: env.postgresImage, runId: run, timeoutMs: 120_000 });
  clair = await startClair(docker, {
    image: env.clairImage,
    runId: run,
    connString: pg.connString,
    listenHost: '127.0.0.1',
    airgap: true,
    timeoutMs: 120_000,
    requestTimeoutMs: 300_000,
  });
  // The random auth.psk key the product wrote into the Clair's config (what a shared Clair's admin hands out).
  const { stream } = await docker.getFile(clair.container, '/config/config.yaml');
  let text = '';
  for await (const c of stream) text += String(c);
  psk = (parse(text) as { auth: { psk: { key: string } } }).auth.psk.key;
  expect(psk).toMatch(/^[A-Za-z0-9+/]{43}=$/);
});

afterAll(async () => {
  await clair?.client.close();
  await cleanupRun({ runId: run, tempDirs: [] });
  expect(leftoverContainers(run)).toEqual([]);
});

describe('coverage proof with the updater names of a real Clair', () => {
  it('alpine-* data only: the Alpine 3.19 image is scanned, the Debian image refused (exit 2)', async () => {
    await load('alpine', [
      ...renamed('fixture-alpine', 'alpine-main-v3.19-updater'),
      ...one('alpine-community-v3.18-updater', {
        distribution: { did: 'alpine', name: 'Alpine Linux', version: '3.18', pretty_name: 'Alpine Linux v3.18' },
      }),
    ]);
    // What the real Clair answers: one update operation per imported updater, under its real name.
    const ops = await clair.client.updateOperations();
    expect(Object.keys(ops).sort()).toEqual(['alpine-community-v3.18-updater', 'alpine-main-v3.19-updater']);
    expect(ops['alpine-main-v3.19-updater']).toHaveLength(1);

    const alpine = await scan(external('alpine'));
    expect(alpine.result.images[0].vulnerabilities).toHaveLength(6);
    expect(alpine.result.images[0].vulnerabilities.every((v) => v.id.startsWith('CVE-2099-2'))).toBe(true);

    const err = await expectScanError(scan(external('debian-vuln')));
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(
      /no vulnerability data for Debian GNU\/Linux 12 \(bookworm\) \(found in localhost\/clair-scan-fixture\/debian-vuln:1\); refusing to report the image as clean/,
    );
    expect(err.hint).toContain(`the Clair at ${clair.url}`);

    expect(
      await covered([
        dist('alpine', { version_id: '3.19.1' }),
        dist('alpine', { version_id: '3.18.6' }),
        dist('alpine', { version_id: '3.20.0' }),
        dist('debian', { version_id: '12' }),
      ]),
    ).toEqual({
      'alpine 3.19.1': 1,
      'alpine 3.18.6': 1,
      'alpine 3.20.0': 0,
      'debian 12': 0,
    });
  });

  it('debian/updater, osv/go, ubuntu/updater/focal and the rpm-family names: Debian accepted with exact findings; PyPI and Ubuntu 22.04 refused', async () => {
    await load('more', [
      ...renamed('fixture-debian', 'debian/updater'),
      ...one('osv/go', { repository: { name: 'go', uri: 'https://pkg.go.dev' } }),
      ...one('ubuntu/updater/focal', {
        distribution: {
          did: 'ubuntu',
          name: 'Ubuntu',
          version_id: '20.04',
          version_code_name: 'focal',
          pretty_name: 'Ubuntu 20.04 LTS',
        },
      }),
      ...one('rhel-vex', {
        repository: { name: 'cpe:/o:redhat:enterprise_linux:9::baseos', key: 'rhel-cpe-repository' },
      }),
      ...one('oracle-2024-updater', { distribution: { did: 'ol', name: 'Oracle Linux Server', version_id: '9' } }),
      ...one('aws-AL2023-updater', { distribution: { did: 'amzn', name: 'Amazon Linux', version_id: '2023' } }),
      ...one('photon-updater-5.0', { distribution: { did: 'photon', name: 'VMware Photon OS', version_id: '5.0' } }),
      ...one('suse-updater-suse.linux.enterprise.server.15', {
        distribution: { did: 'sles', name: 'SLES', version_id: '15' },
      }),
    ]);
    expect(Object.keys(await clair.client.updateOperations()).sort()).toEqual([
      'alpine-community-v3.18-updater',
      'alpine-main-v3.19-updater',
      'aws-AL2023-updater',
      'debian/updater',
      'oracle-2024-updater',
      'osv/go',
      'photon-updater-5.0',
      'rhel-vex',
      'suse-updater-suse.linux.enterprise.server.15',
      'ubuntu/updater/focal',
    ]);

    expect(findingLines((await scan(external('debian-vuln'))).result.images[0])).toEqual(DEBIAN_VULN_FINDINGS);

    const py = await expectScanError(scan(external('python')));
    expect(py.exitCode).toBe(2);
    expect(py.message).toMatch(
      /no vulnerability data for pypi packages \(found in localhost\/clair-scan-fixture\/python:1\)/,
    );
    const ub = await expectScanError(scan(external('ubuntu')));
    expect(ub.message).toMatch(
      /no vulnerability data for Ubuntu 22\.04.* \(found in localhost\/clair-scan-fixture\/ubuntu:1\)/,
    );

    expect(
      await covered([
        dist('rhel', { version_id: '9.4' }),
        dist('rocky', { version_id: '9.4' }),
        dist('ol', { version_id: '9.4' }),
        dist('amzn', { version_id: '2023' }),
        dist('amzn', { version_id: '2' }),
        dist('photon', { version_id: '5.0' }),
        dist('photon', { version_id: '4.0' }),
        dist('sles', { version_id: '15.5' }),
        dist('ubuntu', { version_id: '20.04', version_code_name: 'focal' }),
        repo('go'),
        repo('npm'),
        repo('maven'),
      ]),
    ).toEqual({
      'rhel 9.4': 1,
      'rocky 9.4': 1,
      'ol 9.4': 1,
      'amzn 2023': 1,
      'amzn 2': 0,
      'photon 5.0': 1,
      'photon 4.0': 0,
      'sles 15.5': 1,
      'ubuntu 20.04': 1,
      'go packages': 1,
      'npm packages': 0,
      'maven packages': 0,
    });
  });

  it('osv/pypi and ubuntu/updater/jammy added: the Python and Ubuntu 22.04 images are accepted', async () => {
    await load('last', [
      ...renamed('fixture-pypi', 'osv/pypi'),
      ...one('ubuntu/updater/jammy', {
        distribution: {
          did: 'ubuntu',
          name: 'Ubuntu',
          version_id: '22.04',
          version_code_name: 'jammy',
          pretty_name: 'Ubuntu 22.04.4 LTS',
        },
      }),
    ]);
    const py = await scan(external('python'));
    expect(py.result.images[0].vulnerabilities).toHaveLength(3);
    expect(py.result.images[0].vulnerabilities.some((v) => v.package.name === 'requests')).toBe(true);
    const ub = await scan(external('ubuntu'));
    expect(ub.result.images[0].distributions.map((d) => d.prettyName)).toEqual([
      expect.stringMatching(/^Ubuntu 22\.04/),
    ]);
    expect(ub.result.images[0].vulnerabilities).toEqual([]);
  });
});
