/** The comparison with a baseline (src/findings/delta.ts) and the gate on new findings (fail-on-new, new.<name>). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyBaseline, loadBaseline, parseBaseline, summarizeDelta, useBaseline } from '../../../src/findings/delta';
import { emptyCounts, RESULT_SCHEMA_VERSION, type ScanResult } from '../../../src/findings/model';
import { evaluatePolicy } from '../../../src/policy';
import { renderMarkdownSummary } from '../../../src/report/markdown';
import { buildSarif } from '../../../src/report/sarif';
import { renderJson } from '../../../src/report/json';
import { compliance, imageInfo, imageResult, policy, scanResult, vuln } from '../../helpers/model';

/** The backlog the base branch has: two old findings and a compliance finding. */
function baselineResult(): ScanResult {
  return scanResult([
    imageResult(
      imageInfo({ ref: 'myorg/app:main', tag: 'main', manifestDigest: 'sha256:' + 'b'.repeat(64) }),
      [
        vuln('CVE-2099-0001', 'High', { pkg: 'zlib1g' }),
        vuln('CVE-2099-0002', 'Medium', { pkg: 'zlib1g' }),
        vuln('CVE-2099-0003', 'Critical', { pkg: 'openssl' }), // fixed by this change
        vuln('CVE-2099-0004', 'Low', { pkg: 'bash' }), // version bumped but still vulnerable
      ],
      [compliance('non-root', 'High')],
    ),
  ]);
}

/** This change: a rebuild under another tag and digest; one finding fixed, one new, one updated. */
function currentResult(): ScanResult {
  return scanResult([
    imageResult(
      imageInfo({ ref: 'registry.local/myorg/app:pr-17', tag: 'pr-17', manifestDigest: 'sha256:' + 'c'.repeat(64) }),
      [
        vuln('CVE-2099-0001', 'High', { pkg: 'zlib1g' }),
        vuln('CVE-2099-0002', 'Medium', { pkg: 'zlib1g' }),
        vuln('CVE-2099-0004', 'Low', {
          pkg: 'bash',
          package: {
            id: '9',
            name: 'bash',
            version: '1.1',
            kind: 'binary',
            ecosystem: 'deb',
            arch: 'amd64',
            purl: 'pkg:deb/debian/bash@1.1',
          },
        }),
        vuln('CVE-2099-0100', 'High', { pkg: 'requests' }),
      ],
      [compliance('non-root', 'High')],
    ),
  ]);
}

const base = (r = baselineResult()) => ({ source: 'file main.json', result: JSON.parse(renderJson(r)) as ScanResult });

describe('applyBaseline', () => {
  it('matches by the stable key across tags and digests: new, unchanged, updated and fixed, counted per severity', () => {
    const r = currentResult();
    expect(applyBaseline(r, base())).toEqual([]);
    const states = Object.fromEntries(r.images[0].vulnerabilities.map((f) => [f.id, f.baselineState]));
    expect(states).toEqual({
      'CVE-2099-0001': 'unchanged',
      'CVE-2099-0002': 'unchanged',
      'CVE-2099-0004': 'updated',
      'CVE-2099-0100': 'new',
    });
    expect(r.images[0].compliance[0].baselineState).toBe('unchanged');
    expect(r.delta!.fixed).toEqual([
      {
        key: 'myorg/app|openssl|CVE-2099-0003',
        kind: 'vulnerability',
        id: 'CVE-2099-0003',
        severity: 'Critical',
        image: 'myorg/app',
        package: { name: 'openssl', version: '1.0' },
        fixedIn: '1.1',
      },
    ]);
    expect(r.delta!.counts).toEqual({
      new: { ...emptyCounts(), High: 1 },
      updated: { ...emptyCounts(), Low: 1 },
      unchanged: { ...emptyCounts(), High: 2, Medium: 1 },
      fixed: { ...emptyCounts(), Critical: 1 },
    });
    expect(r.delta!.baseline).toEqual({
      source: 'file main.json',
      schemaVersion: RESULT_SCHEMA_VERSION,
      toolVersion: '0.0.0-test',
      finishedAt: '2026-01-01T00:01:00Z',
      images: ['myorg/app'],
    });
  });

  it('a baseline of another image gives no delta, says so, and counts every finding as new (the safe reading)', () => {
    const other = baselineResult();
    other.images[0].image.name = 'myorg/other';
    const r = currentResult();
    const notes = applyBaseline(r, base(other));
    expect(notes).toEqual([
      'the baseline (file main.json) is of another image (myorg/other), not myorg/app: no comparison is made, the report is complete.',
      'no baseline was compared for myorg/app: all 5 findings of it count as new (the safe reading: fail-on-new and new.* rules count them as introduced by this change).',
    ]);
    expect(r.delta).toBeUndefined();
    expect(r.baselineNotes).toEqual(notes);
    expect(r.baselineUncompared).toEqual(['myorg/app']);
    expect(r.images[0].vulnerabilities.length).toBeGreaterThan(0);
    expect(
      [...r.images[0].vulnerabilities, ...r.images[0].compliance].filter((f) => f.baselineState !== 'new'),
    ).toEqual([]);
  });

  it('allowlisted findings are left out of the counts once the policy has run', async () => {
    const r = currentResult();
    applyBaseline(r, base());
    r.images[0].vulnerabilities[3].allowlisted = { source: 'a.yaml:3', reason: 'test' };
    summarizeDelta(r);
    expect(r.delta!.counts.new).toEqual(emptyCounts());
  });
});

