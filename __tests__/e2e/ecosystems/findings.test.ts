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
import { BUNDLE_ECOSYSTEMS, REPO2CPE } from './helpers';

const track = trackRuns({ after: 'all' });
let outcome: ScanOutcome;
const outDirs: string[] = [];

beforeAll(async () => {
  const settings = settingsFor(['java', 'ruby', 'rhel9', 'oracle9', 'ubuntu', 'amzn2023', 'sles15', 'photon3'].map(fixture), {
    'vuln-data': BUNDLE_ECOSYSTEMS,
    'rhel-repo2cpe': REPO2CPE,
    'severity-threshold': 'none',
    formats: 'json',
  });
  outDirs.push(settings.reports.outputDir);
  outcome = await scan(settings, track);
});

afterAll(() => {
  for (const d of outDirs) fs.rmSync(d, { recursive: true, force: true });
});

const byImage = (): Record<string, string[]> =>
  Object.fromEntries(outcome.result.images.map((r) => [r.image.ref.replace(/^localhost\/clair-scan-fixture\/|:1$/g, ''), findingLines(r)]));

test('the scan completes (exit 0 with no threshold) and every image is indexed', () => {
  expect(outcome.exitCode).toBe(0);
  expect(outcome.result.images.map((r) => r.packages.length)).toEqual([4, 3, 7, 5, 5, 8, 5, 6]);
});

test('Maven: pom.properties of a plain jar and of the jars nested in a fat jar', () => {
  expect(byImage().java).toEqual(EXPECTED.java);
  const nested = outcome.result.images[0].vulnerabilities.find((v) => v.id === 'CVE-2099-5001');
  expect(nested?.package.packageDb).toBe('maven:opt/app/app.jar:BOOT-INF/lib/log4j-core-2.14.1.jar');
});

test('RubyGems: installed gem specifications', () => {
  expect(byImage().ruby).toEqual(EXPECTED.ruby);
});

test('RHEL 9 (UBI-like): rpmdb.sqlite + content manifest + repo2cpe mapping = repository CPEs, matched by rhel-vex records', () => {
  expect(byImage().rhel9).toEqual(EXPECTED.rhel9);
  expect(outcome.result.images[2].distributions.map((d) => d.prettyName)).toEqual(['Red Hat Enterprise Linux Server 9']);
});

test('Oracle Linux 9: ELSA records on the ol 9 distribution (the redhat-release OL ships does not make it RHEL)', () => {
  expect(byImage().oracle9).toEqual(EXPECTED.oracle9);
  expect(outcome.result.images[3].distributions.map((d) => d.prettyName)).toEqual(['Oracle Linux Server 9']);
});

test('Ubuntu 22.04: OVAL-form records on binary packages', () => {
  expect(byImage().ubuntu).toEqual(EXPECTED.ubuntu);
});

test('Amazon Linux 2023: os-release CPE_NAME + rpmdb.sqlite, matched by ALAS records (binary name, arch equals, AL2023)', () => {
  expect(byImage().amzn2023).toEqual(EXPECTED.amzn2023);
  expect(outcome.result.images[5].distributions.map((d) => d.prettyName)).toEqual(['Amazon Linux 2023']);
  const alas = outcome.result.images[5].vulnerabilities.find((v) => v.id === 'CVE-2099-10005');
  expect(alas?.name).toBe('ALAS2023-2099-1005');
});

test('SLES 15 SP2: a Berkeley DB rpmdb (usr/lib/sysimage/rpm/Packages), matched by SUSE OVAL records on SLES 15', () => {
  expect(byImage().sles15).toEqual(EXPECTED.sles15);
  const img = outcome.result.images[6];
  // claircore's suse scanner canonicalizes SLES 15 SP2 to its major release, the release of SUSE's OVAL files.
  expect(img.distributions.map((d) => d.prettyName)).toEqual(['SUSE Linux Enterprise Server 15']);
  expect([...new Set(img.packages.map((p) => p.packageDb))]).toEqual(['bdb:usr/lib/sysimage/rpm']);
  expect(img.packages.find((p) => p.name === 'libopenssl1_1')?.source?.name).toBe('openssl-1_1');
});

test('Photon OS 3.0: a Berkeley DB rpmdb (var/lib/rpm/Packages), matched by Photon OVAL records on Photon 3.0', () => {
  expect(byImage().photon3).toEqual(EXPECTED.photon3);
  const img = outcome.result.images[7];
  expect(img.distributions.map((d) => [d.prettyName, d.version])).toEqual([['VMware Photon OS/Linux', '3.0']]);
  expect([...new Set(img.packages.map((p) => p.packageDb))]).toEqual(['bdb:var/lib/rpm']);
  // The record's name is the PHSA title; the finding's id is the CVE its links name.
  const phsa = img.vulnerabilities.find((v) => v.id === 'CVE-2099-12001');
  expect(phsa?.name).toBe('PHSA-2099:00001 openssl Security Update. (Important)');
});

