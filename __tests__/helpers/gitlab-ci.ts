/**
 * The parts of GitLab CI the template tests simulate: variable values as GitLab stores them, their expansion
 * (`$VAR`, `${VAR}`, `$$`) and `rules:if` — shared by __tests__/e2e/gitlab/ and __tests__/e2e/baseline/.
 */
export type Vars = Record<string, string>;

/** A job's `variables:` (plain strings, or `{ value, description }` as templates write them) as strings. */
export function stringVars(v: Record<string, string | { value: string }> | undefined): Vars {
  return Object.fromEntries(Object.entries(v ?? {}).map(([k, x]) => [k, typeof x === 'string' ? x : String(x.value)]));
}

/**
 * GitLab's expansion of `$VAR`, `${VAR}` and `$$` in variable values against the job's final variable set
 * (whatever level a variable comes from), recursively as the runner does, an undefined variable expanding to ''.
 */
export function expandAll(vars: Vars): Vars {
  const out: Vars = {};
  const resolve = (name: string, depth: number): string => {
    const raw = vars[name];
    if (raw === undefined) return '';
    if (depth > 10) throw new Error(`variable ${name} refers to itself`);
    return raw.replace(/\$\$|\$\{([A-Za-z0-9_]+)\}|\$([A-Za-z0-9_]+)/g, (m, braced?: string, bare?: string) =>
      m === '$$' ? '$' : resolve((braced ?? bare)!, depth + 1),
    );
  };
  for (const k of Object.keys(vars)) out[k] = resolve(k, 0);
  return out;
}

/**
 * `rules:if` as GitLab evaluates it, for the forms the templates use: `$A == "x"`, `$A != "x"`, `$A` (set and
 * non-empty), `&&` (binding tighter), `||`, parentheses. Anything else throws, so the test never guesses.
 */
export function ruleMatches(expr: string, vars: Vars): boolean {
  const tokens = expr.match(/\(|\)|&&|\|\||==|!=|"[^"]*"|'[^']*'|\$[A-Za-z0-9_]+|\S+/g) ?? [];
  let i = 0;
  const operand = (t: string): string | undefined => {
    if (/^\$/.test(t)) return vars[t.slice(1)];
    if (/^".*"$|^'.*'$/.test(t)) return t.slice(1, -1);
    throw new Error(`rules:if operand not understood by this test: ${t} in ${expr}`);
  };
  const primary = (): boolean => {
    const t = tokens[i++];
    if (t === '(') {
      const v = or();
      if (tokens[i++] !== ')') throw new Error(`unbalanced parentheses in ${expr}`);
      return v;
    }
    if (tokens[i] === '==' || tokens[i] === '!=') {
      const op = tokens[i++];
      const a = operand(t);
      const b = operand(tokens[i++]);
      return op === '==' ? a === b : a !== b;
    }
    return Boolean(operand(t));
  };
  const and = (): boolean => {
    let v = primary();
    while (tokens[i] === '&&') {
      i++;
      v = primary() && v;
    }
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (tokens[i] === '||') {
      i++;
      v = and() || v;
    }
    return v;
  };
  const v = or();
  if (i !== tokens.length) throw new Error(`rules:if expression not understood by this test: ${expr}`);
  return v;
}

/** Whether GitLab creates the job: the first rule whose `if` matches decides (`when: never` = not created). */
export function jobCreated(job: { rules?: { if?: string; when?: string }[] }, vars: Vars): boolean {
  for (const r of job.rules ?? [{}]) {
    if (r.if === undefined || ruleMatches(r.if, vars)) return r.when !== 'never';
  }
  return false;
}
