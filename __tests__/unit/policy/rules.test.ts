import { evaluateRule, formatRule, parseRule, RuleCounts, usesExploitData } from '../../../src/policy/rules';
import { emptyCounts, SeverityCounts } from '../../../src/findings/model';
import { ClairScanError } from '../../../src/util/errors';

function counts(partial: Partial<SeverityCounts>, fixable = 0): RuleCounts {
  return { bySeverity: { ...emptyCounts(), ...partial }, fixable };
}

function errorOf(rule: string): ClairScanError {
  try {
    parseRule(rule);
  } catch (err) {
    if (err instanceof ClairScanError) return err;
    throw err;
  }
  throw new Error(`rule "${rule}" parsed but should not have`);
}

describe('parseRule: valid rules', () => {
  it.each([
    ['high>0', 'high>0'],
    ['HIGH > 0', 'high>0'],
    ['Critical>=1', 'critical>=1'],
    ['medium==3', 'medium==3'],
    ['low!=0', 'low!=0'],
    ['negligible<5', 'negligible<5'],
    ['unknown<=2', 'unknown<=2'],
    ['total>10', 'total>10'],
    ['any>10', 'total>10'],
    ['fixable>0', 'fixable>0'],
    ['high>0 || medium>=3', 'high>0 || medium>=3'],
    ['high>0||medium>=3&&low>1', 'high>0 || medium>=3 && low>1'],
    ['(high>0 || medium>=3) && low>1', '(high>0 || medium>=3) && low>1'],
    ['!(high>0)', '!high>0'],
    ['!!high>0', '!!high>0'],
    ['!(high>0 || low>0)', '!(high>0 || low>0)'],
    ['  ((critical > 0))  ', 'critical>0'],
  ])('%s', (rule, canonical) => {
    expect(formatRule(parseRule(rule))).toBe(canonical);
  });

  it('&& binds tighter than ||', () => {
    const tree = parseRule('high>0 || medium>0 && low>0');
    expect(tree.type).toBe('or');
    // high=1 alone makes it true; medium alone does not (it needs low too)
    expect(evaluateRule(tree, counts({ High: 1 })).value).toBe(true);
    expect(evaluateRule(tree, counts({ Medium: 1 })).value).toBe(false);
    expect(evaluateRule(tree, counts({ Medium: 1, Low: 1 })).value).toBe(true);
  });

  it('parentheses change the grouping', () => {
    const tree = parseRule('(high>0 || medium>0) && low>0');
    expect(evaluateRule(tree, counts({ High: 1 })).value).toBe(false);
    expect(evaluateRule(tree, counts({ High: 1, Low: 2 })).value).toBe(true);
  });
});

describe('parseRule: errors name the column and what was expected', () => {
  it.each([
    ['high 0', 6, 'fail-on: expected a comparison operator after "high" at column 6'],
    ['high>', 6, 'fail-on: expected a non-negative whole number after "high>", found the end of the rule at column 6'],
    ['high>x', 6, 'fail-on: expected a non-negative whole number after "high>", found "x" at column 6'],
    [
      'severe>0',
      1,
      'fail-on: unknown name "severe", expected one of unknown, negligible, low, medium, high, critical, total, any, fixable, kev, epss at column 1',
    ],
    ['high>0 medium>1', 8, 'fail-on: expected "&&", "||" or the end of the rule, found "medium" at column 8'],
    [
      'high>0 ||',
      10,
      'fail-on: expected a severity name (unknown, negligible, low, medium, high, critical, total, any, fixable, kev, epss), "(" or "!", found the end of the rule at column 10',
    ],
    ['(high>0', 8, 'fail-on: expected ")" to close the "(" at column 1, found the end of the rule at column 8'],
    ['high>0)', 7, 'fail-on: unexpected ")" without a matching "(" at column 7'],
    ['high=0', 5, 'fail-on: unexpected "=" (use "==" to compare) at column 5'],
    ['high>0 & low>0', 8, 'fail-on: unexpected "&" (use "&&") at column 8'],
    ['high>0 | low>0', 8, 'fail-on: unexpected "|" (use "||") at column 8'],
    ['high>-1', 6, 'fail-on: unexpected "-" (counts are compared with non-negative whole numbers) at column 6'],
    ['high>1.5', 6, 'fail-on: expected a non-negative whole number after "high>", found "1.5" at column 6'],
    ['kev>0.5', 5, 'fail-on: expected a non-negative whole number after "kev>", found "0.5" at column 5'],
    [
      'epss>=1.5',
      7,
      'fail-on: expected an EPSS score from 0 to 1 after "epss>=" (e.g. epss>=0.5), found "1.5" at column 7',
    ],
    [
      'epss>=x',
      7,
      'fail-on: expected an EPSS score from 0 to 1 after "epss>=" (e.g. epss>=0.5), found "x" at column 7',
    ],
    ['epss>=0.', 8, 'fail-on: unexpected character "." at column 8'],
    ['', 1, 'fail-on: expected a comparison such as "high>0", found an empty rule at column 1'],
    [
      '0>high',
      1,
      'fail-on: expected a severity name (unknown, negligible, low, medium, high, critical, total, any, fixable, kev, epss), "(" or "!", found "0" at column 1',
    ],
  ])('%j', (rule, col, message) => {
    const err = errorOf(rule);
    expect(err.message).toBe(message);
    expect(err.hint).toMatch(/docs\/policy\.md/);
    // details: the rule, then a caret under the column
    expect(err.details).toBe(`${rule}\n${' '.repeat(col - 1)}^`);
  });
});

