import { md, mdLink, renderMarkdownSummary } from '../../../src/report/markdown';
import { ScanResult } from '../../../src/findings/model';
import { HOSTILE_DESCRIPTION, sampleResult, syntheticResult } from '../../helpers/model';
import { expectGolden } from './golden';

function tableRows(md: string): string[][] {
  // Cells split on unescaped pipes.
  return md
    .split('\n')
    .filter((l) => l.startsWith('| '))
    .map((l) => l.slice(1, -1).split(/(?<!\\)\|/));
}

describe('Markdown summary', () => {
  const sample = sampleResult();
  const md = renderMarkdownSummary(sample, { marker: 'clair-scan:main' });

  test('matches the golden file', () => {
    expectGolden('sample.summary.md', md);
  });

  test('marker first, verdict, counts, top findings, full lists, compliance, allowlist', () => {
    expect(md.split('\n')[0]).toBe('<!-- clair-scan:main -->');
    expect(md).toContain('## ❌ clair-scan: policy failed — 2 images');
    expect(md).toContain('| myorg/web:1.4.2 |');
    expect(md).toContain('| 1 / 1 | 1 / 2 |');
    expect(md).toContain('### Most severe findings (9 of 9)');
    expect(md).toContain('[CVE-2024-0001](https://nvd.nist.gov/vuln/detail/CVE-2024-0001)');
    expect(md).toContain('<summary>myorg/web:1.4.2 — 7 vulnerabilities</summary>');
    expect(md).toContain('### Compliance checks');
    expect(md).toContain('1 allowlisted finding');
    expect(md).toContain('expired allowlist entry');
    expect(md).toContain('unused allowlist entr');
    const reportOnly: ScanResult = { ...sample, verdict: { ...sample.verdict!, enforced: false } };
    expect(renderMarkdownSummary(reportOnly)).toContain('policy failed (report-only, not enforced)');
    const passed: ScanResult = { ...sample, verdict: { ...sample.verdict!, status: 'pass', reasons: [] } };
    expect(renderMarkdownSummary(passed)).toContain('## ✅ clair-scan: policy passed');
  });

  test('untrusted text is escaped: no HTML, no foreign links, no broken tables, no control characters, no mentions', () => {
    expect(md).toContain('Overflow in parser'); // the hostile description is shown (top findings summary)
    expect(md).not.toMatch(/<img|<script|<b>|<i>|<!-- comment/i);
    expect(md).not.toContain('](javascript:');
    expect(md).not.toMatch(/\]\((?!https?:\/\/)/); // every link target is http(s)
    // eslint-disable-next-line no-control-regex
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(md).not.toMatch(/@octocat/);
    // Every table row has as many cells as its header: pipes inside cells are escaped.
    const lines = md.split('\n');
    let expected = 0;
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].startsWith('| ')) {
        expected = 0;
        continue;
      }
      const cells = tableRows(lines[i])[0].length;
      if (expected === 0) expected = cells;
      expect(cells).toBe(expected);
    }
    // The <details> blocks are balanced (the hostile "</details>" was escaped).
    expect(md.split('<details>').length).toBe(md.split('</details>').length);
    expect(HOSTILE_DESCRIPTION).toContain('</details>');
  });

  test('30,000 findings fit under maxChars with a pointer to the full report', () => {
    const big = syntheticResult(30_000, 2);
    const out = renderMarkdownSummary(big);
    expect(out.length).toBeLessThanOrEqual(60_000);
    expect(out).toMatch(/more not shown .*clair-scan-report\.html/);
    expect(out.split('<details>').length).toBe(out.split('</details>').length);
    const small = renderMarkdownSummary(big, { maxChars: 5000 });
    expect(small.length).toBeLessThanOrEqual(5000);
    expect(small).toContain('clair-scan-report.html');
    expect(small.split('<details>').length).toBe(small.split('</details>').length);
  });
});

describe('md() escaping', () => {
  test('line-start list markers are neutralised without mangling versions', () => {
    expect(md('1.0-2')).toBe('1\\.0-2');
    expect(md('- item')).toBe('\\- item');
    expect(md('a|b')).toBe('a\\|b');
    expect(md('x\n# y')).toBe('x \\# y');
  });
  test('only http(s) URLs become links; parentheses and pipes in URLs are encoded', () => {
    expect(mdLink('x', 'javascript:alert(1)')).toBe('x');
    expect(mdLink('x', 'data:text/html,hi')).toBe('x');
    expect(mdLink('x', 'https://e.org/a_(b)|c')).toBe('[x](https://e.org/a_%28b%29%7Cc)');
  });
});
