/**
 * templates/github/vuln-data.yml, the nightly snapshot workflow: scheduled, least privilege (packages: write only
 * on the job), GHCR login with the workflow token through docker/login-action, and the data commands the CLI
 * really has (export with --updaters/--out, push and info of the same oci:// reference, the exported file).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { Command } from 'commander';
import { registerDataCommands } from '../../../src/data/cli';

const root = join(__dirname, '../../..');
const wf = YAML.parse(readFileSync(join(root, 'templates/github/vuln-data.yml'), 'utf8'));
const job = wf.jobs.snapshot as { permissions: Record<string, string>; env: Record<string, string>; steps: { uses?: string; with?: Record<string, string>; run?: string }[] };

describe('templates/github/vuln-data.yml', () => {
  it('runs nightly and on demand with least privilege', () => {
    expect(wf.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(wf.on).toHaveProperty('workflow_dispatch');
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(job.permissions).toEqual({ contents: 'read', packages: 'write' });
  });

  it('logs in to GHCR with docker/login-action and the workflow token', () => {
    const login = job.steps.find((s) => s.uses?.startsWith('docker/login-action@'));
    expect(login?.with).toEqual({ registry: 'ghcr.io', username: '${{ github.actor }}', password: '${{ secrets.GITHUB_TOKEN }}' });
    expect(job.env.SNAPSHOT).toMatch(/^oci:\/\/ghcr\.io\/[a-z0-9-]+\/[a-z0-9-]+:[\w.-]+$/);
  });

  it('uses only data subcommands and options the CLI has: export → push → info of one reference', () => {
    const program = new Command();
    registerDataCommands(program, {}, () => undefined);
    const data = program.commands.find((c) => c.name() === 'data')!;
    const runs = job.steps.filter((s) => s.run).map((s) => s.run!.trim());
    const calls = runs.map((r) => /^node \.clair-scan\/dist\/cli\/index\.js data (\w+) (.*)$/.exec(r)).filter((m): m is RegExpExecArray => !!m);
    expect(calls.map((m) => m[1])).toEqual(['export', 'push', 'info']);
    for (const [, sub, args] of calls) {
      const cmd = data.commands.find((c) => c.name() === sub);
      expect(cmd).toBeDefined();
      for (const flag of args.match(/--[a-z-]+/g) ?? []) expect(cmd!.options.map((o) => o.long)).toContain(flag);
    }
    expect(calls[0][2]).toBe('--updaters "$UPDATERS" --out clair-data.json.zst');
    expect(calls[1][2]).toBe('"$SNAPSHOT" clair-data.json.zst');
    expect(calls[2][2]).toBe('"$SNAPSHOT"');
    // The login comes before the push.
    const idx = (p: (s: { uses?: string; run?: string }) => boolean) => job.steps.findIndex(p);
    expect(idx((s) => !!s.uses?.startsWith('docker/login-action@'))).toBeLessThan(idx((s) => !!s.run?.includes(' data push ')));
  });
});
