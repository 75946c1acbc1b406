/**
 * The `fail-on` count-rule grammar, e.g. `high>0 || (medium>=3 && fixable>0)`: comparisons of counts (a severity
 * counts exactly that severity; `total`/`any`, `fixable`; `new.` over the findings the baseline did not have)
 * joined by `!`, `&&` (binds tighter) and `||`. `kev` counts findings in the CISA KEV catalogue; `epss` is the highest
 * EPSS score among the counted findings, the one name compared with a decimal (`epss>=0.5`). A hand-written tokenizer and recursive-descent parser: the
 * grammar is a dozen lines and the errors must say "expected X after Y at column N".
 * The grammar and why no parser generator: docs/decisions/fail-on-grammar.md.
 */
import { ClairScanError } from '../util/errors';
import { SEVERITIES, Severity, SeverityCounts } from '../findings/model';

export type CountName = Severity | 'total' | 'fixable' | 'kev' | 'epss';
export type Operator = '>' | '>=' | '==' | '!=' | '<' | '<=';

export type RuleNode =
  | {
      type: 'cmp';
      name: CountName;
      /** `new.<name>`: counted over new findings only. */ scope?: 'new';
      /** as written */ text: string;
      op: Operator;
      value: number;
    }
  | { type: 'and' | 'or'; left: RuleNode; right: RuleNode }
  | { type: 'not'; operand: RuleNode };

/** The numbers a rule is evaluated against. */
export interface RuleCounts {
  bySeverity: SeverityCounts;
  fixable: number;
  /** Counted findings in the CISA KEV catalogue (0 when none, or when no KEV data was given: see usesExploitData). */
  kev?: number;
  /** The highest EPSS score among the counted findings (0 when none has one). */
  epss?: number;
  /** The same over the findings new against the baseline (`new.high`); absent = no baseline = all 0. */
  new?: { bySeverity: SeverityCounts; fixable: number; kev?: number; epss?: number };
}

type TokenType = 'name' | 'int' | 'op' | 'and' | 'or' | 'not' | 'lparen' | 'rparen' | 'end';
interface Token {
  type: TokenType;
  text: string;
  /** 1-based column of the token's first character. */
  col: number;
}

/** A Map, not an object literal: `constructor` or `__proto__` must not look like a name. */
const NAMES = new Map<string, CountName>([
  ...SEVERITIES.map((s): [string, CountName] => [s.toLowerCase(), s]),
  ['total', 'total'],
  ['any', 'total'],
  ['fixable', 'fixable'],
  ['kev', 'kev'],
  ['epss', 'epss'],
]);
const NAME_LIST = [...NAMES.keys()].join(', ');

/** Limits that keep a hostile or mistaken rule from exhausting the stack or flooding the log. */
export const MAX_RULE_LENGTH = 1000;
export const MAX_RULE_DEPTH = 32;

/** The rule with a caret under `col`; a long rule is cut to the part around the column. */
function caret(rule: string, col: number): string {
  const before = 60;
  const after = 20;
  if (rule.length <= before + after) return `${rule}\n${' '.repeat(Math.max(0, col - 1))}^`;
  const start = Math.max(0, col - 1 - before);
  const end = Math.min(rule.length, col - 1 + after);
  const prefix = start > 0 ? '…' : '';
  return `${prefix}${rule.slice(start, end)}${end < rule.length ? '…' : ''}\n${' '.repeat(prefix.length + col - 1 - start)}^`;
}

function ruleError(label: string, rule: string, col: number, what: string): ClairScanError {
  return new ClairScanError(`${label}: ${what} at column ${col}`, {
    hint:
      `write the rule as comparisons like \`high>0\` joined with && and ||, e.g. \`critical>0 || high>=3\`. ` +
      `Names: ${NAME_LIST} (each also as new.<name>, counting only findings new against the baseline; epss is the highest EPSS score, compared with a number from 0 to 1 such as epss>=0.5); operators: >, >=, ==, !=, <, <=; parentheses and ! are allowed. See docs/policy.md.`,
    details: caret(rule, col),
  });
}

function describe(t: Token): string {
  return t.type === 'end' ? 'the end of the rule' : `"${t.text}"`;
}

