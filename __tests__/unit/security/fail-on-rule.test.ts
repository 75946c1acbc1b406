/**
 * `fail-on` is user text turned into a tree: names that are Object.prototype keys must not pass for count
 * names (they crashed the evaluation after the whole scan), and nesting and length are bounded so that a
 * hostile rule cannot exhaust the stack or flood the log. Rejected early (validatePolicy runs before any
 * container starts), with the column and a caret like every rule error.
 */
import { evaluateRule, MAX_RULE_DEPTH, MAX_RULE_LENGTH, parseRule } from '../../../src/policy/rules';
import { validatePolicy } from '../../../src/policy';
import { emptyCounts } from '../../../src/findings/model';
import { ClairScanError } from '../../../src/util/errors';

function errorOf(rule: string): ClairScanError {
  try {
    parseRule(rule);
  } catch (err) {
    if (err instanceof ClairScanError) return err;
    throw err;
  }
  throw new Error(`rule "${rule.slice(0, 80)}" parsed but should not have`);
}

const counts = { bySeverity: { ...emptyCounts(), High: 1 }, fixable: 0 };

describe('names inherited from Object.prototype are unknown names', () => {
  it.each([
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'isPrototypeOf',
    '__defineGetter__',
    'CONSTRUCTOR',
  ])('%s>0', (name) => {
    const err = errorOf(`high>0 || ${name}>0`);
    expect(err.message).toBe(
      `fail-on: unknown name "${name}", expected one of unknown, negligible, low, medium, high, critical, total, any, fixable, kev, epss at column 11`,
    );
    expect(err.details).toBe(`high>0 || ${name}>0\n          ^`);
    expect(err.exitCode).toBe(2);
  });

  it('is rejected by the early policy check, before any scan', async () => {
    const base = { ignoreUnfixed: false, fail: true, allowlists: [], checkNonRoot: false, checkSecrets: false };
    await expect(validatePolicy({ ...base, failOn: 'constructor>0' })).rejects.toThrow(/unknown name "constructor"/);
    await expect(validatePolicy({ ...base, failOn: '__proto__>0' })).rejects.toThrow(/unknown name "__proto__"/);
  });

  it('the real names still evaluate', () => {
    expect(evaluateRule(parseRule('high>0 && !(critical>0)'), counts)).toEqual({
      value: true,
      because: ['high=1', 'critical=0'],
    });
  });
});

describe(`nesting is capped at ${MAX_RULE_DEPTH} levels of "(" and "!"`, () => {
  const parens = (n: number): string => `${'('.repeat(n)}high>0${')'.repeat(n)}`;

  it(`${MAX_RULE_DEPTH} levels parse and evaluate`, () => {
    expect(MAX_RULE_DEPTH).toBe(32);
    expect(evaluateRule(parseRule(parens(MAX_RULE_DEPTH)), counts).value).toBe(true);
    expect(evaluateRule(parseRule(`${'!'.repeat(MAX_RULE_DEPTH)}high>0`), counts).value).toBe(true);
    expect(
      evaluateRule(parseRule(`${'!('.repeat(MAX_RULE_DEPTH / 2)}high>0${')'.repeat(MAX_RULE_DEPTH / 2)}`), counts)
        .value,
    ).toBe(true);
  });

  it.each([
    ['parentheses', parens(MAX_RULE_DEPTH + 1)],
    ['negations', `${'!'.repeat(MAX_RULE_DEPTH + 1)}high>0`],
    ['both', `${'!('.repeat(MAX_RULE_DEPTH / 2)}!high>0${')'.repeat(MAX_RULE_DEPTH / 2)}`],
  ])('one level more (%s) is an error at the column of the level too many', (_what, rule) => {
    const err = errorOf(rule);
    expect(err.message).toBe(
      `fail-on: nesting deeper than ${MAX_RULE_DEPTH} levels of "(" and "!" at column ${MAX_RULE_DEPTH + 1}`,
    );
    expect(err.details?.split('\n')[1]).toBe(`${' '.repeat(MAX_RULE_DEPTH)}^`);
  });

  it('a deep rule within the length limit is refused without a stack overflow', () => {
    const rule = '('.repeat(MAX_RULE_LENGTH - 20);
    expect(errorOf(rule).message).toMatch(/nesting deeper than 32 levels/);
  });
});

describe(`rules are at most ${MAX_RULE_LENGTH} characters`, () => {
  it('a rule of exactly the limit parses', () => {
    const unit = 'high>0 || ';
    let rule = unit.repeat(Math.floor(MAX_RULE_LENGTH / unit.length) - 1) + 'high>0';
    rule += ' '.repeat(MAX_RULE_LENGTH - rule.length);
    expect(rule.length).toBe(MAX_RULE_LENGTH);
    expect(evaluateRule(parseRule(rule), counts).value).toBe(true);
  });

  it('a longer one is refused, with a caret under the first character too many and a short excerpt', () => {
    const rule = 'high>0 || '.repeat(10_000) + 'high>0';
    const err = errorOf(rule);
    expect(err.message).toBe(
      `fail-on: the rule is longer than ${MAX_RULE_LENGTH} characters (${rule.length}); write a shorter rule at column ${MAX_RULE_LENGTH + 1}`,
    );
    const [text, caret] = (err.details ?? '').split('\n');
    expect(text.length).toBeLessThan(100);
    expect(text.startsWith('…') && text.endsWith('…')).toBe(true);
    // The caret points at the character at column MAX_RULE_LENGTH + 1.
    expect(text[caret.length - 1]).toBe(rule[MAX_RULE_LENGTH]);
    expect(caret.trim()).toBe('^');
  });

  it('the excerpt of an error late in a long (valid-length) rule keeps the caret on the offending character', () => {
    const rule = `${'high>0 || '.repeat(50)}high>0 || oops>0`;
    const err = errorOf(rule);
    expect(err.message).toMatch(/unknown name "oops".* at column 511$/);
    const [text, caret] = (err.details ?? '').split('\n');
    expect(text.slice(caret.length - 1, caret.length + 3)).toBe('oops');
  });
});
