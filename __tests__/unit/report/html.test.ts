import { jsonForScript, renderHtml } from '../../../src/report/html';
import { sampleResult } from '../../helpers/model';
import { enrichedSample } from '../../helpers/enriched';

describe('HTML report (static checks)', () => {
  const html = renderHtml(sampleResult());
  test('self-contained: no external resources, a CSP forbidding network access', () => {
    const start = html.indexOf('id="clair-scan-data">');
    const page = html.slice(0, start) + html.slice(html.indexOf('</script>', start));
    expect(page).not.toMatch(/<link\b|<img\b|\bsrc=|@import|\burl\(|https?:\/\//);
    expect(page).not.toMatch(/<link\b|<img\b|\bsrc=|@import/i);
    expect(html).toContain("default-src 'none'");
  });
  test('embedded data cannot close the script element', () => {
    const data = html.slice(html.indexOf('id="clair-scan-data">'), html.indexOf('</script>'));
    expect(data).not.toMatch(/<\/?script|<img|<!--/i);
    expect(JSON.parse(jsonForScript({ s: '</script><script>x()</script>\u2028' }))).toEqual({
      s: '</script><script>x()</script>\u2028',
    });
  });
});

describe('HTML report: KEV and EPSS (issue 22, static checks; the browser test filters and sorts)', () => {
  const rowsOf = (html: string): Record<string, unknown>[] =>
    JSON.parse(html.slice(html.indexOf('id="clair-scan-data">') + 21, html.indexOf('</script>'))).rows;

  test('enriched: KEV and EPSS columns and filters, the data applied and the known-exploited count', () => {
    const html = renderHtml(enrichedSample());
    expect(html).toContain('<th data-key="c">CVSS</th><th data-key="kv">KEV</th><th data-key="e">EPSS</th>');
    expect(html).toContain('<input type="checkbox" id="f-kev"> known exploited only');
    expect(html).toContain('<input type="number" id="f-epss"');
    // CVE-2024-0002 twice and CVE-2023-0005; the allowlisted CVE-2023-0007 is not counted.
    expect(html).toContain(
      '<p id="exploit-data"><strong id="kev-count">3 known exploited</strong> (not allowlisted). Exploit data: CISA KEV catalogue 2026.12.04 (released 2026-12-04T17:01:12.0000Z); EPSS scores of 2026-12-04 (model v2025.03.14).</p>',
    );
    const marks = rowsOf(html).map((r) => [r.id, r.p, r.kv ?? 0, r.e ?? null, r.et ?? null]);
    expect(marks).toEqual([
      ['CVE-2024-0001', 'openssl', 0, 0.02, '2% (60% percentile)'],
      ['CVE-2024-1000', 'busybox', 0, 0.00004, '<0.01% (1.2% percentile)'],
      ['CVE-2023-0007', 'curl', 1, null, null],
      ['CVE-2024-0002', 'libc6', 1, 0.91234, '91.23% (99.87% percentile)'],
      ['CVE-2024-0003', 'curl', 0, null, null],
      ['CVE-2024-0002', 'musl', 1, 0.91234, '91.23% (99.87% percentile)'],
      ['CVE-2023-0004', 'zlib1g', 0, null, null],
      ['CVE-2023-0005', 'perl-base', 1, 0.45, '45% (97% percentile)'],
      ['CVE-2023-0006', 'libc6', 0, null, null],
      ['DSA-5999-1', 'evil|pkg<b>x</b>', 0, null, null],
    ]);
    expect(rowsOf(html).find((r) => r.p === 'perl-base')?.kt).toBe(
      'CVE-2023-0005: added 2026-10-03, due 2026-10-24, known ransomware use',
    );
  });

  test('not enriched: said, no exploit columns or filters; one kind only: its column and filter only', () => {
    const bare = renderHtml(sampleResult());
    expect(bare).toContain(
      '<p id="exploit-data">Exploit data: not enriched — no CISA KEV or EPSS data was applied, so no finding is marked known or likely exploited; that does not mean none is.</p>',
    );
    expect(bare).not.toMatch(/data-key="kv"|data-key="e"|id="f-kev"|id="f-epss"/);
    const epssOnly = renderHtml(enrichedSample({ epss: true }));
    expect(epssOnly).toMatch(/data-key="e"/);
    expect(epssOnly).not.toMatch(/data-key="kv"|id="f-kev"|kev-count/);
    expect(epssOnly).toContain('CISA KEV: not enriched (no KEV data was applied)');
  });

  test('data-file text is escaped', () => {
    const r = enrichedSample();
    r.enrichment!.kev!.version = '<img src=x onerror=alert(1)>';
    const html = renderHtml(r);
    expect(html).toContain('catalogue &lt;img src=x onerror=alert(1)&gt; (released');
    expect(html).not.toContain('<img src=x');
  });

  test('the new findings against a baseline carry the KEV badge and the EPSS score too', () => {
    const zero = { Critical: 0, High: 0, Medium: 0, Low: 0, Negligible: 0, Unknown: 0 };
    const r = enrichedSample();
    const libc = r.images[0].vulnerabilities.find((f) => f.id === 'CVE-2024-0002')!;
    libc.baselineState = 'new';
    r.delta = {
      baseline: { source: 'run 1', schemaVersion: '1.2.0', toolVersion: '0.1.0', images: ['myorg/web'] },
      counts: { new: { ...zero, High: 1 }, fixed: zero, updated: zero, unchanged: zero },
      fixed: [],
    };
    const html = renderHtml(r);
    const table = html.slice(
      html.indexOf('<table id="delta-new">'),
      html.indexOf('</table>', html.indexOf('<table id="delta-new">')),
    );
    expect(table).toContain('<th>Fixed in</th><th>KEV</th><th>EPSS</th><th>Image</th>');
    expect(table).toContain(
      '<td>2.36-9+deb12u4</td><td><span class="tag kev">KEV</span></td><td class="num epss">91.23% (99.87% percentile)</td><td>myorg/web:1.4.2</td>',
    );
    delete r.enrichment;
    expect(renderHtml(r)).toContain('<th>Fixed in</th><th>Image</th></tr></thead><tbody><tr><td class="sev sev-High">');
  });
});
