/**
 * Writes the three copies of the input table that other tools read from files of their own: action.yml's `inputs:`
 * and `outputs:`, the README's reference tables and the GitLab template's CLAIR_SCAN_ variables, all from
 * src/inputs/definitions.ts. So a new input (or a compliance check's, or a report format's output) is its row there
 * and `npm run mirrors`; by hand, the copies drifted (the template's comments had kept old wording).
 *   npx tsx scripts/mirrors.ts           rewrite the generated parts
 *   npx tsx scripts/mirrors.ts --check   exit 1 naming each file that is not what this writes (the unit test runs it)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INPUTS, OUTPUTS, type InputDefinition, type OutputDefinition } from '../src/inputs/definitions';

type Inputs = readonly InputDefinition[];
type Outputs = readonly OutputDefinition[];

/** The repository (a test points it at a copy). */
const ROOT = process.env.CLAIR_SCAN_MIRRORS_ROOT ?? join(__dirname, '..');
const WIDTH = 120;

/** A YAML double-quoted scalar: JSON's string syntax is a subset of it. */
const quoted = (s: string): string => JSON.stringify(s);

export function actionYml(text: string, inputs: Inputs = INPUTS, outputs: Outputs = OUTPUTS): string {
  const lines = ['inputs:'];
  for (const d of inputs) {
    lines.push(`  ${d.name}:`, `    description: ${quoted(d.description)}`, `    required: ${!!d.required}`);
    const def = d.actionDefault ?? d.default;
    if (def) lines.push(`    default: ${quoted(def)}`);
  }
  lines.push('outputs:');
  for (const o of outputs) lines.push(`  ${o.name}:`, `    description: ${quoted(o.description)}`);
  return replaceBetween(text, /^(?=inputs:\n)/m, /^runs:\n/m, `${lines.join('\n')}\n`, 'action.yml');
}

/** A Markdown table cell: pipes escaped, so `high>0 || medium>=3` stays one cell. */
const cell = (s: string): string => s.replace(/\|/g, '\\|');

export function readme(text: string, inputs: Inputs = INPUTS, outputs: Outputs = OUTPUTS): string {
  const lines = [
    '### Inputs',
    '',
    'Every input is also a CLI flag (`--<name>`) and a GitLab template variable (`CLAIR_SCAN_<NAME>`, upper snake case), except those marked *action only*.',
    '',
    '| Input | Description | Default |',
    '| --- | --- | --- |',
  ];
  for (const d of inputs) {
    const def = d.actionDefault ?? d.default;
    const desc = `${d.description}${d.actionOnly ? ' *Action only.*' : ''}`;
    lines.push(
      `| \`${d.name}\`${d.required ? ' (required)' : ''} | ${cell(desc)} | ${def ? `\`${cell(def)}\`` : ''} |`,
    );
  }
  lines.push('', '### Outputs', '', '| Output | Description |', '| --- | --- |');
  for (const o of outputs) lines.push(`| \`${o.name}\` | ${cell(o.description)} |`);
  return replaceBetween(text, /<!-- inputs:start -->\n/, /<!-- inputs:end -->/, `${lines.join('\n')}\n`, 'README.md');
}

/** `text` as comment lines at `indent`, wrapped at WIDTH columns (a word longer than a line stays whole). */
function comment(text: string, indent: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && indent.length + 2 + next.length > WIDTH) {
      out.push(`${indent}# ${line}`);
      line = word;
    } else line = next;
  }
  if (line) out.push(`${indent}# ${line}`);
  return out;
}

const envName = (name: string): string => `CLAIR_SCAN_${name.toUpperCase().replace(/-/g, '_')}`;

export function gitlabTemplate(text: string, inputs: Inputs = INPUTS): string {
  const indent = '    ';
  const lines = [
    `${indent}# Generated from src/inputs/definitions.ts by scripts/mirrors.ts (npm run mirrors): edit there.`,
  ];
  const byMode = inputs.filter((d) => d.gitlab === 'mode').map((d) => envName(d.name));
  let group: InputDefinition['group'] | undefined;
  for (const d of inputs) {
    if (d.actionOnly) continue;
    if (d.group !== group) {
      group = d.group;
      lines.push(`${indent}# --- ${group} ---`);
    }
    if (d.gitlab === 'mode') {
      if (d.name === inputs.find((i) => i.gitlab === 'mode')?.name)
        lines.push(`${indent}# (${byMode.join(', ')}: set by the mode, above.)`);
      continue;
    }
    const value = d.gitlab?.value ?? d.default;
    lines.push(...comment(`${d.description}${d.gitlab ? ` ${d.gitlab.note}` : ''}`, indent));
    lines.push(`${indent}${envName(d.name)}: ${quoted(value)}`);
  }
  return replaceBetween(
    text,
    /^ {4}# inputs:start\n/m,
    /^ {4}# inputs:end\n/m,
    `${lines.join('\n')}\n`,
    'templates/clair-scan.gitlab-ci.yml',
  );
}

/** `text` with what lies between the end of `start`'s match and the start of `end`'s replaced by `body`. */
function replaceBetween(text: string, start: RegExp, end: RegExp, body: string, file: string): string {
  const s = start.exec(text);
  const e = end.exec(text);
  if (!s || !e || e.index < s.index + s[0].length) throw new Error(`${file}: the generated part's markers are missing`);
  return text.slice(0, s.index + s[0].length) + body + text.slice(e.index);
}

export const MIRRORS: [file: string, render: (text: string) => string][] = [
  ['action.yml', (t) => actionYml(t)],
  ['README.md', (t) => readme(t)],
  ['templates/clair-scan.gitlab-ci.yml', (t) => gitlabTemplate(t)],
];

/** The mirrors that differ from what this script writes (file names relative to the repository). */
export function staleMirrors(): string[] {
  return MIRRORS.filter(([file, render]) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    return render(text) !== text;
  }).map(([file]) => file);
}

if (require.main === module) {
  if (process.argv.includes('--check')) {
    const stale = staleMirrors();
    if (stale.length) {
      console.error(`not generated from src/inputs/definitions.ts: ${stale.join(', ')} (run npm run mirrors)`);
      process.exit(1);
    }
  } else {
    for (const [file, render] of MIRRORS) {
      const path = join(ROOT, file);
      const text = readFileSync(path, 'utf8');
      const out = render(text);
      if (out !== text) {
        writeFileSync(path, out);
        console.log(`wrote ${file}`);
      }
    }
  }
}
