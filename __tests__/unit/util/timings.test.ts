import { formatTimings, phaseSeconds } from '../../../src/util/timings';

describe('phase timings', () => {
  const t = { preflight: 0.04123, 'start-clair': 4.2067, index: 2.0004 };

  it('for the result file: seconds rounded to ms, in the order the phases ran', () => {
    expect(phaseSeconds(t)).toEqual({ preflight: 0.041, 'start-clair': 4.207, index: 2 });
    expect(Object.keys(phaseSeconds(t))).toEqual(['preflight', 'start-clair', 'index']);
  });

  it('for the log: one line, phase → seconds, then the wall time', () => {
    expect(formatTimings(t, 16.26)).toBe('Phase times (s): preflight 0.04, start-clair 4.21, index 2.00; wall 16.3');
    expect(formatTimings({})).toBe('Phase times (s): none');
  });
});
