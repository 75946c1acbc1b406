import { buildGitlabReport, GITLAB_SCHEMA_VERSION, gitlabTime, renderGitlab } from '../../../src/report/gitlab';
import { sampleResult, syntheticResult } from '../../helpers/model';
import { expectGolden } from './golden';
import { validateGitlab } from './schemas';

/* eslint-disable @typescript-eslint/no-explicit-any */
describe('GitLab container-scanning report', () => {
  const sample = sampleResult();
  const report: any = buildGitlabReport(sample);

  test('is valid against the container-scanning schema (15.2.1) and declares 15.0.7', () => {
    expect(validateGitlab(report)).toBeNull();
    expect(report.version).toBe(GITLAB_SCHEMA_VERSION);
    expect(validateGitlab(buildGitlabReport(syntheticResult(500, 3)))).toBeNull();
  });

  test('the validator rejects a report without location', () => {
    const broken = JSON.parse(JSON.stringify(report));
    delete broken.vulnerabilities[0].location;
    expect(validateGitlab(broken)).not.toBeNull();
  });

  test('matches the golden file', () => {
    expectGolden('sample.gitlab.json', renderGitlab(sample));
  });

  test('scan identity and GitLab time format', () => {
    expect(report.scan.analyzer.id).toBe('clair-scan');
    expect(report.scan.type).toBe('container_scanning');
    expect(report.scan.start_time).toBe('2024-05-01T10:00:00');
    expect(report.scan.end_time).toBe('2024-05-01T10:02:30');
    expect(gitlabTime('not a date')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  });

  test('stable ids, severities, identifiers, solution, location; allowlisted left out', () => {
    const again: any = buildGitlabReport(sampleResult());
    expect(again.vulnerabilities.map((v: any) => v.id)).toEqual(report.vulnerabilities.map((v: any) => v.id));
    expect(new Set(report.vulnerabilities.map((v: any) => v.id)).size).toBe(report.vulnerabilities.length);
    const names = report.vulnerabilities.map((v: any) => v.identifiers[0].value);
    expect(names).not.toContain('CVE-2023-0007'); // allowlisted
    expect(report.vulnerabilities).toHaveLength(9);
    const crit = report.vulnerabilities.find((v: any) => v.identifiers[0].value === 'CVE-2024-0001');
    expect(crit.severity).toBe('Critical');
    expect(crit.identifiers[0]).toEqual({
      type: 'cve',
      name: 'CVE-2024-0001',
      value: 'CVE-2024-0001',
      url: 'https://nvd.nist.gov/vuln/detail/CVE-2024-0001',
    });
    expect(crit.identifiers[1].type).toBe('dsa');
    expect(crit.solution).toBe('Upgrade openssl to 3.0.13-1~deb12u1');
    expect(crit.location).toEqual({
      image: 'myorg/web:1.4.2',
      operating_system: 'debian 12',
      dependency: { package: { name: 'openssl' }, version: '3.0.11-1~deb12u1' },
    });
    const negligible = report.vulnerabilities.find((v: any) => v.identifiers[0].value === 'CVE-2023-0006');
    expect(negligible.severity).toBe('Info');
    expect(negligible.solution).toBeUndefined();
    const unknown = report.vulnerabilities.find((v: any) => v.identifiers[0].value === 'DSA-5999-1');
    expect(unknown.severity).toBe('Unknown');
    // A javascript: link never becomes a link.
    const hostile = report.vulnerabilities.find((v: any) => v.identifiers[0].value === 'CVE-2023-0004');
    expect(JSON.stringify(hostile.links)).not.toContain('javascript:');
  });
});
