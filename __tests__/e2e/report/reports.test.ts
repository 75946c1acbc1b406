/**
 * Reports written from a REAL scan (ephemeral Clair + PostgreSQL, fixture images from the local daemon):
 * every machine report validates against its official schema and says what the scan found.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { scan, ScanOutcome } from '../../../src/scan';
import { REPORT_FILE_NAMES } from '../../../src/report';
import { fixture, settingsFor } from '../scan/helpers';
import { trackRuns } from '../../helpers/runs';
import { validateGitlab, validateSarifGithub, validateSarifOasis } from '../../unit/report/schemas';

/* eslint-disable @typescript-eslint/no-explicit-any */
describe('reports from a real scan', () => {
  let outcome: ScanOutcome;
  let outDir: string;
  const track = trackRuns({ after: 'all' });

  beforeAll(async () => {
    const settings = settingsFor([fixture('debian-vuln'), fixture('alpine'), fixture('python')], {
      formats: 'sarif,gitlab,markdown,html,json,cyclonedx',
      fail: 'false',
      dockerfile: 'docker/app/Dockerfile',
    });
    outDir = settings.reports.outputDir;
    outcome = await scan(settings, track);
  });

  afterAll(() => {
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  const read = (name: string): string => fs.readFileSync(path.join(outDir, name), 'utf8');
  const total = (): number =>
    outcome.result.images.reduce((a, i) => a + i.vulnerabilities.filter((f) => !f.allowlisted).length, 0);

  it('writes every report, and nothing else, into the output dir', () => {
    const requested = ['sarif', 'gitlab', 'markdown', 'html', 'json', 'cyclonedx'] as const;
    expect(fs.readdirSync(outDir).sort()).toEqual(requested.map((f) => REPORT_FILE_NAMES[f]).sort());
    expect(total()).toBeGreaterThan(5);
  });

  it('SARIF is valid against both schemas, one run per image, one result per finding', () => {
    const sarif = JSON.parse(read('clair-scan.sarif'));
    expect(validateSarifOasis(sarif)).toBeNull();
    expect(validateSarifGithub(sarif)).toBeNull();
    expect(sarif.runs.map((r: any) => r.automationDetails.id)).toEqual(
      outcome.result.images.map((i) => `clair-scan/${i.image.name}/`),
    );
    const results = sarif.runs.flatMap((r: any) =>
      r.results.filter((x: any) => !String(x.ruleId).startsWith('compliance/')),
    );
    expect(results).toHaveLength(total());
    expect(results.map((r: any) => r.ruleId)).toContain('CVE-2099-1001');
    for (const r of results) expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe('docker/app/Dockerfile');
  });

  it('GitLab report is valid and lists every finding with its image and OS', () => {
    const gl = JSON.parse(read('gl-container-scanning-report.json'));
    expect(validateGitlab(gl)).toBeNull();
    expect(gl.vulnerabilities).toHaveLength(total());
    const ssl = gl.vulnerabilities.find((v: any) => v.identifiers[0].value === 'CVE-2099-1001');
    expect(ssl.location.image).toBe(fixture('debian-vuln'));
    expect(ssl.location.operating_system).toMatch(/^debian 12/);
    expect(ssl.solution).toBe('Upgrade libssl3 to 3.0.13-1~deb12u1');
  });

  it('CycloneDX SBOM is valid and has a component per package Clair found', async () => {
    const json = read('clair-scan.cdx.json');
    expect(await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(json)).toBeNull();
    const bom = JSON.parse(json);
    const containers = bom.components.filter((c: any) => c.type === 'container');
    expect(containers).toHaveLength(3);
    const libs = containers.flatMap((c: any) => (c.components ?? []).filter((x: any) => x.type === 'library'));
    const pkgCount = outcome.result.images.reduce(
      (a, i) => a + new Set(i.packages.map((p) => `${p.purl}|${p.kind}`)).size,
      0,
    );
    expect(libs.length).toBeGreaterThanOrEqual(pkgCount);
    for (const l of libs) expect(l.purl).toMatch(/^pkg:/);
  });

  it('JSON, Markdown and HTML carry the same findings and the verdict', () => {
    const json = JSON.parse(read('clair-scan-result.json'));
    expect(json.images.map((i: any) => i.vulnerabilities.length)).toEqual(
      outcome.result.images.map((i) => i.vulnerabilities.length),
    );
    expect(json.clair.url).toBeUndefined();
    const md = read('clair-scan-summary.md');
    expect(md.length).toBeLessThanOrEqual(60_000);
    expect(md).toContain('CVE-2099-1001');
    expect(md).toMatch(outcome.result.verdict?.status === 'pass' ? /policy passed/ : /policy failed \(report-only/);
    const html = read('clair-scan-report.html');
    expect(html).toContain('CVE-2099-1001');
    expect(html).toContain("default-src 'none'");
  });
});
