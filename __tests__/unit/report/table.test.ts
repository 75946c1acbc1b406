import { renderTable } from '../../../src/report/table';
import { sampleResult, syntheticResult } from '../../helpers/model';
import { expectGolden } from './golden';
import { enrichedSample } from '../../helpers/enriched';

describe('stdout table', () => {
  test('matches the golden file', () => {
    expectGolden('sample.table.txt', renderTable(sampleResult()));
  });

  test('fits 80 columns, no control characters, grouped most severe first, verdict last', () => {
    const out = renderTable(sampleResult());
    for (const l of out.split('\n')) expect(Array.from(l).length).toBeLessThanOrEqual(80);
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(out.indexOf('CRITICAL (1')).toBeLessThan(out.indexOf('HIGH (2'));
    expect(out.indexOf('HIGH (2')).toBeLessThan(out.indexOf('UNKNOWN (1'));
    expect(out).toContain('ALLOWLISTED (1');
    expect(out).toContain('COMPLIANCE (2)');
    expect(out.trimEnd().split('\n').slice(-5).join('\n')).toContain('Verdict: FAIL (enforced)');
  });

  test('other widths and long groups are cut with a pointer', () => {
    const out = renderTable(syntheticResult(1000), 60);
    for (const l of out.split('\n')) expect(Array.from(l).length).toBeLessThanOrEqual(60);
    expect(out).toMatch(/… \d+ more \(see the JSON\/HTML report\)/);
  });
});

describe('stdout table: KEV and EPSS (issue 22)', () => {
  const lines = (out: string): string[] => out.split('\n');
  const rowOf = (out: string, id: string, pkg: string): string => {
    const l = lines(out).filter((x) => x.startsWith(`${id} `) && x.includes(` ${pkg} `));
    expect(l).toHaveLength(1);
    return l[0];
  };

  test('enriched: golden file; KEV and EPSS columns; known exploited ids per image; the data applied', () => {
    const out = renderTable(enrichedSample());
    expectGolden('sample-enriched.table.txt', out);
    for (const l of lines(out)) expect(Array.from(l).length).toBeLessThanOrEqual(80);
    expect(out).toMatch(/^ID +PACKAGE +INSTALLED +FIXED IN +KEV +EPSS$/m);
    // Derived from helpers/enriched.ts: the marks, the scores as percentages with their percentiles.
    expect(rowOf(out, 'CVE-2024-0002', 'libc6')).toMatch(/ KEV +91\.23% p99\.87$/);
    expect(rowOf(out, 'CVE-2024-0002', 'musl')).toMatch(/ KEV +91\.23% p99\.87$/);
    expect(rowOf(out, 'CVE-2023-0005', 'perl-base')).toMatch(/ KEV +45% p97$/);
    expect(rowOf(out, 'CVE-2024-0001', 'openssl')).toMatch(/ - +2% p60$/);
    expect(rowOf(out, 'CVE-2024-1000', 'busybox')).toMatch(/ - +<0\.01% p1\.2$/);
    expect(rowOf(out, 'CVE-2024-0003', 'curl')).toMatch(/ - +-$/);
    // Known exploited, not allowlisted, per image (CVE-2023-0007 is allowlisted; CVE-2099-9999 is in no image).
    expect(out).toContain('KNOWN EXPLOITED (CISA KEV) (2): CVE-2024-0002, CVE-2023-0005');
    expect(out).toContain('KNOWN EXPLOITED (CISA KEV) (1): CVE-2024-0002');
    expect(out.replace(/\n/g, ' ')).toContain(
      'Exploit data: CISA KEV catalogue 2026.12.04 (released 2026-12-04T17:01:12.0000Z); EPSS scores of 2026-12-04 (model v2025.03.14) Verdict: FAIL',
    );
    expect(out).not.toMatch(/not enriched/);
  });

  test('not enriched: said above the verdict, no exploit columns; only KEV: the EPSS column left out and said', () => {
    const bare = renderTable(sampleResult());
    expect(bare).toMatch(
      /^Exploit data: not enriched \(no CISA KEV or EPSS data was applied\), so no finding\nis marked known or likely exploited; that does not mean none is\nVerdict: FAIL/m,
    );
    expect(bare).toMatch(/^ID +PACKAGE +INSTALLED +FIXED IN$/m);
    expect(bare).not.toMatch(/KNOWN EXPLOITED|\d% p\d|^CVE-.* KEV\b/m);
    const kevOnly = renderTable(enrichedSample({ kev: true }));
    expect(kevOnly).toMatch(/^ID +PACKAGE +INSTALLED +FIXED IN +KEV$/m);
    expect(kevOnly).toMatch(/EPSS: not enriched \(no EPSS data was applied\)/);
    expect(kevOnly).not.toMatch(/\d% p\d/);
    const epssOnly = renderTable(enrichedSample({ epss: true }));
    expect(epssOnly).toMatch(/^ID +PACKAGE +INSTALLED +FIXED IN +EPSS$/m);
    expect(epssOnly).toMatch(/CISA KEV: not enriched \(no KEV data was applied\)/);
    expect(epssOnly).not.toContain('KNOWN EXPLOITED');
  });

  test('narrow widths and hostile data-file text stay within the width and free of control characters', () => {
    const r = enrichedSample();
    r.enrichment!.kev!.version = '\u001b[31m2026\u0007' + 'x'.repeat(200);
    for (const w of [40, 60, 120]) {
      const out = renderTable(r, w);
      for (const l of lines(out)) expect(Array.from(l).length).toBeLessThanOrEqual(w);
      // eslint-disable-next-line no-control-regex
      expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    }
  });
});
