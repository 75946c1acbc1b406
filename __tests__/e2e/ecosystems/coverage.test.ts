/**
 * The coverage proof per ecosystem: a bundle without an ecosystem's records must not make an image of that
 * ecosystem "clean" — exit 2 naming it. RHEL without repository CPEs (an offline run without rhel-repo2cpe)
 * is refused too, because Clair's rhel matcher cannot match packages without them. Go: a bundle without Go
 * records leaves a Go binary refused (with them it gets findings: go.test.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scan } from '../../../src/scan';
import { expectScanError, fixture, settingsFor } from '../scan/helpers';
import { trackRuns } from '../../helpers/runs';
import { BUNDLE_ECOSYSTEMS, REPO2CPE, writeBundle } from './helpers';

const track = trackRuns();
const dirs: string[] = [];

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function settings(image: string, inputs: Record<string, string>) {
  const s = settingsFor([fixture(image)], { formats: 'json', ...inputs });
  dirs.push(s.reports.outputDir);
  return s;
}

test.each([
  [
    'java',
    'fixture-maven',
    /no vulnerability data for maven packages \(found in localhost\/clair-scan-fixture\/java:1\); refusing to report the image as clean/,
  ],
  ['ruby', 'fixture-rubygems', /no vulnerability data for rubygems packages \(found in .*ruby:1\); refusing/],
  ['oracle9', 'fixture-oracle', /no vulnerability data for Oracle Linux Server 9 \(found in .*oracle9:1\); refusing/],
  [
    'rhel9',
    'fixture-rhel',
    /no vulnerability data for Red Hat Enterprise Linux Server 9 \(found in .*rhel9:1\); refusing/,
  ],
  ['ubuntu', 'fixture-ubuntu', /no vulnerability data for Ubuntu 22\.04 \(found in .*ubuntu:1\); refusing/],
  ['amzn2023', 'fixture-aws', /no vulnerability data for Amazon Linux 2023 \(found in .*amzn2023:1\); refusing/],
  ['gobin', 'fixture-go', /no vulnerability data for go packages \(found in .*gobin:1\); refusing/],
  // SLES 12 data (fixture-suse-12) stays in the bundle: another release does not cover SLES 15.
  [
    'sles15',
    'fixture-suse',
    /no vulnerability data for SUSE Linux Enterprise Server 15 \(found in .*sles15:1\); refusing/,
  ],
  // Photon 2.0 data (fixture-photon-2, the same pretty name "VMware Photon OS/Linux") stays: it does not cover 3.0.
  [
    'photon3',
    'fixture-photon',
    /no vulnerability data for VMware Photon OS\/Linux 3\.0 \(found in .*photon3:1\); refusing/,
  ],
])('%s without %s records: exit 2 naming the ecosystem', async (image, updater, message) => {
  const bundle = writeBundle({ exclude: [updater] }, dirs);
  const err = await expectScanError(scan(settings(image, { 'vuln-data': bundle, 'rhel-repo2cpe': REPO2CPE }), track));
  expect(err.exitCode).toBe(2);
  expect(err.message).toMatch(message);
});

test('RHEL offline without rhel-repo2cpe: no repository CPEs, refused (not reported clean) with what to do', async () => {
  const err = await expectScanError(scan(settings('rhel9', { 'vuln-data': BUNDLE_ECOSYSTEMS }), track));
  expect(err.exitCode).toBe(2);
  expect(err.message).toBe(
    'no repository CPEs for the Red Hat Enterprise Linux Server 9 packages of localhost/clair-scan-fixture/rhel9:1: RHEL packages cannot be matched without them; refusing to report the image as clean',
  );
  expect(err.hint).toMatch(/repository-to-cpe\.json and give its path in rhel-repo2cpe/);
});

test('a rhel-repo2cpe file that is not a mapping is an error naming the input, not a bare JSON error from Clair', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-eco-'));
  dirs.push(dir);
  const bad = path.join(dir, 'repo2cpe.json');
  fs.writeFileSync(
    bad,
    JSON.stringify({ data: { 'rhel-9-for-x86_64-baseos-rpms': ['cpe:/o:redhat:enterprise_linux:9::baseos'] } }),
  );
  const err = await expectScanError(
    scan(settings('rhel9', { 'vuln-data': BUNDLE_ECOSYSTEMS, 'rhel-repo2cpe': bad }), track),
  );
  expect(err.exitCode).toBe(2);
  expect(err.message).toMatch(/rhel-repo2cpe file ".*repo2cpe\.json" is not a repository-to-CPE mapping/);
});
