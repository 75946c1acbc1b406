/**
 * templates/github/vuln-data.yml, the nightly database-image workflow: scheduled, least privilege (packages: write
 * only on the job), the registry credentials and the signing key from secrets (the key in a private temp file that
 * is removed), the tag scheme `<clair version>-<date>` plus moving tags, and only data commands and options the CLI
 * really has (data image build … --push --sign-key, then data info of the moving tag).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { Command } from 'commander';
import { registerDataCommands } from '../../../src/data/cli';
import { readEolBytes } from '../../../src/data/eol';

const root = join(__dirname, '../../..');
const wf = YAML.parse(readFileSync(join(root, 'templates/github/vuln-data.yml'), 'utf8'));
type Step = { uses?: string; with?: Record<string, string>; run?: string; env?: Record<string, string> };
const job = wf.jobs['db-image'] as { permissions: Record<string, string>; env: Record<string, string>; steps: Step[] };

/** The CLI calls in a step's script: `node .clair-scan/dist/cli/index.js data …`, continuation lines joined. */
function cliCalls(run: string): string[][] {
  const joined = run.replace(/\\\n\s*/g, ' ');
  return joined
    .split('\n')
    .map((l) => /^\s*node \.clair-scan\/dist\/cli\/index\.js (data .*)$/.exec(l)?.[1])
    .filter((c): c is string => !!c)
    .map((c) => c.match(/"[^"]*"|\S+/g) ?? []);
}

describe('templates/github/vuln-data.yml', () => {
  it('runs nightly and on demand with least privilege', () => {
    expect(wf.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(wf.on).toHaveProperty('workflow_dispatch');
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(job.permissions).toEqual({ contents: 'read', packages: 'write' });
  });

  it('takes the registry password and the signing key from secrets; the key file is private and removed', () => {
    const build = job.steps.find((s) => s.run?.includes('data image build'))!;
    expect(build.env).toMatchObject({
      CLAIR_SCAN_REGISTRY_USERNAME: '${{ github.actor }}',
      CLAIR_SCAN_REGISTRY_PASSWORD: '${{ secrets.GITHUB_TOKEN }}',
      SIGNING_KEY: expect.stringMatching(/^\$\{\{ secrets\.\w+ \}\}$/),
    });
    expect(build.run).toMatch(/umask 077/);
    expect(build.run).toMatch(/trap 'rm -f "\$key"' EXIT/);
  });

  it('uses only data subcommands and options the CLI has: image build (pushed, signed, dated + moving tags), then info', () => {
    const program = new Command();
    registerDataCommands(program, {}, () => undefined);
    const calls = job.steps.filter((s) => s.run).flatMap((s) => cliCalls(s.run!));
    expect(calls.map((c) => c.slice(0, c[1] === 'image' ? 3 : 2).join(' '))).toEqual(['data image build', 'data info']);
    for (const words of calls) {
      let cmd: Command = program;
      const path = words.filter((w) => !w.startsWith('-') && !w.startsWith('"'));
      for (const name of path) {
        const sub = cmd.commands.find((c) => c.name() === name);
        if (!sub) break;
        cmd = sub;
      }
      expect(cmd.name()).toBe(words[1] === 'image' ? 'build' : 'info');
      for (const flag of words.filter((w) => w.startsWith('--')))
        expect(cmd.options.map((o) => o.long)).toContain(flag);
    }
    const build = calls[0].join(' ');
    expect(build).toContain('--push');
    expect(build).toContain('--sign-key "$key"');
    // The exploit data travels in the image (issue 22), from the published files the step downloads first.
    expect(build).toContain(
      '--kev-data "$RUNNER_TEMP/kev.json" --epss-data "$RUNNER_TEMP/epss.csv.gz" --eol-data "$RUNNER_TEMP/eol.json"',
    );
    const step = job.steps.find((s) => s.run?.includes('data image build'))!.run!;
    expect(step).toMatch(
      /curl -fsSL --retry 3 --max-time 300 -o "\$RUNNER_TEMP\/kev\.json" \\\n\s+https:\/\/www\.cisa\.gov\/sites\/default\/files\/feeds\/known_exploited_vulnerabilities\.json\n/,
    );
    expect(step).toMatch(
      /curl -fsSL --retry 3 --max-time 300 -o "\$RUNNER_TEMP\/epss\.csv\.gz" \\\n\s+https:\/\/epss\.empiricalsecurity\.com\/epss_scores-current\.csv\.gz\n/,
    );
    // The dated tag, immutable, then the moving ones: the Clair version is part of every versioned tag.
    expect(build).toContain(
      '--tag "$REPOSITORY:$CLAIR_VERSION-$date" --tag "$REPOSITORY:$CLAIR_VERSION" --tag "$REPOSITORY:latest"',
    );
    expect(calls[1].join(' ')).toBe('data info "db-image:$REPOSITORY:$CLAIR_VERSION" --remote');
  });

  it("combines endoflife.date's per-product arrays into the table eol-data reads (the step's own jq, run here)", () => {
    const step = job.steps.find((s) => s.run?.includes('data image build'))!.run!;
    const products = /for p in ([a-z -]+); do/.exec(step)![1].split(' ');
    expect(products).toEqual(expect.arrayContaining(['debian', 'ubuntu', 'alpine-linux', 'rhel', 'amazon-linux']));
    expect(step).toContain(
      'curl -fsSL --retry 3 --max-time 60 -o "$RUNNER_TEMP/eol/$p.json" "https://endoflife.date/api/$p.json"',
    );
    const jq = /^\s*(jq -n .*) "\$RUNNER_TEMP"\/eol\/\*\.json > "\$RUNNER_TEMP\/eol\.json"$/m.exec(step)![1];
    const dir = mkdtempSync(join(tmpdir(), 'cs-eol-wf-'));
    try {
      // Each product as the API publishes it (extra fields, eol a date or false, link null).
      const files = products.map((p, i) => {
        const f = join(dir, `${p}.json`);
        writeFileSync(
          f,
          JSON.stringify([
            {
              cycle: `${i + 1}`,
              releaseDate: '2020-01-01',
              eol: i % 2 ? false : '2024-06-30',
              latest: `${i + 1}.1`,
              lts: false,
              link: null,
            },
          ]),
        );
        return f;
      });
      // The step's own command line, through a shell as the runner runs it (the date substitution included).
      const out = execFileSync('bash', ['-c', `${jq} "$@"`, 'jq', ...files]);
      const table = readEolBytes(out, 'eol.json');
      expect([...table.products.keys()].sort()).toEqual([...products].sort());
      expect(table.date).toBe(new Date().toISOString().slice(0, 10));
      expect(table.products.get(products[0])![0]).toMatchObject({ cycle: '1' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the project's own nightly workflow builds the table the same way", () => {
    const nightly = readFileSync(join(root, '.github/workflows/vuln-data-nightly.yml'), 'utf8');
    const block = (text: string): string => /# The end-of-life table[\s\S]*?eol\.json"\n/.exec(text)![0];
    expect(block(nightly)).toBe(block(readFileSync(join(root, 'templates/github/vuln-data.yml'), 'utf8')));
    expect(nightly).toContain('--eol-data "$RUNNER_TEMP/eol.json"');
  });
});
