/**
 * The CLI: `clair-scan [options] <image...>` runs the same pipeline as the action; `clair-scan cleanup`
 * removes what a killed run left. Every input is a `--<name>` flag, defaulting to the `CLAIR_SCAN_<NAME>`
 * environment variable (how the GitLab template passes settings), then to the input's default.
 *
 * Boolean inputs are plain flags (`--fail`, `--no-fail`, or `--fail=false`): they never take the next
 * argument, so `clair-scan --ignore-unfixed myapp:ci` scans myapp:ci. Secret inputs are also read from a file
 * (`--<name>-file`, `CLAIR_SCAN_<NAME>_FILE`): a flag's value is visible to every user in the process list.
 */
import * as fs from 'node:fs';
import { Command, Option } from 'commander';
import { INPUTS, InputDefinition } from './inputs/definitions';
import { parseBoolean, parseSettings, Settings } from './inputs/settings';
import { scan, ScanOutcome } from './scan';
import { cleanupRun } from './environment/cleanup';
import { RunState } from './environment/run-state';
import { cleanupOnSignals } from './environment/signals';
import { ClairScanError, EXIT_ERROR, errorMessage, formatError } from './util/errors';
import { log, print } from './util/log';
import {
  autoDescription,
  CI_PLATFORM_ENV,
  currentPlatform,
  none,
  PLATFORM_CHOICES,
  PLATFORMS,
  resolvePlatform,
  usePlatform,
} from './publish/platforms';
import { renderTable } from './report';
import { TOOL_VERSION } from './version';
import { registerDataCommands } from './data/cli';
import { isBatch, runBatchCli } from './batch/cli';

export function envName(input: string): string {
  return `CLAIR_SCAN_${input.toUpperCase().replace(/-/g, '_')}`;
}

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

const CLI_INPUTS = INPUTS.filter((d) => !d.actionOnly && d.name !== 'image');

/** What the user wrote as `--<boolean>=<value>`, which commander cannot take without also eating positionals. */
interface BooleanValues {
  argv: string[];
  /** Values that are not true/false words: handed to parseSettings as given, which rejects them by name. */
  invalid: Map<string, string>;
}

/**
 * Rewrites `--<boolean>=<word>` into `--<name>` / `--no-<name>` (so the last one given wins, as for the
 * plain flags). Stops at `--` and skips the value of a value flag, which may itself look like a flag.
 */
export function rewriteBooleanValues(argv: string[], defs: InputDefinition[] = CLI_INPUTS): BooleanValues {
  const booleans = new Set(defs.filter((d) => d.type === 'boolean').map((d) => d.name));
  const valued = new Set(defs.filter((d) => d.type !== 'boolean').map((d) => `--${d.name}`));
  const out: string[] = [];
  const invalid = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (valued.has(arg)) {
      out.push(arg, ...argv.slice(i + 1, i + 2));
      i++;
      continue;
    }
    const m = /^--([a-z0-9-]+)=([\s\S]*)$/.exec(arg);
    if (m && booleans.has(m[1])) {
      const v = parseBoolean(m[2]);
      if (v === undefined) invalid.set(m[1], m[2]);
      else out.push(v ? `--${m[1]}` : `--no-${m[1]}`);
      continue;
    }
    out.push(arg);
  }
  return { argv: out, invalid };
}

type ScanHandler = (images: string[], opts: Record<string, string | boolean | undefined>) => Promise<number>;

/** --help headings, in this order: the input groups of src/inputs/definitions.ts, batch mode's inputs apart. */
const HELP_GROUPS = {
  image: 'Image and source:',
  clair: 'Clair:',
  data: 'Vulnerability data:',
  policy: 'Policy (what fails the scan):',
  reports: 'Reports:',
  publish: 'Publishing (GitLab CI):',
  batch: 'Batch mode (many images in one run):',
} as const;

function helpGroup(def: InputDefinition): string {
  return /^Batch mode\b/.test(def.description) ? HELP_GROUPS.batch : HELP_GROUPS[def.group];
}

