/**
 * The main path users run: an ephemeral PostgreSQL + Clair on the local Docker daemon, images read from the
 * daemon, offline vulnerability data imported. Exact findings per fixture image (scripts/fixtures/FIXTURES.md).
 */
import * as fs from 'node:fs';
import { testTempDir } from '../../helpers/tmp';
import * as path from 'node:path';
import { scan, ScanOutcome } from '../../../src/scan';
import {
  ALPINE_FINDINGS,
  BUNDLE_NO_DEBIAN,
  DEBIAN_VULN_FINDINGS,
  findingLines,
  PYTHON_FINDINGS,
  fixture,
  settingsFor,
  expectScanError,
} from './helpers';
import { trackRuns } from '../../helpers/runs';

const track = trackRuns();

describe('ephemeral Clair, images from the local Docker daemon', () => {
  let outcome: ScanOutcome;

  beforeAll(async () => {
    const settings = settingsFor([
      fixture('debian-vuln'),
      fixture('alpine'),
      fixture('python'),
      fixture('clean'),
      fixture('nonroot'),
    ]);
    outcome = await scan(settings, track);
  });

  it('reports exactly the vulnerabilities the fixture data plants in each image', () => {
    const byImage = Object.fromEntries(
      outcome.result.images.map((r) => [
        r.image.ref.replace(/^localhost\/clair-scan-fixture\/|:1$/g, ''),
        findingLines(r),
      ]),
    );
    expect(byImage).toEqual({
      'debian-vuln': DEBIAN_VULN_FINDINGS,
      alpine: ALPINE_FINDINGS,
      python: PYTHON_FINDINGS,
      clean: [],
      nonroot: [],
    });
  });

  it('normalizes what every report needs: distro, ecosystem, purl, layer, links, stable keys', () => {
    const deb = outcome.result.images[0];
    expect(deb.image.name).toBe('localhost/clair-scan-fixture/debian-vuln');
    expect(deb.image.layers).toHaveLength(2);
    expect(deb.distributions.map((d) => d.prettyName)).toEqual(['Debian GNU/Linux 12 (bookworm)']);
    expect(deb.packages.map((p) => p.name)).toEqual([
      'base-files',
      'bash',
      'libc6',
      'libcurl4',
      'libgcrypt20',
      'libssl3',
      'tar',
      'zlib1g',
    ]);
    const ssl = deb.vulnerabilities.find((v) => v.id === 'CVE-2099-1001');
    expect(ssl?.package.purl).toBe(
      'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl',
    );
    expect(ssl?.package.source?.name).toBe('openssl');
    expect(ssl?.package.layer).toBe(deb.image.layers[0].digest);
    expect(ssl?.key).toBe('localhost/clair-scan-fixture/debian-vuln|libssl3|CVE-2099-1001');
    expect(ssl?.links.length).toBeGreaterThan(0);
    expect(ssl?.fixable).toBe(true);
    const py = outcome.result.images[2];
    expect(py.vulnerabilities.find((v) => v.id === 'CVE-2099-3002')?.package.purl).toBe('pkg:pypi/urllib3@2.0.7');
    expect(outcome.result.images[4].image.user).toBe('10001:10001');
  });

  it('fails the default gate (severity-threshold high) with exit code 1 and writes every report', () => {
    expect(outcome.exitCode).toBe(1);
    expect(outcome.result.verdict?.status).toBe('fail');
    expect(outcome.result.verdict?.counted).toEqual({
      Critical: 4,
      High: 5,
      Medium: 2,
      Low: 2,
      Negligible: 1,
      Unknown: 1,
    });
    expect(Object.keys(outcome.reports).sort()).toEqual(['cyclonedx', 'gitlab', 'html', 'json', 'markdown', 'sarif']);
    for (const file of Object.values(outcome.reports)) expect(fs.statSync(file as string).size).toBeGreaterThan(100);
  });

  it('passes with exit code 0 when nothing reaches the threshold', async () => {
    const o = await scan(settingsFor([fixture('clean')], { formats: 'json' }), track);
    expect(o.exitCode).toBe(0);
    expect(o.result.verdict?.status).toBe('pass');
    expect(o.result.images[0].packages.length).toBeGreaterThan(0);
  });
});

describe('never "clean" without data', () => {
  it('refuses an image whose distribution the data does not cover (exit 2)', async () => {
    const err = await expectScanError(scan(settingsFor([fixture('ubuntu')]), track));
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(/no vulnerability data for Ubuntu 22\.04.*refusing to report the image as clean/);
  });

  it('refuses Debian when the bundle holds only Alpine data', async () => {
    const err = await expectScanError(
      scan(settingsFor([fixture('debian-vuln')], { 'vuln-data': BUNDLE_NO_DEBIAN }), track),
    );
    expect(err.message).toMatch(/no vulnerability data for Debian GNU\/Linux 12 \(bookworm\)/);
  });

  it('rejects an empty data file before starting anything', async () => {
    const empty = path.join(testTempDir('cs-e2e-'), 'empty.json');
    fs.writeFileSync(empty, '');
    // Checked when the inputs are parsed (inputs/settings.ts), so no scan — and no container — ever starts.
    const err = await expectScanError(
      (async () => scan(settingsFor([fixture('clean')], { 'vuln-data': empty }), track))(),
    );
    expect(err.message).toMatch(/is empty/);
  });
});

describe('bad input and failures give a clear error and leave nothing behind', () => {
  it('a Clair that fails to start: its log explains why', async () => {
    const dir = testTempDir('cs-e2e-');
    const cfg = path.join(dir, 'clair.yaml');
    fs.writeFileSync(cfg, 'indexer:\n  no_such_option: true\n');
    const err = await expectScanError(scan(settingsFor([fixture('clean')], { 'clair-config': cfg }), track));
    expect(err.message).toMatch(/the Clair container .* stopped before it was ready/);
    expect(err.details).toMatch(/no_such_option/);
    expect(err.exitCode).toBe(2);
  });

  it('a JSON clair-config is applied too (Clair only reads .yaml drop-ins: it is renamed)', async () => {
    const cfg = path.join(testTempDir('cs-e2e-'), 'clair.json');
    fs.writeFileSync(cfg, JSON.stringify({ matcher: { no_such_matcher_option: 1 } }));
    const err = await expectScanError(scan(settingsFor([fixture('clean')], { 'clair-config': cfg }), track));
    expect(err.details).toMatch(/no_such_matcher_option/);
  });

  it('an image that is not in the daemon', async () => {
    const err = await expectScanError(scan(settingsFor([fixture('does-not-exist')]), track));
    expect(err.message).toMatch(/was not found in the Docker daemon/);
    expect(err.hint).toMatch(/load: true/);
  });

  it('an invalid image reference fails before any container starts', async () => {
    const err = await expectScanError(scan(settingsFor(['Not A Valid:Ref']), track));
    expect(err.message).toMatch(/is not a valid image reference/);
  });

  it('an unknown PostgreSQL image with pulling disabled', async () => {
    const err = await expectScanError(
      scan(
        settingsFor([fixture('clean')], { 'postgres-image': 'localhost/clair-scan-test/no-such-postgres:1' }),
        track,
      ),
    );
    expect(err.message).toMatch(/not present on the Docker daemon and pulling is disabled/);
  });
});
