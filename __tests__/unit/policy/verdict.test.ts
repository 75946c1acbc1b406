import { evaluatePolicy } from '../../../src/policy';
import { parseSettings } from '../../../src/inputs/settings';
import { ClairScanError } from '../../../src/util/errors';
import { compliance, imageInfo, imageResult, policy, scanResult, vuln } from '../../helpers/model';

const NOW = new Date('2026-03-01T00:00:00Z');

function sample() {
  return scanResult([
    imageResult(imageInfo(), [
      vuln('CVE-1', 'Critical'),
      vuln('CVE-2', 'High', { fixable: false, fixedIn: undefined }),
      vuln('CVE-3', 'Medium'),
      vuln('CVE-4', 'Medium', { fixable: false, fixedIn: undefined }),
      vuln('CVE-5', 'Low'),
    ]),
    imageResult(
      imageInfo({ ref: 'other:1', name: 'other', tag: '1' }),
      [vuln('CVE-6', 'Medium')],
      [compliance('non-root', 'High')],
    ),
  ]);
}

describe('evaluatePolicy', () => {
  it('no rules: passes, counts everything, enforced follows `fail`', async () => {
    const v = await evaluatePolicy(sample(), policy(), NOW);
    expect(v).toEqual({
      status: 'pass',
      enforced: true,
      reasons: [],
      rules: [],
      counted: { Unknown: 0, Negligible: 0, Low: 1, Medium: 3, High: 2, Critical: 1 },
      expiredEntries: [],
      unusedEntries: [],
    });
  });

  it('severity threshold counts findings at or above it, compliance findings included', async () => {
    const v = await evaluatePolicy(sample(), policy({ severityThreshold: 'High' }), NOW);
    expect(v.status).toBe('fail');
    expect(v.rules).toEqual(['severity-threshold: high']);
    expect(v.reasons).toEqual(['3 findings at or above High (severity-threshold: high): 1 Critical, 2 High']);
  });

  it('ignore-unfixed drops unfixed vulnerabilities but never compliance findings', async () => {
    const v = await evaluatePolicy(sample(), policy({ severityThreshold: 'High', ignoreUnfixed: true }), NOW);
    expect(v.counted).toEqual({ Unknown: 0, Negligible: 0, Low: 1, Medium: 2, High: 1, Critical: 1 });
    expect(v.reasons).toEqual([
      '2 findings with a fix at or above High (severity-threshold: high): 1 Critical, 1 High',
    ]);
  });

  it('fail-on rule: the reason shows the rule and the counts that made it true', async () => {
    const v = await evaluatePolicy(sample(), policy({ failOn: 'critical>1 || medium>=3' }), NOW);
    expect(v.status).toBe('fail');
    expect(v.rules).toEqual(['fail-on: critical>1 || medium>=3']);
    expect(v.reasons).toEqual(['fail-on rule "critical>1 || medium>=3" is true: medium=3']);

    const pass = await evaluatePolicy(sample(), policy({ failOn: 'critical>1 || medium>=4' }), NOW);
    expect(pass.status).toBe('pass');
    expect(pass.reasons).toEqual([]);

    const fix = await evaluatePolicy(sample(), policy({ failOn: 'fixable>=4 && total==7' }), NOW);
    expect(fix.reasons).toEqual(['fail-on rule "fixable>=4 && total==7" is true: fixable=4, total=7']);
  });

  it('both rules: one reason per failed rule; report-only keeps status but enforced=false', async () => {
    const v = await evaluatePolicy(
      sample(),
      policy({ severityThreshold: 'Critical', failOn: 'low>0', fail: false }),
      NOW,
    );
    expect(v.status).toBe('fail');
    expect(v.enforced).toBe(false);
    expect(v.rules).toEqual(['severity-threshold: critical', 'fail-on: low>0']);
    expect(v.reasons).toHaveLength(2);
  });

  it('a bad rule is an error, never a silent pass', async () => {
    await expect(evaluatePolicy(sample(), policy({ failOn: 'high 0' }), NOW)).rejects.toThrow(
      new ClairScanError('fail-on: expected a comparison operator after "high" at column 6', { hint: '' }),
    );
  });

  it('clears a stale allowlisted mark when no entry covers the finding any more', async () => {
    const r = sample();
    r.images[0].vulnerabilities[0].allowlisted = { source: 'old.yaml:1', reason: 'old' };
    await evaluatePolicy(r, policy(), NOW);
    expect(r.images[0].vulnerabilities[0].allowlisted).toBeUndefined();
  });
});

describe('validatePolicy', () => {
  it('rejects a bad rule or a missing allowlist before any scan, accepts good ones', async () => {
    const { validatePolicy } = await import('../../../src/policy');
    await expect(validatePolicy(policy({ failOn: 'high>0 ||' }))).rejects.toThrow(/fail-on: .* at column 10/);
    await expect(validatePolicy(policy({ allowlists: ['/nonexistent/allowlist.yaml'] }))).rejects.toThrow(
      /cannot read allowlist file/,
    );
    await expect(validatePolicy(policy({ failOn: 'high>0' }))).resolves.toBeUndefined();
  });
});

describe('fail-on with a bare severity (issue 14)', () => {
  const settingsPolicy = (v: Record<string, string>) => parseSettings((n) => ({ image: 'a', ...v })[n]).policy;
  test('`fail-on: high` means High or worse, and it replaces the default threshold', async () => {
    const p = settingsPolicy({ 'fail-on': 'high' });
    expect(p.severityThreshold).toBeUndefined();
    const v = await evaluatePolicy(sample(), p, NOW);
    expect(v.rules).toEqual(['fail-on: high (High or worse)']);
    expect(v.status).toBe('fail');
    expect(v.reasons).toEqual(['3 findings at or above High (fail-on: high): 1 Critical, 2 High']);
  });

  test('a count rule alone no longer fails on High through the default threshold', async () => {
    const v = await evaluatePolicy(sample(), settingsPolicy({ 'fail-on': 'critical>1' }), NOW);
    expect(v).toMatchObject({ status: 'pass', rules: ['fail-on: critical>1'] });
  });

  test('a threshold given explicitly still applies beside fail-on (either fails)', async () => {
    const v = await evaluatePolicy(
      sample(),
      settingsPolicy({ 'fail-on': 'critical>1', 'severity-threshold': 'medium' }),
      NOW,
    );
    expect(v.status).toBe('fail');
    expect(v.rules).toEqual(['severity-threshold: medium', 'fail-on: critical>1']);
  });
});
