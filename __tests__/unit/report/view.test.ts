/**
 * The report filter (report-severities, ignore-unfixed): the note of each filtered image says how many findings were
 * left out and, with KEV data, how many of those are known exploited (issue 22), so a filtered summary never hides that.
 */
import { reportView } from '../../../src/report/view';
import { enrichedSample } from '../../helpers/enriched';
import { sampleResult } from '../../helpers/model';

describe('reportView', () => {
  test('left-out known-exploited findings are counted in the note; none left out, no mention', () => {
    // report-severities critical,high leaves out CVE-2023-0005 (Low, KEV) of myorg/web and CVE-2024-0002 (Medium,
    // KEV) of tools/alpine-tool; the allowlisted CVE-2023-0007 (High, KEV) stays.
    const v = reportView(enrichedSample(), { severities: ['Critical', 'High'] });
    expect(v.images.map((i) => i.notes)).toEqual([
      [
        '4 of 8 vulnerabilities are not in this report (report-severities: critical, high), 1 of them known exploited (CISA KEV); the JSON and HTML reports list every finding.',
      ],
      [
        '1 of 2 vulnerabilities are not in this report (report-severities: critical, high), 1 of them known exploited (CISA KEV); the JSON and HTML reports list every finding.',
      ],
    ]);
    const bare = reportView(sampleResult(), { severities: ['Critical', 'High'] });
    expect(bare.images[0].notes).toEqual([
      '4 of 8 vulnerabilities are not in this report (report-severities: critical, high); the JSON and HTML reports list every finding.',
    ]);
    const fixable = reportView(enrichedSample(), { ignoreUnfixed: true });
    expect(fixable.images[0].notes[0]).toContain('(ignore-unfixed), 1 of them known exploited (CISA KEV);');
  });
});