function tokenize(rule: string, label: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < rule.length) {
    const c = rule[i];
    const col = i + 1;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?/.exec(rule.slice(i));
    if (word) {
      tokens.push({ type: 'name', text: word[0], col });
      i += word[0].length;
      continue;
    }
    // Decimals are tokenized for every name so that `high>0.5` gets a clear error; only epss accepts them.
    const num = /^[0-9]+(?:\.[0-9]+)?/.exec(rule.slice(i));
    if (num) {
      tokens.push({ type: 'int', text: num[0], col });
      i += num[0].length;
      continue;
    }
    const two = rule.slice(i, i + 2);
    if (['>=', '<=', '==', '!='].includes(two)) {
      tokens.push({ type: 'op', text: two, col });
      i += 2;
      continue;
    }
    if (two === '&&' || two === '||') {
      tokens.push({ type: two === '&&' ? 'and' : 'or', text: two, col });
      i += 2;
      continue;
    }
    if (c === '>' || c === '<') tokens.push({ type: 'op', text: c, col });
    else if (c === '!') tokens.push({ type: 'not', text: c, col });
    else if (c === '(') tokens.push({ type: 'lparen', text: c, col });
    else if (c === ')') tokens.push({ type: 'rparen', text: c, col });
    else if (c === '=') throw ruleError(label, rule, col, 'unexpected "=" (use "==" to compare)');
    else if (c === '&') throw ruleError(label, rule, col, 'unexpected "&" (use "&&")');
    else if (c === '|') throw ruleError(label, rule, col, 'unexpected "|" (use "||")');
    else if (c === '-')
      throw ruleError(label, rule, col, 'unexpected "-" (counts are compared with non-negative whole numbers)');
    else throw ruleError(label, rule, col, `unexpected character "${c}"`);
    i++;
  }
  tokens.push({ type: 'end', text: '', col: rule.length + 1 });
  return tokens;
}

/**
 * Parses a count rule. Throws a ClairScanError naming the 1-based column and what was expected, with the
 * rule and a caret under the column in `details`. `label` prefixes the message (the input's name).
 */
