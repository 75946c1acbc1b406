import { enrichResult, type EpssLookup, type KevLookup } from '../../../src/findings/enrich';
import { image, imageResult, scanResult, vuln } from '../../helpers/model';

const kev: KevLookup = {
  version: '2026.12.04',
  date: '2026-12-04T17:01:12.0000Z',
  entries: new Map([
    ['CVE-2099-0001', { dateAdded: '2026-11-01', dueDate: '2026-11-22', ransomware: true }],
    ['CVE-2099-0003', { dateAdded: '2026-10-01', dueDate: '2026-10-22', ransomware: false }],
  ]),
};
const epss: EpssLookup = {
  modelVersion: 'v2025.03.14',
  date: '2026-12-04',
  scores: new Map([
    ['CVE-2099-0001', { score: 0.97, percentile: 0.999 }],
    ['CVE-2099-0003', { score: 0.2, percentile: 0.9 }],
    ['CVE-2099-0004', { score: 0.4, percentile: 0.95 }],
  ]),
};

function result() {
  return scanResult([
    imageResult(image('app:1', 'app', '1', 'a'), [
      vuln('CVE-2099-0001', 'High'),
      vuln('DSA-5000-1', 'Medium', { aliases: ['cve-2099-0003', 'CVE-2099-0004'] }),
      vuln('CVE-2099-0002', 'Low'),
      vuln('GHSA-xxxx-yyyy-zzzz', 'Low', { aliases: ['constructor', '__proto__'] }),
    ]),
  ]);
}

describe('enrichResult', () => {
  it('sets kev and epss by id and by alias (highest EPSS among the CVEs) and records the data applied', () => {
    const r = result();
    enrichResult(r, { kev, epss });
    const [a, b, c, d] = r.images[0].vulnerabilities;
    expect(a.kev).toEqual({ cve: 'CVE-2099-0001', dateAdded: '2026-11-01', dueDate: '2026-11-22', ransomware: true });
    expect(a.epss).toEqual({ cve: 'CVE-2099-0001', score: 0.97, percentile: 0.999, date: '2026-12-04' });
    expect(b.kev).toEqual({ cve: 'CVE-2099-0003', dateAdded: '2026-10-01', dueDate: '2026-10-22', ransomware: false });
    expect(b.epss).toEqual({ cve: 'CVE-2099-0004', score: 0.4, percentile: 0.95, date: '2026-12-04' });
    expect(c.kev).toBeUndefined();
    expect(c.epss).toBeUndefined();
    expect(d.kev).toBeUndefined();
    expect(d.epss).toBeUndefined();
    expect(r.enrichment).toEqual({
      kev: { version: '2026.12.04', date: '2026-12-04T17:01:12.0000Z' },
      epss: { modelVersion: 'v2025.03.14', date: '2026-12-04' },
    });
  });

  it('without data marks nothing: no enrichment means "not enriched", not "not exploited"', () => {
    const r = result();
    enrichResult(r, {});
    expect(r.enrichment).toBeUndefined();
    expect(r.images[0].vulnerabilities.some((f) => 'kev' in f || 'epss' in f)).toBe(false);
  });

  it('with only KEV data records only KEV as applied', () => {
    const r = result();
    enrichResult(r, { kev });
    expect(r.enrichment).toEqual({ kev: { version: '2026.12.04', date: '2026-12-04T17:01:12.0000Z' } });
    expect(r.images[0].vulnerabilities.filter((f) => f.epss)).toEqual([]);
    expect(r.images[0].vulnerabilities.filter((f) => f.kev).map((f) => f.id)).toEqual(['CVE-2099-0001', 'DSA-5000-1']);
  });
});