describe('parseBaseline / loadBaseline: bad input is a notice, never an error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cs-delta-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [
      'not JSON',
      '{"schemaVersion": "1.1.0",',
      /^the baseline \(b\) is not readable JSON \(.+\); no comparison is made, the report is complete\.$/,
    ],
    [
      'not a result',
      '{"hello": 1}',
      /^the baseline \(b\) is not a clair-scan result \(clair-scan-result\.json\); no comparison is made/,
    ],
    [
      'an older format version',
      JSON.stringify({ ...baselineResult(), schemaVersion: '0.9.0' }),
      /^the baseline \(b\) has result format version 0\.9\.0, which this clair-scan \(format 1\.2\.0\) cannot compare with;/,
    ],
    [
      'damaged findings',
      JSON.stringify({ ...baselineResult(), images: [{ image: { name: 'x' }, vulnerabilities: [{ id: 'CVE-1' }] }] }),
      /^the baseline \(b\) is damaged/,
    ],
  ])('%s', (_what, text, want) => {
    const r = parseBaseline(text, 'b');
    expect('notice' in r && r.notice).toMatch(want);
  });

  it('a 1.0.0 baseline (before the delta fields) still compares', () => {
    const r = parseBaseline(JSON.stringify({ ...baselineResult(), schemaVersion: '1.0.0' }), 'b');
    expect('baseline' in r).toBe(true);
  });

  it('loadBaseline: none, a file, a missing file, a run id without a fetcher, a fetcher that throws', async () => {
    const file = join(dir, 'base.json');
    writeFileSync(file, renderJson(baselineResult()));
    expect(await loadBaseline('none')).toBeUndefined();
    expect(await loadBaseline('')).toBeUndefined();
    const ok = await loadBaseline(file);
    expect(ok && 'baseline' in ok && ok.baseline.source).toBe(`file ${file}`);
    const missing = await loadBaseline(join(dir, 'nope.json'));
    expect(missing).toEqual({
      notice: `the baseline ${join(dir, 'nope.json')} cannot be read (ENOENT); no comparison is made, the report is complete.`,
    });
    expect(await loadBaseline('12345')).toEqual({
      notice:
        'baseline "12345" is a run id, which only the GitHub Action can fetch; no comparison is made, the report is complete.',
    });
    expect(
      await loadBaseline('', async () => {
        throw new Error('socket hang up');
      }),
    ).toEqual({
      notice: 'the baseline could not be fetched (socket hang up); no comparison is made, the report is complete.',
    });
    const r = currentResult();
    expect(useBaseline(r, missing).notices).toHaveLength(2); // the notice, then: every finding counts as new
    expect(renderMarkdownSummary(r)).toContain('> ℹ️ Baseline: the baseline');
  });
});