/** An input's description for a terminal: no Markdown backticks; its default and environment variable. */
function helpText(def: InputDefinition): string {
  const extra = [def.default ? `default: ${def.default}` : '', `env: ${envName(def.name)}`].filter(Boolean).join(', ');
  return `${def.description.replace(/`([^`]*)`/g, '$1')} (${extra})`;
}

const HELP_BEFORE =
  'Every option can also be set in the environment as CLAIR_SCAN_<NAME> (shown as env; a flag wins), a secret also in a file named by CLAIR_SCAN_<NAME>_FILE. Booleans: --name, --no-name or --name=true|false.';

const HELP_AFTER = `
Examples:
  # scan an image from the Docker daemon; exit 1 on High or worse (the default threshold)
  clair-scan myapp:ci
  # a docker save archive, failing on Critical only
  clair-scan --fail-on critical docker-archive:app.tar
  # report only, from a registry (password in CLAIR_SCAN_REGISTRY_PASSWORD)
  clair-scan --fail=false --formats sarif,json registry:ghcr.io/org/app:1.2
  # a vulnerability-data snapshot instead of running Clair's updaters
  clair-scan --vuln-data oci://ghcr.io/org/clair-data:latest myapp:ci
  # batch mode against a shared Clair
  clair-scan --clair-url http://clair:6060 --images-file images.txt --concurrency 4
  # make a snapshot; remove what a killed run left
  clair-scan data export --updaters debian,alpine --out clair-data.json.zst
  clair-scan cleanup --run-id <id>

Exit codes:
  0  passed (also a failed policy with --fail=false: report-only)
  1  the policy failed
  2  error: bad input, Docker/Clair/PostgreSQL/registry failure, missing
     vulnerability data, a timeout (never a pass)
  Batch mode: 2 if any image errored, else 1 if any failed the policy.

Environment:
  CLAIR_SCAN_<NAME>       any option above, e.g. CLAIR_SCAN_FAIL_ON=critical
  CLAIR_SCAN_IMAGE        the images, when no argument names one
  CLAIR_SCAN_<NAME>_FILE  a secret from a file: ${INPUTS.filter((d) => d.secret && !d.actionOnly)
    .map((d) => `${envName(d.name)}_FILE`)
    .join(',\n                          ')}
  DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH
                          the Docker daemon, as the docker CLI reads them
  ${CI_PLATFORM_ENV}  ${wrap(`--ci-platform: ${PLATFORMS.map((p) => `${p.name}\u00a0=\u00a0${p.help}`).join('; ')}; auto (default) = ${autoDescription()}`, 58, 26)}

Docs: README.md, docs/policy.md, docs/vuln-data.md, docs/result-format.md
`;

/**
 * `text` in lines of at most `width` characters, each after the first indented by `indent` spaces; a no-break space
 * (U+00A0) keeps two words on one line and prints as a space.
 */
function wrap(text: string, width: number, indent: number): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.join(`\n${' '.repeat(indent)}`).replace(/\u00a0/g, ' ');
}

/** The commander program: the scan (root) and `cleanup`. `onScan` runs for the root command. */
function buildProgram(env: NodeJS.ProcessEnv, onScan: ScanHandler, setExit: (code: number) => void): Command {
  const program = new Command('clair-scan')
    .description(
      `Scan container images with an ephemeral Clair v4, gate on the findings and write reports.\n\n${HELP_BEFORE}`,
    )
    .argument(
      '[images...]',
      'images to scan: a Docker daemon name, an archive path or a registry reference; prefix docker:, archive: (docker-archive:, oci-archive:) or registry: to force the source',
    )
    // Options after a subcommand belong to it: `cleanup --docker-host X` must not set the root's --docker-host.
    .enablePositionalOptions()
    .showHelpAfterError()
    .configureOutput({ writeOut: (text) => print(text), writeErr: (text) => print(text, 'stderr') })
    // A boolean is one line, `--[no-]name`: its --no-name option is hidden.
    .configureHelp({
      optionTerm: (o) => (o.negate || !booleanFlags.has(o.long ?? '') ? o.flags : `--[no-]${o.long!.slice(2)}`),
    })
    .addHelpText('after', HELP_AFTER)
    .exitOverride();
  const order = Object.values(HELP_GROUPS) as string[];
  const booleanFlags = new Set(CLI_INPUTS.filter((d) => d.type === 'boolean').map((d) => `--${d.name}`));
  for (const def of [...CLI_INPUTS].sort((x, y) => order.indexOf(helpGroup(x)) - order.indexOf(helpGroup(y)))) {
    const group = helpGroup(def);
    if (def.type === 'boolean') {
      // No commander default: a flag not given falls back to CLAIR_SCAN_<NAME>, then to the input's default.
      program.addOption(new Option(`--${def.name}`, helpText(def)).helpGroup(group));
      program.addOption(new Option(`--no-${def.name}`, `set ${def.name} to false`).helpGroup(group).hideHelp());
    } else {
      program.addOption(new Option(`--${def.name} <value>`, helpText(def)).helpGroup(group));
    }
    if (def.secret)
      program.addOption(
        new Option(
          `--${def.name}-file <path>`,
          `read ${def.name} from this file (or ${envName(def.name)}_FILE)`,
        ).helpGroup(group),
      );
  }
  program
    .optionsGroup('Other:')
    .addOption(
      new Option(
        '--ci-platform <platform>',
        `CI platform whose conventions to follow (env: ${CI_PLATFORM_ENV}; see Environment below)`,
      ).choices(PLATFORM_CHOICES),
    )
    // Decided once, before any command logs (also a subcommand's: commander runs the root's hook for it): every
    // command's log groups follow it, the scan's publishing too (publish/platforms.ts).
    .hook('preAction', () =>
      usePlatform(resolvePlatform(program.opts<{ ciPlatform?: string }>().ciPlatform ?? env[CI_PLATFORM_ENV], env)),
    );
  program
    .optionsGroup('Other:')
    .version(TOOL_VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', "show this help (a command's: clair-scan help <command>)");
  program.action(async (images: string[], opts: Record<string, string | boolean | undefined>) =>
    setExit(await onScan(images, opts)),
  );
  program
    .command('cleanup')
    .description('remove containers and temp dirs left by a killed run (all clair-scan runs on the daemon with --all)')
    .option('--run-id <id>', 'the run id (from the log or the action state)')
    .option('--all', 'every container labelled io.clair-scan.owner=clair-scan')
    .option('--docker-host <host>', 'Docker daemon (default: CLAIR_SCAN_DOCKER_HOST, then DOCKER_HOST)')
    .action(async (o: { runId?: string; all?: boolean; dockerHost?: string }) => {
      // `clair-scan --docker-host X cleanup …` sets the root's option: honour it when cleanup's own is absent.
      const rootHost = program.opts<{ dockerHost?: string }>().dockerHost;
      setExit(
        await runCleanup({ ...o, dockerHost: o.dockerHost || rootHost || env[envName('docker-host')] || undefined }),
      );
    });
  registerDataCommands(program, env, setExit);
  return program;
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let exitCode = 0;
  usePlatform(none);
  const { argv: args, invalid } = rewriteBooleanValues(argv);
  const program = buildProgram(
    env,
    (images, opts) => runScan(images, opts, invalid, env),
    (code) => (exitCode = code),
  );
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version') return 0;
    // commander has already printed its own errors; anything else is ours.
    if (!code?.startsWith('commander.')) print(`${formatError(err)}\n`, 'stderr');
    return EXIT_ERROR;
  }
  return exitCode;
}

/**
 * The Settings a scan command line means, without scanning (for tests and tooling): the same flag,
 * file and environment handling as `runCli`. Throws ClairScanError for bad input, commander's error for bad
 * flags.
 */
export async function cliSettings(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Settings> {
  const { argv: args, invalid } = rewriteBooleanValues(argv);
  let settings: Settings | undefined;
  const program = buildProgram(
    env,
    async (images, opts) => {
      const raw = cliRawInputs(images, opts, invalid, env);
      settings = parseSettings((name) => raw.get(name));
      return 0;
    },
    () => undefined,
  );
  program.configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  await program.parseAsync(args, { from: 'user' });
  if (!settings)
    throw new ClairScanError(`not a scan command line: ${args.join(' ')}`, {
      hint: 'give image references and scan options, not a command (cleanup, data, help).',
    });
  return settings;
}

/** A secret read from a file: the file's content without its final newline. */
function readSecretFile(file: string, from: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ClairScanError(`cannot read ${from} "${file}": ${errorMessage(err)}`, {
      hint: `check the path and that this user can read the file (${from}).`,
    });
  }
  const value = text.replace(/\r?\n$/, '');
  if (!value.trim())
    throw new ClairScanError(`${from} "${file}" is empty`, {
      hint: `write the secret into the file, or leave ${from} unset.`,
    });
  return value;
}

/**
 * The raw value of every input from the flags, then the environment, and the secrets from their files.
 * Precedence: `--<name>`, `--<name>-file`, `CLAIR_SCAN_<NAME>_FILE`, `CLAIR_SCAN_<NAME>` (the file beats the
 * plain variable: the GitLab template sets CLAIR_SCAN_REGISTRY_PASSWORD to the job's password by default).
 * Every secret found is masked before anything is logged; a secret given as a flag gets a warning.
 */
export function cliRawInputs(
  images: string[],
  opts: Record<string, string | boolean | undefined>,
  invalid: Map<string, string>,
  env: NodeJS.ProcessEnv,
): Map<string, string | undefined> {
  const raw = new Map<string, string | undefined>();
  raw.set('image', images.length ? images.join('\n') : env[envName('image')]);
  for (const def of CLI_INPUTS) {
    const flag = opts[camel(def.name)];
    let value: string | undefined = typeof flag === 'boolean' ? String(flag) : flag;
    if (def.type === 'boolean' && invalid.has(def.name)) value = invalid.get(def.name);
    if (def.secret) {
      const file = opts[camel(`${def.name}-file`)];
      if (value !== undefined && typeof file === 'string') {
        throw new ClairScanError(`both --${def.name} and --${def.name}-file were given`, {
          hint: `give only --${def.name}-file <path> (or ${envName(def.name)}).`,
        });
      }
      if (value !== undefined) {
        log.mask(value);
        log.warn(
          `--${def.name} on the command line is visible to other users of this machine in the process list; pass it in ${envName(def.name)} or with --${def.name}-file <path> instead.`,
        );
      } else if (typeof file === 'string') value = readSecretFile(file, `--${def.name}-file`);
      else if (env[`${envName(def.name)}_FILE`])
        value = readSecretFile(env[`${envName(def.name)}_FILE`] as string, `${envName(def.name)}_FILE`);
    }
    value ??= env[envName(def.name)];
    if (def.secret && value) log.mask(value);
    raw.set(def.name, value);
  }
  // The platform's own variables (GitLab: CS_SEVERITY_THRESHOLD fills an empty report-severities).
  currentPlatform().adjustInputs?.(raw, env);
  return raw;
}

async function runScan(
  images: string[],
  opts: Record<string, string | boolean | undefined>,
  invalid: Map<string, string>,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  let state: RunState | undefined;
  const release = cleanupOnSignals(() => state);
  let settings: Settings | undefined;
  try {
    const raw = cliRawInputs(images, opts, invalid, env);
    // images-file or a registry:HOST/ORG/* listing: batch mode (src/batch/), its own outputs and exit codes.
    const platform = currentPlatform();
    if (isBatch((name) => raw.get(name))) {
      return await runBatchCli(
        (name) => raw.get(name),
        (s) => (state = s),
        platform.publishBatch && ((o) => platform.publishBatch!(o, env)),
      );
    }
    settings = parseSettings((name) => raw.get(name));
    // The platform's baseline lookup and base-branch policy files (GitLab: the target branch's).
    const outcome: ScanOutcome = await scan(settings, {
      onState: (s) => (state = s),
      ...(await platform.scanOptions?.(settings, env)),
    });
    // Package and vulnerability names come from the image: defused like every log line (util/log.ts).
    print(renderTable(outcome.result));
    for (const [format, file] of Object.entries(outcome.reports)) log.info(`${format} report: ${file}`);
    // Outputs for later steps (GitLab's dotenv, Jenkins' properties) and publishing (the MR note).
    await platform.publish?.(outcome, settings, env);
    return outcome.exitCode;
  } catch (err) {
    print(`${formatError(err)}\n`, 'stderr');
    return (err as { exitCode?: number }).exitCode ?? EXIT_ERROR;
  } finally {
    release();
  }
}

async function runCleanup(o: { runId?: string; all?: boolean; dockerHost?: string }): Promise<number> {
  if (!o.runId && !o.all) {
    print('error: cleanup needs --run-id <id> or --all\n', 'stderr');
    return EXIT_ERROR;
  }
  if (o.runId && o.all) {
    print('error: cleanup takes --run-id <id> or --all, not both\n', 'stderr');
    return EXIT_ERROR;
  }
  if (o.runId && !/^[a-z0-9-]+$/.test(o.runId)) {
    print(
      `error: "${o.runId}" is not a run id (lower-case letters, digits and dashes, e.g. lx3k9a2-1f2e3d4c)\n`,
      'stderr',
    );
    return EXIT_ERROR;
  }
  const r = await cleanupRun(
    o.runId ? { runId: o.runId, dockerHost: o.dockerHost, tempDirs: [] } : { allRuns: true, dockerHost: o.dockerHost },
  );
  return r.errors.length ? EXIT_ERROR : 0;
}
