import { allLinks, primaryLink, withOrderCache } from '../../../src/report/common';
import { vuln } from '../../helpers/model';

describe('per-finding work shared by the formats of one writeReports call', () => {
  const f = vuln('CVE-2024-0001', 'High', {
    links: [
      'javascript:alert(1)',
      'https://example.org/a',
      'https://nvd.nist.gov/vuln/detail/CVE-2024-0001',
      'https://example.org/a',
    ],
  });

  it('allLinks: the canonical page first, http(s) links once each; the same array for every format while a write runs', async () => {
    const expected = ['https://nvd.nist.gov/vuln/detail/CVE-2024-0001', 'https://example.org/a'];
    expect(allLinks(f)).toEqual(expected);
    expect(allLinks(f)).not.toBe(allLinks(f)); // outside a write nothing is kept
    await withOrderCache(async () => {
      expect(allLinks(f)).toBe(allLinks(f));
      expect(allLinks(f)).toEqual(expected);
    });
    expect(allLinks(f)).not.toBe(allLinks(f));
  });

  it('primaryLink is the canonical page, else the first http(s) link, else none', () => {
    expect(primaryLink(f)).toBe('https://nvd.nist.gov/vuln/detail/CVE-2024-0001');
    expect(primaryLink(vuln('DSA-1', 'High', { links: ['ftp://x', 'http://example.org/d'] }))).toBe(
      'http://example.org/d',
    );
    expect(primaryLink(vuln('DSA-1', 'High', { links: ['ftp://x'] }))).toBeUndefined();
  });
});
