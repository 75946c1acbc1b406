import { gzipSync } from 'node:zlib';
import {
  buildSarif,
  renderSarif,
  SARIF_MAX_RESULTS_PER_RUN,
  SARIF_MAX_GZIP_BYTES,
  securitySeverity,
} from '../../../src/report/sarif';
import { ScanResult } from '../../../src/findings/model';
import { image, sampleResult, syntheticResult } from '../../helpers/model';
import { expectGolden } from './golden';
import { validateSarifGithub, validateSarifOasis } from './schemas';

/* eslint-disable @typescript-eslint/no-explicit-any */
const results = (sarif: any): any[] => sarif.runs.flatMap((r: any) => r.results);

describe('SARIF', () => {
  const sample = sampleResult();
  const sarif: any = buildSarif(sample, { dockerfile: 'docker/Dockerfile' });

  test('is valid against the OASIS schema and the schema upload-sarif uses', () => {
    expect(validateSarifOasis(sarif)).toBeNull();
    expect(validateSarifGithub(sarif)).toBeNull();
  });

  test('the validators do reject a broken log', () => {
    const broken = JSON.parse(JSON.stringify(sarif));
    broken.runs[0].results[0].level = 'fatal';
    delete broken.runs[0].tool.driver.name;
    expect(validateSarifOasis(broken)).not.toBeNull();
    expect(validateSarifGithub(broken)).not.toBeNull();
  });

  test('matches the golden file', () => {
    expectGolden('sample.sarif', renderSarif(sample, { dockerfile: 'docker/Dockerfile' }));
  });

  test('one run per image name, categorised clair-scan/<name>/', () => {
    expect(sarif.runs.map((r: any) => r.automationDetails.id)).toEqual([
      'clair-scan/myorg/web/',
      'clair-scan/tools/alpine-tool/',
    ]);
    for (const run of sarif.runs) expect(run.tool.driver.name).toBe('clair-scan');
  });

  test('rules: one per vulnerability id, security-severity from CVSS else severity, tags, help text + markdown', () => {
    const rules = sarif.runs[0].tool.driver.rules;
    const byId = new Map(rules.map((r: any) => [r.id, r]));
    expect(rules.length).toBe(new Set(rules.map((r: any) => r.id)).size);
    const crit: any = byId.get('CVE-2024-0001');
    expect(crit.properties['security-severity']).toBe('9.8');
    expect(crit.properties.tags).toEqual(expect.arrayContaining(['security', 'vulnerability', 'critical']));
    expect(crit.help.text).toContain('openssl 3.0.11-1~deb12u1 (fixed in: 3.0.13-1~deb12u1');
    expect(crit.help.markdown).toContain('| openssl | 3\\.0.11-1\\~deb12u1 | 3\\.0.13-1\\~deb12u1 |');
    expect(crit.helpUri).toBe('https://nvd.nist.gov/vuln/detail/CVE-2024-0001');
    expect((byId.get('CVE-2024-0003') as any).properties['security-severity']).toBe('8.0'); // High without CVSS
    expect((byId.get('CVE-2023-0005') as any).properties['security-severity']).toBe('2.0');
    expect((byId.get('CVE-2023-0006') as any).properties['security-severity']).toBe('1.0');
    expect((byId.get('DSA-5999-1') as any).properties['security-severity']).toBeUndefined();
    expect(securitySeverity('Medium')).toBe('5.5');
    expect(securitySeverity('High', 0)).toBe('8.0');
  });

  test('levels follow severity', () => {
    const lv = new Map(results(sarif).map((r: any) => [`${r.ruleId}|${r.properties.package ?? ''}`, r.level]));
    expect(lv.get('CVE-2024-0001|openssl')).toBe('error');
    expect(lv.get('CVE-2024-0002|libc6')).toBe('error');
    expect(lv.get('CVE-2023-0004|zlib1g')).toBe('warning');
    expect(lv.get('CVE-2023-0005|perl-base')).toBe('note');
    expect(lv.get('CVE-2023-0006|libc6')).toBe('note');
  });

  test('results are on the Dockerfile line 1 and name image and package', () => {
    for (const r of results(sarif)) {
      expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe('docker/Dockerfile');
      expect(r.locations[0].physicalLocation.region.startLine).toBe(1);
      expect(r.message.text).toContain(r.properties.image);
      expect(sarif.runs.some((run: any) => run.tool.driver.rules[r.ruleIndex]?.id === r.ruleId)).toBe(true);
    }
    const openssl = results(sarif).find((r: any) => r.ruleId === 'CVE-2024-0001');
    expect(openssl.message.text).toContain('openssl 3.0.11-1~deb12u1');
    expect(openssl.message.text).toContain('myorg/web:1.4.2');
  });

  test('fingerprints are stable across tag/digest changes and distinct per finding', () => {
    const other: ScanResult = sampleResult();
    other.images[0].image = { ...image('myorg/web:1.5.0', 'myorg/web', '1.5.0', 'other-digest') };
    const a = results(sarif).map((r: any) => r.partialFingerprints.primaryLocationLineHash);
    const b = results(buildSarif(other, { dockerfile: 'docker/Dockerfile' })).map(
      (r: any) => r.partialFingerprints.primaryLocationLineHash,
    );
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
  });

  test('allowlisted findings are left out and counted in the run properties', () => {
    expect(results(sarif).length).toBeGreaterThan(0);
    expect(results(sarif).filter((r: any) => r.ruleId === 'CVE-2023-0007')).toEqual([]);
    expect(sarif.runs[0].properties.allowlistedOmitted).toBe(1);
  });

  test('compliance findings become results with their own rules', () => {
    const run = sarif.runs[1];
    const ids = run.results.map((r: any) => r.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['compliance/non-root', 'compliance/secret/aws-access-key']));
    const rule = run.tool.driver.rules.find((r: any) => r.id === 'compliance/secret/aws-access-key');
    expect(rule.properties.tags).toContain('security');
    expect(rule.properties['security-severity']).toBe('9.5');
  });

  test('more than 20 image names: 20 runs, the last one shared and saying so', () => {
    const many = syntheticResult(25 * 3, 25);
    const s: any = buildSarif(many, { dockerfile: 'Dockerfile' });
    expect(s.runs).toHaveLength(20);
    expect(s.runs[19].automationDetails.id).toBe('clair-scan/other-images/');
    expect(s.runs[19].properties.images).toHaveLength(6);
    expect(JSON.stringify(s.runs[19].invocations)).toContain('at most 20 runs');
    expect(new Set(s.runs.map((r: any) => r.automationDetails.id)).size).toBe(20);
    expect(validateSarifOasis(s)).toBeNull();
  });

  test('30,000 findings: at most 25,000 results per run, under 10 MB gzipped, the cut is stated, most severe kept', () => {
    const big = syntheticResult(30_000);
    const s: any = buildSarif(big, { dockerfile: 'Dockerfile' });
    const run = s.runs[0];
    expect(run.results.length).toBeLessThanOrEqual(SARIF_MAX_RESULTS_PER_RUN);
    expect(run.results.length).toBeGreaterThan(0);
    expect(gzipSync(JSON.stringify(s)).length).toBeLessThan(SARIF_MAX_GZIP_BYTES);
    expect(run.properties.truncation.omitted).toBe(30_000 - run.results.length);
    const note = run.invocations[0].toolExecutionNotifications.map((n: any) => n.message.text).join(' ');
    expect(note).toMatch(/results were left out/);
    // Most severe kept: no kept result is less severe than any dropped one (5000 Unknown are the cut).
    const kept = new Set(run.results.map((r: any) => r.properties.severity));
    expect(kept.has('Critical')).toBe(true);
    expect(kept.has('Unknown')).toBe(false);
    expect(validateSarifGithub(s, true)).toBeNull();
    expect(validateSarifOasis(s, true)).toBeNull();
    // What uniqueItems would check, done linearly: rule ids and result fingerprints are unique.
    expect(new Set(run.tool.driver.rules.map((r: any) => r.id)).size).toBe(run.tool.driver.rules.length);
    expect(new Set(run.results.map((r: any) => r.partialFingerprints.primaryLocationLineHash)).size).toBe(
      run.results.length,
    );
  });

  test('a tight gzip budget cuts further, most severe first, and says why', () => {
    const big = syntheticResult(3000);
    const s: any = buildSarif(big, { dockerfile: 'Dockerfile', maxGzipBytes: 60_000 });
    expect(gzipSync(JSON.stringify(s)).length).toBeLessThanOrEqual(60_000);
    expect(s.runs[0].properties.truncation.reasons.join(' ')).toMatch(/gzipped/);
    expect(s.runs[0].results[0].properties.severity).toBe('Critical');
  });

  test('help text and markdown of hostile text: exact after parsing, and the compact log is JSON.stringify of itself', () => {
    // Over 2,000 results: the compact log, whose help texts are written from escaped pieces (no whole-text stringify).
    const r = syntheticResult(2100, 1);
    const f = r.images[0].vulnerabilities[0];
    const nasty = 'q"uote \\back\\slash \u0001ctl \u2028ls lone\ud800 pair\ud83d\ude00 low\udc00 end';
    f.description = nasty;
    f.package = { ...f.package, name: 'p"k\\g\ud800', version: '1"\\2' };
    f.aliases = ['A"1', 'B\\2\udfff'];
    f.cvss = { score: 7.25, vector: 'CVSS:3.1/"AV:N\\' };
    f.links = ['https://example.org/x'];
    const text = renderSarif(r, { dockerfile: 'Dockerfile' });
    expect(text).toBe(`${JSON.stringify(JSON.parse(text))}\n`);
    const rule = JSON.parse(text).runs[0].tool.driver.rules.find((x: any) => x.id === f.id);
    expect(rule.help.text).toBe(
      `${f.id} (${f.severity}, CVSS 7.25 CVSS:3.1/"AV:N\\)\n\n${nasty}\n\nAffected packages:\n` +
        `- p"k\\g\ud800 1"\\2 (fixed in: ${f.fixedIn ?? 'no fix yet'}; image ${r.images[0].image.ref})\n\n` +
        `Also known as: A"1, B\\2\udfff\n\nReferences:\n- https://nvd.nist.gov/vuln/detail/${f.id}\n- https://example.org/x`,
    );
    expect(rule.help.markdown).toContain(
      'q&quot;uote \\\\back\\\\slash ctl ls lone\ud800 pair\ud83d\ude00 low\udc00 end',
    );
    expect(rule.help.markdown).toContain('| p&quot;k\\\\g\ud800 | 1&quot;\\\\2 |');
  });
});
