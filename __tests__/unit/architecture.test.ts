/**
 * The import rules of docs/ARCHITECTURE.md, checked on the sources: every relative import of every file under src/
 * is parsed (static `import`/`export … from`, and `import()`), and the folders' dependencies must follow the layers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.join(__dirname, '..', '..', 'src');

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Relative imports of one file; `typeOnly`: `import type …` or every imported name marked `type`. */
function importsOf(file: string): Edge[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: Edge[] = [];
  const rel = (spec: string): string =>
    path
      .relative(SRC, path.resolve(path.dirname(file), spec))
      .split(path.sep)
      .join('/');
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?([^;]*?)\s+from\s+'(\.[^']*)'/gms)) {
    const names = /^\{([^}]*)\}$/.exec(m[2].trim());
    const allTypes =
      !!names &&
      names[1]
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean)
        .every((n) => n.startsWith('type '));
    out.push({ from: path.relative(SRC, file).split(path.sep).join('/'), to: rel(m[3]), typeOnly: !!m[1] || allTypes });
  }
  for (const m of text.matchAll(/import\(\s*'(\.[^']*)'\s*\)/g))
    out.push({ from: path.relative(SRC, file).split(path.sep).join('/'), to: rel(m[1]), typeOnly: false });
  return out;
}

/** The folder of a module (`util`, `findings` …); a top-level file (scan.ts, cli.ts …) is its own unit. */
function unitOf(mod: string): string {
  const parts = mod.split('/');
  return parts.length > 1 ? parts[0] : mod.replace(/\.ts$/, '');
}

const edges = sourceFiles(SRC).flatMap(importsOf);

function violations(folder: string, allowed: (e: Edge) => boolean): string[] {
  return edges
    .filter((e) => unitOf(e.from) === folder && unitOf(e.to) !== folder && !allowed(e))
    .map((e) => `${e.from} → ${e.to}${e.typeOnly ? ' (type)' : ''}`);
}

describe('import rules (docs/ARCHITECTURE.md)', () => {
  it('finds the imports it checks', () => {
    expect(edges.length).toBeGreaterThan(200);
    expect(edges.filter((e) => unitOf(e.from) === 'report').length).toBeGreaterThan(10);
  });

  it('util/ imports nothing outside util/', () => {
    expect(violations('util', () => false)).toEqual([]);
  });

  it('findings/ imports only util/, findings/ and clair/types', () => {
    expect(violations('findings', (e) => unitOf(e.to) === 'util' || e.to === 'clair/types')).toEqual([]);
  });

  it("environment/ imports nothing from data/ (data/ runs clairctl in environment/'s containers; openClairService gets a VulnDataLoader)", () => {
    expect(violations('environment', (e) => unitOf(e.to) !== 'data')).toEqual([]);
  });

  it('report/ imports only util/, findings/, report/ and (type-only) inputs/settings', () => {
    expect(
      violations(
        'report',
        (e) => ['util', 'findings'].includes(unitOf(e.to)) || (e.to === 'inputs/settings' && e.typeOnly),
      ),
    ).toEqual([]);
  });

  it("only environment/docker.ts talks to the Docker Engine: nothing else imports dockerode (containers are docker.ts's opaque handles)", () => {
    const importers = sourceFiles(SRC)
      .filter((f) =>
        /^(?:import|export)\b[^;]*?from\s+'dockerode'|require\(\s*'dockerode'\s*\)|import\(\s*'dockerode'\s*\)/m.test(
          fs.readFileSync(f, 'utf8'),
        ),
      )
      .map((f) => path.relative(SRC, f).split(path.sep).join('/'));
    expect(importers).toEqual(['environment/docker.ts']);
  });

  /** Each folder's main file: its opening comment says what lives in the folder and what it may import. */
  const MAIN_FILES: Record<string, string[]> = {
    action: ['runtime.ts'],
    batch: ['run.ts'],
    clair: ['client.ts'],
    data: ['index.ts'],
    environment: ['index.ts'],
    findings: ['model.ts'],
    image: ['index.ts'],
    inputs: ['settings.ts'],
    policy: ['index.ts'],
    publish: ['platforms.ts', 'github/index.ts', 'gitlab/index.ts'],
    report: ['index.ts'],
    util: ['errors.ts'],
  };

  it('each folder has a main file whose opening comment says what it may import', () => {
    const folders = fs
      .readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(Object.keys(MAIN_FILES).sort()).toEqual(folders);
    const missing = Object.entries(MAIN_FILES).flatMap(([folder, files]) =>
      files
        .filter(
          (f) =>
            !/May import|imports nothing outside/.test(
              /^\/\*\*[\s\S]*?\*\//.exec(fs.readFileSync(path.join(SRC, folder, f), 'utf8'))?.[0] ?? '',
            ),
        )
        .map((f) => `${folder}/${f}`),
    );
    expect(missing).toEqual([]);
  });

  it('has no import cycles between folders (type-only imports aside)', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of edges) {
      const [a, b] = [unitOf(e.from), unitOf(e.to)];
      if (a === b || b.startsWith('..') || e.typeOnly) continue;
      graph.set(a, (graph.get(a) ?? new Set()).add(b));
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (n: string, stack: string[]): void => {
      state.set(n, 'open');
      for (const m of graph.get(n) ?? []) {
        if (state.get(m) === 'open') cycles.push([...stack.slice(stack.indexOf(m)), n, m].join(' → '));
        else if (!state.has(m)) visit(m, [...stack, n]);
      }
      state.set(n, 'done');
    };
    for (const n of [...graph.keys()].sort()) if (!state.has(n)) visit(n, []);
    expect(cycles).toEqual([]);
  });
});
