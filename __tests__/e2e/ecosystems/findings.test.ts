/**
 * Every ecosystem Clair v4.9.0 matches, end to end: fixture images built the way the real thing is built
 * (scripts/fixtures/make-ecosystem-files.sh), data records in the form claircore's own updaters write them
 * (vulns-ecosystems.jsonl), scanned by the product with an ephemeral Clair. Exact findings per image, as the
 * raw Clair API gave them (scripts/fixtures/FIXTURES.md, "Ecosystems").
 */
import * as fs from 'node:fs';
import { scan, ScanOutcome } from '../../../src/scan';
import { findingLines, fixture, settingsFor } from '../scan/helpers';
import { trackRuns } from '../../helpers/runs';
import { BUNDLE_ECOSYSTEMS, ECOSYSTEM_FINDINGS, REPO2CPE } from './helpers';

const track = trackRuns({ after: 'all' });
let outcome: ScanOutcome;
const outDirs: string[] = [];

beforeAll(async () => {
  const settings = settingsFor(
    ['java', 'ruby', 'rhel9', 'oracle9', 'ubuntu', 'amzn2023', 'sles15', 'photon3'].map(fixture),
    {
      'vuln-data': BUNDLE_ECOSYSTEMS,
      'rhel-repo2cpe': REPO2CPE,
      'severity-threshold': 'none',
      formats: 'json',
    },
  );
  outDirs.push(settings.reports.outputDir);
  outcome = await scan(settings, track);
});

afterAll(() => {
  for (const d of outDirs) fs.rmSync(d, { recursive: true, force: true });
});

const byImage = (): Record<string, string[]> =>
  Object.fromEntries(
    outcome.result.images.map((r) => [
      r.image.ref.replace(/^localhost\/clair-scan-fixture\/|:1$/g, ''),
      findingLines(r),
    ]),
  );

test('the scan completes (exit 0 with no threshold) and every image is indexed', () => {
  expect(outcome.exitCode).toBe(0);
  expect(outcome.result.images.map((r) => r.packages.length)).toEqual([4, 3, 7, 5, 5, 8, 5, 6]);
});

test('Maven: pom.properties of a plain jar and of the jars nested in a fat jar', () => {
  expect(byImage().java).toEqual(ECOSYSTEM_FINDINGS.java);
  const nested = outcome.result.images[0].vulnerabilities.find((v) => v.id === 'CVE-2099-5001');
  expect(nested?.package.packageDb).toBe('maven:opt/app/app.jar:BOOT-INF/lib/log4j-core-2.14.1.jar');
});

test('RubyGems: installed gem specifications', () => {
  expect(byImage().ruby).toEqual(ECOSYSTEM_FINDINGS.ruby);
});

test('RHEL 9 (UBI-like): rpmdb.sqlite + content manifest + repo2cpe mapping = repository CPEs, matched by rhel-vex records', () => {
  expect(byImage().rhel9).toEqual(ECOSYSTEM_FINDINGS.rhel9);
  expect(outcome.result.images[2].distributions.map((d) => d.prettyName)).toEqual([
    'Red Hat Enterprise Linux Server 9',
  ]);
});

test('Oracle Linux 9: ELSA records on the ol 9 distribution (the redhat-release OL ships does not make it RHEL)', () => {
  expect(byImage().oracle9).toEqual(ECOSYSTEM_FINDINGS.oracle9);
  expect(outcome.result.images[3].distributions.map((d) => d.prettyName)).toEqual(['Oracle Linux Server 9']);
});

test('Ubuntu 22.04: OVAL-form records on binary packages', () => {
  expect(byImage().ubuntu).toEqual(ECOSYSTEM_FINDINGS.ubuntu);
});

test('Amazon Linux 2023: os-release CPE_NAME + rpmdb.sqlite, matched by ALAS records (binary name, arch equals, AL2023)', () => {
  expect(byImage().amzn2023).toEqual(ECOSYSTEM_FINDINGS.amzn2023);
  expect(outcome.result.images[5].distributions.map((d) => d.prettyName)).toEqual(['Amazon Linux 2023']);
  const alas = outcome.result.images[5].vulnerabilities.find((v) => v.id === 'CVE-2099-10005');
  expect(alas?.name).toBe('ALAS2023-2099-1005');
});

test('SLES 15 SP2: a Berkeley DB rpmdb (usr/lib/sysimage/rpm/Packages), matched by SUSE OVAL records on SLES 15', () => {
  expect(byImage().sles15).toEqual(ECOSYSTEM_FINDINGS.sles15);
  const img = outcome.result.images[6];
  // claircore's suse scanner canonicalizes SLES 15 SP2 to its major release, the release of SUSE's OVAL files.
  expect(img.distributions.map((d) => d.prettyName)).toEqual(['SUSE Linux Enterprise Server 15']);
  expect([...new Set(img.packages.map((p) => p.packageDb))]).toEqual(['bdb:usr/lib/sysimage/rpm']);
  expect(img.packages.find((p) => p.name === 'libopenssl1_1')?.source?.name).toBe('openssl-1_1');
});

test('Photon OS 3.0: a Berkeley DB rpmdb (var/lib/rpm/Packages), matched by Photon OVAL records on Photon 3.0', () => {
  expect(byImage().photon3).toEqual(ECOSYSTEM_FINDINGS.photon3);
  const img = outcome.result.images[7];
  expect(img.distributions.map((d) => [d.prettyName, d.version])).toEqual([['VMware Photon OS/Linux', '3.0']]);
  expect([...new Set(img.packages.map((p) => p.packageDb))]).toEqual(['bdb:var/lib/rpm']);
  // The record's name is the PHSA title; the finding's id is the CVE its links name.
  const phsa = img.vulnerabilities.find((v) => v.id === 'CVE-2099-12001');
  expect(phsa?.name).toBe('PHSA-2099:00001 openssl Security Update. (Important)');
});
