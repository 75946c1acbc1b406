/**
 * Other scanners' ignore files as allowlists, end to end (src/policy/migrate.ts): a real scan of the debian-vuln
 * fixture (ephemeral Clair + PostgreSQL, fixture data) with a `.trivyignore` and a `.grype.yaml` given as `allowlist`.
 * Expected findings: scripts/fixtures/FIXTURES.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scan, ScanOutcome } from '../../../src/scan';
import { DEBIAN_VULN_FINDINGS, findingLines, fixture, settingsFor } from '../scan/helpers';
import { trackRuns } from '../../helpers/runs';
import { testTempDir } from '../../helpers/tmp';
import { validateGitlab } from '../../unit/report/schemas';

const track = trackRuns();

function file(name: string, text: string): string {
  const f = path.join(testTempDir('cs-e2e-migrate-'), name);
  fs.writeFileSync(f, text);
  return f;
}

async function run(inputs: Record<string, string>): Promise<ScanOutcome> {
  return scan(
    settingsFor([fixture('debian-vuln')], {
      'severity-threshold': 'none',
      'fail-on': 'critical>0 || high>0',
      formats: 'json,gitlab',
      ...inputs,
    }),
    track,
  );
}

/* eslint-disable @typescript-eslint/no-explicit-any */
function gitlabIds(o: ScanOutcome): string[] {
  const report = JSON.parse(fs.readFileSync(o.reports.gitlab!, 'utf8'));
  expect(validateGitlab(report)).toBeNull();
  return report.vulnerabilities.map((v: any) => v.identifiers[0].value).sort();
}

test('a .trivyignore suppresses exactly its listed finding; an expired entry does not suppress its own', async () => {
  // CVE-2099-1002 (High, zlib1g): listed, no expiry. CVE-2099-1001 (Critical): listed with an exp: date long past.
  const ignore = file(
    '.trivyignore',
    [
      '# zlib1g: not reachable, see SEC-12',
      'CVE-2099-1002',
      '',
      'CVE-2099-1001 exp:2020-01-01',
      'CVE-2099-9999',
      '',
    ].join('\n'),
  );
  const o = await run({ allowlist: ignore });
  const img = o.result.images[0];
  expect(findingLines(img)).toEqual(DEBIAN_VULN_FINDINGS);
  expect(img.vulnerabilities.filter((v) => v.allowlisted).map((v) => [v.id, v.allowlisted])).toEqual([
    ['CVE-2099-1002', { source: `${ignore}:2`, reason: 'trivyignore: zlib1g: not reachable, see SEC-12' }],
  ]);
  // The expired entry is reported as such; the Critical finding it named counts and fails the gate.
  expect(o.result.verdict?.expiredEntries.map((e) => [e.id, e.expires])).toEqual([['CVE-2099-1001', '2019-12-31']]);
  expect(o.result.verdict?.unusedEntries.map((e) => e.id)).toEqual(['CVE-2099-9999']);
  expect(o.result.verdict?.status).toBe('fail');
  expect(o.exitCode).toBe(1);
  // The GitLab report leaves the allowlisted finding out, as GitLab's own allowlist does.
  expect(gitlabIds(o)).toEqual(['CVE-2099-1001', 'CVE-2099-1003', 'CVE-2099-1004', 'CVE-2099-1005', 'CVE-2099-1006']);
});

test('a .grype.yaml: a rule on a package and version suppresses that finding only; `not-fixed` every finding without a fix', async () => {
  const grype = file(
    '.grype.yaml',
    [
      'ignore:',
      '  - vulnerability: CVE-2099-1001',
      '    package:',
      '      name: libssl.*',
      '      version: 3.0.11-1~deb12u2',
      '    reason: backported',
      '  - fix-state: not-fixed',
      '',
    ].join('\n'),
  );
  const o = await run({ allowlist: grype });
  const img = o.result.images[0];
  expect(findingLines(img)).toEqual(DEBIAN_VULN_FINDINGS);
  expect(
    img.vulnerabilities
      .filter((v) => v.allowlisted)
      .map((v) => [v.id, v.allowlisted?.source])
      .sort(),
  ).toEqual([
    ['CVE-2099-1001', `${grype}:2`],
    ['CVE-2099-1002', `${grype}:7`],
    ['CVE-2099-1005', `${grype}:7`],
  ]);
  // Nothing High or worse is left: the gate passes.
  expect(o.result.verdict?.status).toBe('pass');
  expect(o.exitCode).toBe(0);
  expect(gitlabIds(o)).toEqual(['CVE-2099-1003', 'CVE-2099-1004', 'CVE-2099-1006']);
});