const EXPECTED: Record<string, string[]> = {
  // Not reported: CVE-2099-5004 (fixed in 2.12.7.1 < 2.13.0). CVE-2099-5005 is lastAffected=1.0.0: no fix.
  java: [
    'CVE-2099-5001 org.apache.logging.log4j:log4j-core 2.14.1 Critical 2.15.0',
    'CVE-2099-5002 com.fasterxml.jackson.core:jackson-databind 2.13.0 High 2.13.4.1',
    'CVE-2099-5003 org.apache.commons:commons-text 1.9 Critical 1.10.0',
    'CVE-2099-5005 com.example.fixture:fixture-app 1.0.0 Low -',
  ],
  // Not reported: CVE-2099-6003 (puma fixed in 5.6.8), CVE-2099-6004 (rack fixed in 2.1.4.1).
  ruby: ['CVE-2099-6001 rack 2.2.3 High 2.2.6.4', 'CVE-2099-6002 nokogiri 1.13.3 Medium 1.13.4'],
  // Not reported: CVE-2099-7004 (zlib fixed in an older release), CVE-2099-7005 (a RHEL 8 CPE).
  rhel9: [
    'CVE-2099-7001 openssl-libs 1:3.0.7-27.el9 High 1:3.0.7-28.el9_4',
    'CVE-2099-7002 glibc 2.34-100.el9 Medium -',
    'CVE-2099-7002 glibc-common 2.34-100.el9 Medium -',
    'CVE-2099-7002 glibc-minimal-langpack 2.34-100.el9 Medium -',
    'CVE-2099-7003 libxml2 2.9.13-6.el9_4 Low 0:2.9.13-6.el9_4.1',
  ],
  // ELSA-2099-800x records; the id is the CVE their links name. Not reported: 8003 (older fix), 8004 (fix = installed).
  oracle9: [
    'CVE-2099-8001 openssl-libs 1:3.0.7-24.0.1.el9 High 1:3.0.7-25.0.1.el9',
    'CVE-2099-8002 glibc 2.34-83.0.1.el9_3.7 Medium 2.34-83.0.2.el9_3.7',
    'CVE-2099-8002 glibc-common 2.34-83.0.1.el9_3.7 Medium 2.34-83.0.2.el9_3.7',
  ],
  // ALAS2023-2099-100x records; the id is the CVE their links name. Not reported: 1003 (zlib, older fix), 1004
  // (bash, but the record is for aarch64 and the installed bash is x86_64).
  amzn2023: [
    'CVE-2099-10001 openssl-libs 1:3.0.8-1.amzn2023.0.14 High 1:3.0.8-1.amzn2023.0.15',
    'CVE-2099-10002 glibc 2.34-52.amzn2023.0.11 Medium 2.34-52.amzn2023.0.12',
    'CVE-2099-10002 glibc-common 2.34-52.amzn2023.0.11 Medium 2.34-52.amzn2023.0.12',
    'CVE-2099-10005 libcurl-minimal 8.5.0-1.amzn2023.0.4 Critical 8.5.0-1.amzn2023.0.5',
  ],
  // Not reported: CVE-2099-9003 (tar, fix = installed).
  ubuntu: ['CVE-2099-9001 libssl3 3.0.2-0ubuntu1.15 High 3.0.2-0ubuntu1.16', 'CVE-2099-9002 zlib1g 1:1.2.11.dfsg-2ubuntu9.2 Medium -'],
  // Not reported: CVE-2099-11003 (libz1, older fix), CVE-2099-11004 (bash, fix = installed), CVE-2099-11005 (SLES 12 data).
  sles15: [
    'CVE-2099-11001 libopenssl1_1 1.1.1d-11.20.1 High 0:1.1.1d-11.23.1',
    'CVE-2099-11001 openssl-1_1 1.1.1d-11.20.1 High 0:1.1.1d-11.23.1',
    'CVE-2099-11002 glibc 2.26-13.48.1 Medium 0:2.26-13.51.1',
  ],
  // PHSA-2099:0000x records; the id is the CVE their links name. Not reported: 00003 (zlib, older fix), 00004
  // (glibc, Photon 2.0 data: same pretty name, another release).
  photon3: [
    'CVE-2099-12001 openssl 1.0.2zg-1.ph3 High 0:1.0.2zh-1.ph3',
    'CVE-2099-12002 curl 7.86.0-2.ph3 Critical 0:7.86.0-3.ph3',
    'CVE-2099-12002 curl-libs 7.86.0-2.ph3 Critical 0:7.86.0-3.ph3',
  ],
};
