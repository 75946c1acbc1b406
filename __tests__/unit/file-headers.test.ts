/**
 * File headers say the why in at most about ten lines (issue 21.5); a longer decision note lives in docs/decisions/
 * (one file per decision, listed in its README, linked from the header). Checked on the sources, so a header cannot
 * grow back unnoticed and a link to a moved note cannot dangle.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');
const DECISIONS = path.join(ROOT, 'docs', 'decisions');

/** Ten lines of text plus the comment's opening and closing lines. */
const MAX_HEADER_LINES = 12;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The file's opening comment: a block comment or a run of line comments, as lines; empty when it has none. */
function headerLines(text: string): string[] {
  const lines = text.replace(/^(\s*\n)*/, '').split('\n');
  if (lines[0]?.trimStart().startsWith('/*')) {
    const end = lines.findIndex((l) => l.includes('*/'));
    return lines.slice(0, end + 1);
  }
  const run = lines.findIndex((l) => !l.trimStart().startsWith('//'));
  return lines.slice(0, run === -1 ? lines.length : run);
}

const rel = (f: string): string => path.relative(SRC, f).split(path.sep).join('/');

describe('file headers', () => {
  const files = sourceFiles(SRC);

  it('the header length is measured as written: a block comment, or a run of line comments', () => {
    expect(headerLines('\n/**\n * a\n * b\n */\nconst x = 1;\n')).toEqual(['/**', ' * a', ' * b', ' */']);
    expect(headerLines('// a\n// b\nimport x;\n// c\n')).toEqual(['// a', '// b']);
    expect(headerLines('import x;\n/** late */\n')).toEqual([]);
  });

  it(`every header under src/ is at most ${MAX_HEADER_LINES} lines (the long why goes to docs/decisions/)`, () => {
    const tooLong = files
      .map((f) => ({ file: rel(f), lines: headerLines(fs.readFileSync(f, 'utf8')).length }))
      .filter((h) => h.lines > MAX_HEADER_LINES);
    expect(tooLong).toEqual([]);
  });

  it('every docs/decisions/ note a source file names exists', () => {
    const missing = files.flatMap((f) =>
      [...fs.readFileSync(f, 'utf8').matchAll(/docs\/decisions\/([\w.-]+\.md)/g)]
        .map((m) => m[1])
        .filter((note) => !fs.existsSync(path.join(DECISIONS, note)))
        .map((note) => `${rel(f)} → ${note}`),
    );
    expect(missing).toEqual([]);
  });

  it('every decision note is listed in docs/decisions/README.md, and every listed note exists', () => {
    const readme = fs.readFileSync(path.join(DECISIONS, 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^\| \[([\w.-]+\.md)\]\(\1\)/gm)].map((m) => m[1]).sort();
    const notes = fs
      .readdirSync(DECISIONS)
      .filter((n) => n.endsWith('.md') && n !== 'README.md')
      .sort();
    expect(listed).toEqual(notes);
  });
});