export function parseRule(rule: string, label = 'fail-on'): RuleNode {
  if (rule.length > MAX_RULE_LENGTH) {
    throw ruleError(
      label,
      rule,
      MAX_RULE_LENGTH + 1,
      `the rule is longer than ${MAX_RULE_LENGTH} characters (${rule.length}); write a shorter rule`,
    );
  }
  const tokens = tokenize(rule, label);
  let pos = 0;
  const peek = (): Token => tokens[pos];
  const next = (): Token => tokens[pos++];
  const fail = (t: Token, what: string): never => {
    throw ruleError(label, rule, t.col, what);
  };

  if (peek().type === 'end') fail(peek(), 'expected a comparison such as "high>0", found an empty rule');

  const parseOr = (): RuleNode => {
    let left = parseAnd();
    while (peek().type === 'or') {
      next();
      left = { type: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): RuleNode => {
    let left = parseUnary();
    while (peek().type === 'and') {
      next();
      left = { type: 'and', left, right: parseUnary() };
    }
    return left;
  };
  // Nesting of "(" and "!": each level is a recursive call, so it is bounded.
  let depth = 0;
  const nest = <T>(t: Token, f: () => T): T => {
    if (++depth > MAX_RULE_DEPTH) fail(t, `nesting deeper than ${MAX_RULE_DEPTH} levels of "(" and "!"`);
    try {
      return f();
    } finally {
      depth--;
    }
  };
  const parseUnary = (): RuleNode => {
    if (peek().type === 'not') {
      const t = next();
      return nest(t, () => ({ type: 'not', operand: parseUnary() }));
    }
    return parsePrimary();
  };
  const parsePrimary = (): RuleNode => {
    const t = next();
    if (t.type === 'lparen') {
      return nest(t, () => {
        const inner = parseOr();
        const close = next();
        if (close.type !== 'rparen')
          fail(close, `expected ")" to close the "(" at column ${t.col}, found ${describe(close)}`);
        return inner;
      });
    }
    if (t.type !== 'name') {
      return fail(t, `expected a severity name (${NAME_LIST}), "(" or "!", found ${describe(t)}`);
    }
    const scoped = /^new\./i.test(t.text);
    const name = NAMES.get(t.text.toLowerCase().replace(/^new\./, ''));
    if (!name || (t.text.includes('.') && !scoped))
      return fail(t, `unknown name "${t.text}", expected one of ${NAME_LIST}`);
    const op = next();
    if (op.type !== 'op') return fail(op, `expected a comparison operator after "${t.text}"`);
    const num = next();
    if (name === 'epss') {
      if (num.type !== 'int' || Number(num.text) > 1)
        return fail(
          num,
          `expected an EPSS score from 0 to 1 after "${t.text}${op.text}" (e.g. epss>=0.5), found ${describe(num)}`,
        );
    } else if (num.type !== 'int' || num.text.includes('.')) {
      return fail(num, `expected a non-negative whole number after "${t.text}${op.text}", found ${describe(num)}`);
    }
    return {
      type: 'cmp',
      name,
      ...(scoped ? { scope: 'new' as const } : {}),
      text: t.text,
      op: op.text as Operator,
      value: Number(num.text),
    };
  };

  const tree = parseOr();
  const rest = peek();
  if (rest.type !== 'end') {
    const what =
      rest.type === 'rparen'
        ? 'unexpected ")" without a matching "("'
        : `expected "&&", "||" or the end of the rule, found ${describe(rest)}`;
    fail(rest, what);
  }
  return tree;
}

function countOf(name: CountName, all: RuleCounts, scope?: 'new'): number {
  const counts = scope === 'new' ? all.new : all;
  if (!counts) return 0;
  if (name === 'total') return SEVERITIES.reduce((n, s) => n + counts.bySeverity[s], 0);
  if (name === 'fixable') return counts.fixable;
  if (name === 'kev' || name === 'epss') return counts[name] ?? 0;
  return counts.bySeverity[name];
}

function nameText(n: { name: CountName; scope?: 'new' }): string {
  return `${n.scope === 'new' ? 'new.' : ''}${n.name.toLowerCase()}`;
}

/** Which exploit data a parsed rule needs (`kev`, `epss`, also under `new.`): without it the term could never fire. */
export function usesExploitData(node: RuleNode): { kev: boolean; epss: boolean } {
  switch (node.type) {
    case 'cmp':
      return { kev: node.name === 'kev', epss: node.name === 'epss' };
    case 'not':
      return usesExploitData(node.operand);
    case 'and':
    case 'or': {
      const l = usesExploitData(node.left);
      const r = usesExploitData(node.right);
      return { kev: l.kev || r.kev, epss: l.epss || r.epss };
    }
  }
}

function compare(a: number, op: Operator, b: number): boolean {
  switch (op) {
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
  }
}

export interface RuleResult {
  value: boolean;
  /** The counts that decided the value, e.g. ["high=2", "medium=1"] (de-duplicated, in rule order). */
  because: string[];
}

/** Evaluates a parsed rule; `because` lists the counts that made it true (or false). */
export function evaluateRule(node: RuleNode, counts: RuleCounts): RuleResult {
  const ev = (n: RuleNode): { value: boolean; because: string[] } => {
    switch (n.type) {
      case 'cmp': {
        const c = countOf(n.name, counts, n.scope);
        return { value: compare(c, n.op, n.value), because: [`${nameText(n)}=${c}`] };
      }
      case 'not': {
        const r = ev(n.operand);
        return { value: !r.value, because: r.because };
      }
      case 'and':
      case 'or': {
        const l = ev(n.left);
        const r = ev(n.right);
        const value = n.type === 'and' ? l.value && r.value : l.value || r.value;
        // The children that agree with the result are the ones that decided it.
        const because = [...(l.value === value ? l.because : []), ...(r.value === value ? r.because : [])];
        return { value, because };
      }
    }
  };
  const r = ev(node);
  return { value: r.value, because: [...new Set(r.because)] };
}

/** Canonical text of a parsed rule (for tests and messages). */
export function formatRule(node: RuleNode): string {
  switch (node.type) {
    case 'cmp':
      return `${nameText(node)}${node.op}${node.value}`;
    case 'not':
      return `!${node.operand.type === 'cmp' || node.operand.type === 'not' ? formatRule(node.operand) : `(${formatRule(node.operand)})`}`;
    case 'and':
    case 'or': {
      const wrap = (c: RuleNode): string =>
        node.type === 'and' && c.type === 'or' ? `(${formatRule(c)})` : formatRule(c);
      return `${wrap(node.left)} ${node.type === 'and' ? '&&' : '||'} ${wrap(node.right)}`;
    }
  }
}
