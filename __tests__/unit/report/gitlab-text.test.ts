import { buildGitlabReport, renderGitlab } from '../../../src/report/gitlab';
import { imageInfo, imageResult, scanResult, vuln } from '../../helpers/model';
import { validateGitlab } from './schemas';

/**
 * The GitLab report's vulnerabilities are written as text (no object tree): the text must be exactly what
 * JSON.stringify gives for the object it parses to, on the shapes the golden models may not hold.
 */
describe('GitLab report text writer', () => {
  const hostile = '"quoted"\\back\u0000\u001f\u2028\u2029 <script> 𝕏 \ud800';
  const vulns = [
    vuln('CVE-2024-0001', 'Critical', {
      aliases: Array.from({ length: 30 }, (_, i) => `GHSA-aaaa-bbbb-${String(i).padStart(4, 'c')}`),
      links: ['https://example.org/a'],
      fixedIn: '2.0',
      fixable: true,
    }),
    vuln('DSA-5000-1', 'Negligible', { links: [], description: '   ', name: '' }),
    vuln('OSV-1', 'Unknown', { links: ['javascript:x', 'http://example.org/o'], description: hostile, pkg: hostile }),
    vuln('ALAS-2024-1', 'Low', { links: ['ftp://x'], description: 'x'.repeat(5000) }),
  ];
  const result = scanResult([
    imageResult(imageInfo({ ref: `reg.example/app:${'t'.repeat(40)}` }), vulns, [], { notes: ['a note'] }),
  ]);

  for (const defaultBranchImage of [undefined, 'reg.example/app:main']) {
    it(`is JSON.stringify(its own parse, null, 2), schema-valid${defaultBranchImage ? ', with default_branch_image' : ''}`, () => {
      const text = renderGitlab(result, { defaultBranchImage });
      const parsed = JSON.parse(text);
      expect(text).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
      expect(validateGitlab(parsed)).toBeNull();
      expect(parsed.vulnerabilities).toHaveLength(4);
      const [first, second, third] = parsed.vulnerabilities;
      expect(first.identifiers).toHaveLength(20);
      expect(first.solution).toBe('Upgrade openssl to 2.0');
      expect(second.links).toEqual([]);
      expect(second.identifiers).toEqual([{ type: 'dsa', name: 'DSA-5000-1', value: 'DSA-5000-1' }]);
      expect(third.description).toBe(hostile);
      expect(third.identifiers[0].url).toBe('http://example.org/o');
      expect(third.location.dependency.package.name).toBe(hostile);
      expect(first.location.default_branch_image).toBe(defaultBranchImage);
      expect(buildGitlabReport(result, { defaultBranchImage })).toEqual(parsed);
    });
  }

  it('no vulnerabilities: the frame alone', () => {
    const text = renderGitlab(scanResult([imageResult(imageInfo(), [])]));
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(JSON.parse(text).vulnerabilities).toEqual([]);
  });
});
