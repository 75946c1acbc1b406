/**
 * Microsoft's SARIF multitool (npm @microsoft/sarif-multitool, a self-contained .NET build per platform) with its
 * GitHub and SARIF rule kinds: what GitHub code scanning and the SARIF spec's authors flag beyond the schema.
 * The binary is called directly (the npx wrapper mangles the `;` in the list options).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './testenv';

export const MULTITOOL = path.join(
  REPO_ROOT,
  'node_modules',
  '@microsoft',
  `sarif-multitool-${process.platform}`,
  process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool',
);

export interface LintResult {
  errors: string[];
  warnings: string[];
  notes: number;
}

/** Validates `file` with `--rule-kind "Gh;Sarif" --level "Error;Warning;Note"` and sorts the results by level. */
export function lintSarif(file: string): LintResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-multitool-'));
  try {
    const out = path.join(dir, 'out.sarif');
    // DOTNET_CLI_HOME: the tool writes its first-run files under HOME otherwise.
    execFileSync(
      MULTITOOL,
      ['validate', file, '--output', out, '--rule-kind', 'Gh;Sarif', '--level', 'Error;Warning;Note'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          DOTNET_CLI_HOME: dir,
          DOTNET_CLI_TELEMETRY_OPTOUT: '1',
          DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1',
        },
        timeout: 120_000,
      },
    );
    const log = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      runs: { results?: { ruleId: string; level?: string; message: { id?: string; arguments?: string[] } }[] }[];
    };
    const results = log.runs.flatMap((r) => r.results ?? []);
    const text = (r: (typeof results)[number]): string =>
      `${r.ruleId} ${r.message.id ?? ''} ${(r.message.arguments ?? []).join(' ')}`;
    return {
      errors: results.filter((r) => r.level === 'error').map(text),
      warnings: results.filter((r) => (r.level ?? 'warning') === 'warning').map(text),
      notes: results.filter((r) => r.level === 'note').length,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
