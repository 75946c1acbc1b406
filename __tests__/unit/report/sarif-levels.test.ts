/**
 * SARIF level and security-severity of every severity, as a plain table (src/report/sarif.ts): GitHub sorts and
 * filters code-scanning alerts by them, so a slip in one row misfiles every finding of that severity. Checked in
 * the pretty log (few results), in the compact log (over 2,000 results: another writer), and in the streamed
 * file; for vulnerabilities without a CVSS score and for compliance findings, whose rules carry them too.
 * Also: CI refuses UPDATE_GOLDEN (the golden-file helper), so a CI run can never rewrite what it checks.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  SEVERITIES,
  type Severity,
  type VulnerabilityFinding,
  type ComplianceFinding,
} from '../../../src/findings/model';
import { buildSarif, renderSarif, writeSarifReport } from '../../../src/report/sarif';
import { compliance, imageInfo, imageResult, scanResult, vuln } from '../../helpers/model';
import { expectGolden, updatingGolden } from './golden';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** severity → [SARIF level, security-severity without a CVSS score]; written out, not derived from the code. */
const TABLE: [Severity, string, string | undefined][] = [
  ['Critical', 'error', '9.5'],
  ['High', 'error', '8.0'],
  ['Medium', 'warning', '5.5'],
  ['Low', 'note', '2.0'],
  ['Negligible', 'note', '1.0'],
  ['Unknown', 'warning', undefined],
];

test('the table covers every severity the model has', () => {
  expect(TABLE.map((r) => r[0]).sort()).toEqual([...SEVERITIES].sort());
});

/** `copies` vulnerability findings (distinct packages) and one compliance finding per severity. */
function model(copies: number) {
  const vulns: VulnerabilityFinding[] = [];
  const comp: ComplianceFinding[] = [];
  for (const [sev] of TABLE) {
    for (let i = 0; i < copies; i++) vulns.push(vuln(`CVE-2099-${sev}`, sev, { pkg: `pkg${i}` }));
    comp.push(compliance(`rule-${sev.toLowerCase()}`, sev));
  }
  return scanResult([imageResult(imageInfo(), vulns, comp)]);
}

/** Every result's and every rule's level and security-severity, by severity, checked against the table. */
function checkLog(log: any, copies: number): void {
  const run = log.runs[0];
  const rules = new Map<string, any>(run.tool.driver.rules.map((r: any) => [r.id, r]));
  for (const [sev, level, score] of TABLE) {
    for (const ruleId of [`CVE-2099-${sev}`, `compliance/rule-${sev.toLowerCase()}`]) {
      const rule = rules.get(ruleId);
      expect({
        ruleId,
        level: rule?.defaultConfiguration?.level,
        score: rule?.properties?.['security-severity'],
      }).toEqual({ ruleId, level, score });
      const levels = run.results.filter((r: any) => r.ruleId === ruleId).map((r: any) => r.level);
      expect({ ruleId, levels }).toEqual({
        ruleId,
        levels: Array(ruleId.startsWith('compliance/') ? 1 : copies).fill(level),
      });
    }
  }
}

describe('SARIF level and security-severity per severity', () => {
  test('the log as built (objects)', () => checkLog(buildSarif(model(1), { dockerfile: 'Dockerfile' }), 1));

  test('the pretty log as rendered (up to 2,000 results)', () =>
    checkLog(JSON.parse(renderSarif(model(1), { dockerfile: 'Dockerfile' })), 1));

  test('the compact log as rendered (over 2,000 results)', () => {
    const text = renderSarif(model(400), { dockerfile: 'Dockerfile' });
    expect(text.split('\n').length).toBe(2); // compact: one line and the final newline
    checkLog(JSON.parse(text), 400);
  });

  test('the streamed file (writeSarifReport), compact and pretty', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-unit-sarif-levels-'));
    try {
      for (const copies of [1, 400]) {
        const file = await writeSarifReport(dir, `l${copies}.sarif`, model(copies), { dockerfile: 'Dockerfile' });
        checkLog(JSON.parse(fs.readFileSync(file, 'utf8')), copies);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a CVSS base score replaces the severity's score, whatever the severity; the level stays the severity's", () => {
    for (const [sev, level] of TABLE) {
      const log: any = buildSarif(
        scanResult([
          imageResult(imageInfo(), [
            vuln('CVE-2099-0001', sev, {
              cvss: { score: 6.1, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', version: '3.1' },
            }),
          ]),
        ]),
        { dockerfile: 'Dockerfile' },
      );
      expect({
        sev,
        level: log.runs[0].results[0].level,
        score: log.runs[0].tool.driver.rules[0].properties['security-severity'],
      }).toEqual({ sev, level, score: '6.1' });
    }
  });
});

describe('golden files on CI', () => {
  test('UPDATE_GOLDEN is refused when CI is set; honoured locally; ignored when unset', () => {
    expect(() => updatingGolden({ CI: 'true', UPDATE_GOLDEN: '1' })).toThrow(/UPDATE_GOLDEN=1 is refused on CI/);
    expect(() => updatingGolden({ CI: '1', UPDATE_GOLDEN: 'yes' })).toThrow(/refused on CI/);
    expect(updatingGolden({ UPDATE_GOLDEN: '1' })).toBe(true);
    expect(updatingGolden({ CI: 'false', UPDATE_GOLDEN: '1' })).toBe(true);
    expect(updatingGolden({ CI: 'true' })).toBe(false);
  });

  test('expectGolden throws on CI with UPDATE_GOLDEN=1 instead of rewriting the file', () => {
    const saved = { CI: process.env.CI, UPDATE_GOLDEN: process.env.UPDATE_GOLDEN };
    const golden = path.join(__dirname, 'golden', 'sample.sarif');
    const before = fs.readFileSync(golden, 'utf8');
    try {
      process.env.CI = 'true';
      process.env.UPDATE_GOLDEN = '1';
      expect(() => expectGolden('sample.sarif', 'not the golden content')).toThrow(/refused on CI/);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    expect(fs.readFileSync(golden, 'utf8')).toBe(before);
  });
});
