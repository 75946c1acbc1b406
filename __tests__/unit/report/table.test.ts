import { renderTable } from '../../../src/report/table';
import { sampleResult, syntheticResult } from '../../helpers/model';
import { expectGolden } from './golden';

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