describe('the gate on new findings', () => {
  const compared = (): ScanResult => {
    const r = currentResult();
    applyBaseline(r, base());
    return r;
  };

  it('fail-on-new: the threshold counts only new findings; an old backlog passes', async () => {
    const backlogOnly = currentResult();
    backlogOnly.images[0].vulnerabilities.pop(); // no new finding
    applyBaseline(backlogOnly, base());
    const pass = await evaluatePolicy(backlogOnly, policy({ severityThreshold: 'High', failOnNew: true }));
    expect(pass.status).toBe('pass');
    expect(pass.rules).toEqual(['severity-threshold: high (new findings only: fail-on-new)']);
    // The same backlog without fail-on-new fails (2 High: the old one and the compliance finding).
    expect((await evaluatePolicy(backlogOnly, policy({ severityThreshold: 'High' }))).status).toBe('fail');

    const fail = await evaluatePolicy(compared(), policy({ severityThreshold: 'High', failOnNew: true }));
    expect(fail.status).toBe('fail');
    expect(fail.reasons).toEqual([
      '1 new finding at or above High (severity-threshold: high (new findings only: fail-on-new)): 1 High',
    ]);
  });

  it('fail-on-new without a baseline: nothing is new, and the verdict says why', async () => {
    const v = await evaluatePolicy(currentResult(), policy({ severityThreshold: 'High', failOnNew: true }));
    expect(v.status).toBe('pass');
    expect(v.rules).toEqual([
      'severity-threshold: high (new findings only: fail-on-new); no baseline was compared, so nothing is new',
    ]);
  });

  it('count rules over new findings: new.high, new.total, new.fixable', async () => {
    const v = await evaluatePolicy(compared(), policy({ failOn: 'new.high>0 || new.total>=5' }));
    expect(v.reasons).toEqual(['fail-on rule "new.high>0 || new.total>=5" is true: new.high=1']);
    const none = await evaluatePolicy(compared(), policy({ failOn: 'new.critical>0 || NEW.fixable>1' }));
    expect(none.status).toBe('pass');
    // No baseline: new.* are 0.
    expect((await evaluatePolicy(currentResult(), policy({ failOn: 'new.total>0' }))).status).toBe('pass');
  });

  it('a dotted name other than new.<name> is an error naming the column', async () => {
    await expect(evaluatePolicy(compared(), policy({ failOn: 'high>0 || old.high>0' }))).rejects.toThrow(
      'fail-on: unknown name "old.high", expected one of unknown, negligible, low, medium, high, critical, total, any, fixable, kev, epss at column 11',
    );
  });
});

describe('the delta in the reports', () => {
  it('Markdown: the delta comes right after the verdict, new findings first', async () => {
    const r = currentResult();
    applyBaseline(r, base());
    r.verdict = await evaluatePolicy(r, policy({ severityThreshold: 'High', failOnNew: true }));
    summarizeDelta(r);
    const md = renderMarkdownSummary(r);
    const at = (s: string): number => md.indexOf(s);
    expect(
      at('### Changes since the baseline: 1 new (1 High), 1 fixed (1 Critical), 1 updated, 3 unchanged'),
    ).toBeGreaterThan(at('## ❌ clair-scan: policy failed'));
    expect(at('### Changes since the baseline')).toBeLessThan(at('| Image | Critical'));
    expect(md).toContain('| 🆕 New | 0 | 1 | 0 | 0 | 0 | 0 | **1** |');
    expect(md).toContain('| ✅ Fixed | 1 | 0 | 0 | 0 | 0 | 0 | **1** |');
    expect(md).toContain('| 🔁 Updated | 0 | 0 | 0 | 1 | 0 | 0 | **1** |');
    expect(md).toContain('| Unchanged | 0 | 2 | 1 | 0 | 0 | 0 | **3** |');
    expect(md).toContain('#### New findings (1)');
    expect(at('#### New findings (1)')).toBeLessThan(at('### Most severe findings'));
    expect(md).toContain(
      '| High | [CVE-2099-0100](https://nvd.nist.gov/vuln/detail/CVE-2099-0100) | requests | 1\\.0 | 1\\.1 |',
    );
    expect(md).toContain('<summary>Fixed since the baseline (1)</summary>');
  });

  it('SARIF: baselineState on every result; the fixed findings as absent in the run properties', () => {
    const r = currentResult();
    applyBaseline(r, base());
    const sarif = buildSarif(r, { dockerfile: 'Dockerfile' });
    const run = sarif.runs[0];
    const states = Object.fromEntries(
      (run.results as { ruleId: string; baselineState?: string }[]).map((x) => [x.ruleId, x.baselineState]),
    );
    expect(states).toEqual({
      'CVE-2099-0001': 'unchanged',
      'CVE-2099-0002': 'unchanged',
      'CVE-2099-0004': 'updated',
      'CVE-2099-0100': 'new',
      'compliance/non-root': 'unchanged',
    });
    expect(run.properties?.baseline).toEqual({
      source: 'file main.json',
      absent: [
        {
          baselineState: 'absent',
          id: 'CVE-2099-0003',
          key: 'myorg/app|openssl|CVE-2099-0003',
          severity: 'Critical',
          package: 'openssl',
          installedVersion: '1.0',
        },
      ],
    });
  });

  it('JSON: the delta and the states are in the result', () => {
    const r = currentResult();
    applyBaseline(r, base());
    const j = JSON.parse(renderJson(r)) as ScanResult;
    expect(j.schemaVersion).toBe('1.2.0');
    expect(j.delta!.counts.new.High).toBe(1);
    expect(j.images[0].vulnerabilities.map((f) => f.baselineState)).toEqual([
      'unchanged',
      'unchanged',
      'updated',
      'new',
    ]);
  });
});
