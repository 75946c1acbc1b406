/**
 * The finer points of the comparison with a baseline (src/findings/delta.ts) that the broader delta tests did not
 * pin down: each case here is a one-line change in `stateOf` or the fixed list that no other test noticed.
 * The baseline goes through the JSON report and back, as a real baseline does.
 */
import { applyBaseline } from '../../../src/findings/delta';
import { emptyCounts, type ScanResult, type VulnerabilityFinding } from '../../../src/findings/model';
import { renderJson } from '../../../src/report/json';
import { imageInfo, imageResult, scanResult, vuln } from '../../helpers/model';

const result = (vulns: VulnerabilityFinding[]): ScanResult => scanResult([imageResult(imageInfo(), vulns)]);
const asBaseline = (r: ScanResult) => ({ source: 'file main.json', result: JSON.parse(renderJson(r)) as ScanResult });

/** Compares one finding as it was with the same finding (same key) as it is now; returns its state. */
function stateOf(before: VulnerabilityFinding, now: VulnerabilityFinding): string | undefined {
  const r = result([now]);
  expect(applyBaseline(r, asBaseline(result([before])))).toEqual([]);
  expect(r.images[0].vulnerabilities[0].key).toBe(before.key);
  expect(r.delta!.fixed).toEqual([]);
  return r.images[0].vulnerabilities[0].baselineState;
}

describe('a finding present in both: unchanged only when nothing that matters changed', () => {
  it('the same finding is unchanged (the control for the cases below)', () => {
    expect(stateOf(vuln('CVE-2099-0001', 'Medium'), vuln('CVE-2099-0001', 'Medium'))).toBe('unchanged');
  });

  it('only the severity changed (the distribution re-rated it): updated, counted under the new severity', () => {
    const r = result([vuln('CVE-2099-0001', 'High')]);
    applyBaseline(r, asBaseline(result([vuln('CVE-2099-0001', 'Medium')])));
    expect(r.images[0].vulnerabilities[0].baselineState).toBe('updated');
    expect(r.delta!.counts).toEqual({
      new: emptyCounts(),
      updated: { ...emptyCounts(), High: 1 },
      unchanged: emptyCounts(),
      fixed: emptyCounts(),
    });
  });

  it('only the fixed-in version changed (a fix was published or revised): updated', () => {
    expect(
      stateOf(vuln('CVE-2099-0001', 'Medium', { fixedIn: '1.1' }), vuln('CVE-2099-0001', 'Medium', { fixedIn: '1.2' })),
    ).toBe('updated');
  });

  it('a fix appeared where there was none: updated', () => {
    expect(
      stateOf(
        vuln('CVE-2099-0001', 'Medium', { fixedIn: undefined, fixable: false }),
        vuln('CVE-2099-0001', 'Medium', { fixedIn: '1.1' }),
      ),
    ).toBe('updated');
  });
});

describe('a baseline finding that is gone', () => {
  it('counts as fixed when it was not allowlisted (the control for the case below)', () => {
    const r = result([]);
    applyBaseline(r, asBaseline(result([vuln('CVE-2099-0001', 'High')])));
    expect(r.delta!.fixed.map((f) => f.id)).toEqual(['CVE-2099-0001']);
    expect(r.delta!.counts.fixed).toEqual({ ...emptyCounts(), High: 1 });
  });

  it('was allowlisted in the baseline: not counted as fixed (nobody fixed it; it was accepted, and it went)', () => {
    const before = result([
      vuln('CVE-2099-0001', 'High', {
        allowlisted: { source: '.clair-scan-allowlist.yaml:4', reason: 'accepted risk' },
      }),
      vuln('CVE-2099-0002', 'Low', { pkg: 'bash' }),
    ]);
    const r = result([]);
    applyBaseline(r, asBaseline(before));
    expect(r.delta!.fixed.map((f) => f.id)).toEqual(['CVE-2099-0002']);
    expect(r.delta!.counts.fixed).toEqual({ ...emptyCounts(), Low: 1 });
  });
});
