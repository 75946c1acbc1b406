/**
 * The CLI: `clair-scan [options] <image...>` runs the same pipeline as the action; `clair-scan cleanup`
 * removes what a killed run left. Every input is a `--<name>` flag, defaulting to the `CLAIR_SCAN_<NAME>`
 * environment variable (how the GitLab template passes settings), then to the input's default.
 */
import { Command, Option } from 'commander';
import { INPUTS } from './inputs/definitions';
import { parseSettings, Settings } from './inputs/settings';
import { scan, ScanOutcome } from './scan';
import { cleanupRun } from './environment/cleanup';
import { DockerClient } from './environment/docker';
import { RunState } from './environment/run-state';
import { cleanupOnSignals } from './util/signals';
import { EXIT_ERROR, formatError } from './util/errors';
import { log } from './util/log';
import { renderTable } from './report';
import { publishGitLab } from './publish/gitlab/note';
import { TOOL_VERSION } from './version';

export function envName(input: string): string {
  return `CLAIR_SCAN_${input.toUpperCase().replace(/-/g, '_')}`;
}

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const program = new Command('clair-scan')
    .description('Scan container images with an ephemeral Clair v4, gate on the findings and write reports.')
    .version(TOOL_VERSION)
    .argument('[images...]', 'images to scan (daemon name, archive path, or registry reference; prefix docker:/archive:/registry: to force the source)')
    .showHelpAfterError()
    .exitOverride();
  for (const def of INPUTS) {
    if (def.actionOnly || def.name === 'image') continue;
    const flag = def.type === 'boolean' ? `--${def.name} [bool]` : `--${def.name} <value>`;
    const opt = new Option(flag, `${def.description}${def.default ? ` (default: ${def.default})` : ''}`);
    if (def.type === 'boolean') opt.preset('true');
    program.addOption(opt);
  }
  let exitCode = 0;
  program.action(async (images: string[], opts: Record<string, string | undefined>) => {
    exitCode = await runScan(images, opts, env);
  });
  program
    .command('cleanup')
    .description('remove containers and temp dirs left by a killed run (all clair-scan runs on the daemon with --all)')
    .option('--run-id <id>', 'the run id (from the log or the action state)')
    .option('--all', 'every container labelled io.clair-scan.owner=clair-scan')
    .option('--docker-host <host>', 'Docker daemon (default: DOCKER_HOST)')
    .action(async (o: { runId?: string; all?: boolean; dockerHost?: string }) => {
      exitCode = await runCleanup(o);
    });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    const code = (err as { code?: string; exitCode?: number }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version') return 0;
    return EXIT_ERROR;
  }
  return exitCode;
}

async function runScan(images: string[], opts: Record<string, string | undefined>, env: NodeJS.ProcessEnv): Promise<number> {
  let state: RunState | undefined;
  const release = cleanupOnSignals(() => state);
  let settings: Settings | undefined;
  try {
    settings = parseSettings((name) => {
      if (name === 'image') return images.length ? images.join('\n') : env[envName(name)];
      return opts[camel(name)] ?? env[envName(name)];
    });
    for (const secret of [settings.registry.password, settings.clairPsk, settings.publish.gitlabToken]) if (secret) log.mask(secret);
    const outcome: ScanOutcome = await scan(settings, { onState: (s) => (state = s) });
    process.stdout.write(renderTable(outcome.result));
    for (const [format, file] of Object.entries(outcome.reports)) log.info(`${format} report: ${file}`);
    if (env.GITLAB_CI === 'true') await publishGitLab(outcome, settings, env);
    return outcome.exitCode;
  } catch (err) {
    process.stderr.write(`${formatError(err)}\n`);
    return (err as { exitCode?: number }).exitCode ?? EXIT_ERROR;
  } finally {
    release();
  }
}

async function runCleanup(o: { runId?: string; all?: boolean; dockerHost?: string }): Promise<number> {
  if (!o.runId && !o.all) {
    process.stderr.write('error: cleanup needs --run-id <id> or --all\n');
    return EXIT_ERROR;
  }
  if (o.runId) {
    const r = await cleanupRun({ runId: o.runId, dockerHost: o.dockerHost, tempDirs: [] });
    return r.errors.length ? EXIT_ERROR : 0;
  }
  const docker = new DockerClient(o.dockerHost);
  for (const c of await docker.listRunContainers()) await docker.removeContainer(c.Id);
  return 0;
}
