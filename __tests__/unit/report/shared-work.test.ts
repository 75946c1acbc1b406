import { createHash } from 'node:crypto';
import { allLinks, allVulns, imageCounts, primaryLink, stableUuid, withOrderCache } from '../../../src/report/common';
import { countBySeverity } from '../../../src/findings/model';
import { syntheticResult, vuln } from '../../helpers/model';

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

describe('allVulns with a filter', () => {
  it('is the report order restricted to what the filter keeps, with and without the whole list cached', async () => {
    const r = syntheticResult(600, 3);
    // Equal findings across images (same id, package, version and severity) and allowlisted ones in every image.
    for (const img of r.images)
      img.vulnerabilities.forEach((f, i) => {
        if (i % 4 === 0) f.allowlisted = { source: 'a.yaml:1', reason: 'r' };
        if (i % 8 === 0) f.id = 'CVE-2020-0001';
      });
    const keep = (f: { allowlisted?: unknown }): boolean => !!f.allowlisted;
    const whole = allVulns(r.images);
    const expected = whole.filter((x) => keep(x.f));
    expect(expected.length).toBe(150);
    expect(allVulns(r.images, keep)).toEqual(expected);
    const one = [r.images[1]];
    expect(allVulns(one, keep)).toEqual(allVulns(one).filter((x) => keep(x.f)));
    await withOrderCache(async () => {
      allVulns(r.images);
      expect(allVulns(r.images, keep)).toEqual(expected);
    });
  });
});

describe('stableUuid', () => {
  it('is the RFC 4122 version 5 layout of SHA-1("namespace\\0text"), for every variant digit', () => {
    // The reference: bytes set on the digest, as RFC 4122 section 4.3 says.
    const reference = (text: string, ns: string): string => {
      const h = createHash('sha1').update(`${ns}\0${text}`).digest();
      h[6] = (h[6] & 0x0f) | 0x50;
      h[8] = (h[8] & 0x3f) | 0x80;
      const x = h.subarray(0, 16).toString('hex');
      return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
    };
    const variants = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const text = `image|pkg-${i}|CVE-2024-${i}\u00e9`;
      const u = stableUuid(text, 'clair-scan/gitlab');
      expect(u).toBe(reference(text, 'clair-scan/gitlab'));
      expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      variants.add(u[19]);
    }
    expect([...variants].sort()).toEqual(['8', '9', 'a', 'b']);
    expect(stableUuid('x')).toBe(reference('x', 'clair-scan'));
  });
});

describe('imageCounts', () => {
  it('counts per severity and fixable ones without the allowlisted, and the allowlisted, in one pass', async () => {
    const r = syntheticResult(300, 1);
    const vulns = r.images[0].vulnerabilities;
    vulns.forEach((f, i) => {
      if (i % 5 === 0) f.allowlisted = { source: 'a.yaml:1', reason: 'r' };
    });
    const expected = {
      all: countBySeverity(vulns, { skipAllowlisted: true }),
      fixable: countBySeverity(vulns, { skipAllowlisted: true, onlyFixable: true }),
      allowlisted: 60,
    };
    expect(expected.fixable).not.toEqual(expected.all);
    expect(imageCounts(vulns)).toEqual(expected);
    await withOrderCache(async () => {
      expect(imageCounts(vulns)).toEqual(expected);
      expect(imageCounts(vulns)).toBe(imageCounts(vulns));
    });
  });
});