describe('kev and epss (issue 22)', () => {
  it('parse: kev compares a count, epss a decimal score; both also under new.', () => {
    expect(formatRule(parseRule('kev>0 || epss>=0.5 || critical>0'))).toBe('kev>0 || epss>=0.5 || critical>0');
    expect(formatRule(parseRule('new.kev>0 && new.epss>0.9'))).toBe('new.kev>0 && new.epss>0.9');
    expect(formatRule(parseRule('EPSS>=1'))).toBe('epss>=1');
  });

  it('evaluate: kev is the count of known-exploited findings, epss the highest score; absent counts are 0', () => {
    const c: RuleCounts = { ...counts({ High: 2 }), kev: 1, epss: 0.42, new: { ...counts({}), kev: 0, epss: 0.1 } };
    expect(evaluateRule(parseRule('kev>0'), c)).toEqual({ value: true, because: ['kev=1'] });
    expect(evaluateRule(parseRule('epss>=0.5'), c)).toEqual({ value: false, because: ['epss=0.42'] });
    expect(evaluateRule(parseRule('epss>=0.42'), c).value).toBe(true);
    expect(evaluateRule(parseRule('new.kev>0 || new.epss>0.2'), c)).toEqual({
      value: false,
      because: ['new.kev=0', 'new.epss=0.1'],
    });
    expect(evaluateRule(parseRule('kev>0'), counts({ High: 2 })).value).toBe(false);
  });

  it('usesExploitData names the data a rule needs', () => {
    expect(usesExploitData(parseRule('high>0'))).toEqual({ kev: false, epss: false });
    expect(usesExploitData(parseRule('high>0 || !(new.kev>0)'))).toEqual({ kev: true, epss: false });
    expect(usesExploitData(parseRule('(epss>=0.5 && low>0) || kev>1'))).toEqual({ kev: true, epss: true });
  });
});

describe('evaluateRule', () => {
  it('severity names count exactly that severity; total/any count all', () => {
    const c = counts({ Critical: 1, High: 2, Medium: 3 });
    expect(evaluateRule(parseRule('high==2'), c).value).toBe(true);
    expect(evaluateRule(parseRule('total==6'), c).value).toBe(true);
    expect(evaluateRule(parseRule('any>=7'), c).value).toBe(false);
    expect(evaluateRule(parseRule('low==0 && negligible<1 && unknown<=0'), c).value).toBe(true);
  });

  it('fixable is its own count', () => {
    expect(evaluateRule(parseRule('fixable>0'), counts({ High: 3 }, 0)).value).toBe(false);
    expect(evaluateRule(parseRule('fixable>0'), counts({ High: 3 }, 1)).value).toBe(true);
  });

  it('each operator', () => {
    const c = counts({ High: 2 });
    const table: [string, boolean][] = [
      ['high>2', false],
      ['high>=2', true],
      ['high==2', true],
      ['high!=2', false],
      ['high<2', false],
      ['high<=2', true],
      ['!high<2', true],
    ];
    for (const [rule, want] of table) expect([rule, evaluateRule(parseRule(rule), c).value]).toEqual([rule, want]);
  });

  it('explains which counts made it true', () => {
    const c = counts({ High: 2, Medium: 1, Low: 7 });
    expect(evaluateRule(parseRule('high>0 || medium>=3'), c)).toEqual({ value: true, because: ['high=2'] });
    expect(evaluateRule(parseRule('high>0 && low>5'), c)).toEqual({ value: true, because: ['high=2', 'low=7'] });
    expect(evaluateRule(parseRule('!(critical>0)'), c)).toEqual({ value: true, because: ['critical=0'] });
    expect(evaluateRule(parseRule('critical>0 || medium>1'), c)).toEqual({
      value: false,
      because: ['critical=0', 'medium=1'],
    });
  });
});
