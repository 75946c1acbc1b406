/**
 * The one logging seam. The CLI logs to stderr; the action swaps in @actions/core (annotations, groups,
 * masking). Modules call these functions, never console.* directly, so output stays in one place.
 *
 * Collapsible groups: `log.group(name, title, f)` runs f inside one — `::group::` on GitHub (the action's logger,
 * or the CLI with ci-platform `github`), a GitLab section when the CLI's ci-platform is `gitlab` (util/platform.ts),
 * nothing extra otherwise. Groups never nest (GitHub does not support it): inside an open group, `log.group` just
 * runs f.
 */
import { ciPlatform } from './platform';
export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  debug(msg: string): void;
  /** Register a secret so it is masked in every later log line. */
  mask(secret: string): void;
  /** Opens a collapsible group; `name` is a stable id (GitLab's section name), `title` what the log shows. */
  startGroup?(name: string, title: string): void;
  /** Closes the group `startGroup` opened. */
  endGroup?(name: string): void;
}

const masked: string[] = [];

/**
 * Text that is safe to write to a CI job log. Log lines carry attacker-controlled text (package and vulnerability
 * names from the image, Clair's and registries' error messages), and the log is not inert:
 * - GitHub's runner executes any line that starts with `::` (after leading whitespace) as a workflow command
 *   (`::add-mask::`, `::stop-commands::`, `::error file=…::`), and the legacy `##[command]` form anywhere in a line;
 * - Azure Pipelines runs `##vso[…]` (and formats `##[…]`) anywhere in a line, TeamCity `##teamcity[…]`;
 * - terminals, GitLab's log viewer and Jenkins' ANSI colour plugin obey escape sequences and carriage returns, which
 *   can erase or overwrite the lines before them (e.g. hide a warning), and bidirectional overrides can make text
 *   read differently.
 * So control characters other than newline and tab are shown as `\uXXXX` escapes, and a zero-width space defuses
 * `::` at a line start and every `##[`, `##vso[`, `##teamcity[`; the text still reads the same. Our own workflow commands (groups, masks,
 * annotations) are issued by @actions/core, never through here.
 */
export function defuse(text: string): string {
  return (
    text
      // C0 controls except \t and \n, DEL, C1 controls, bidi embeddings/overrides/isolates.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
      // The runner trims any Unicode whitespace before looking for `::`; \s knows the same spaces.
      .replace(/^([^\S\n]*):(?=:)/gm, '$1:\u200b')
      // GitHub's legacy `##[command]`, Azure Pipelines' `##vso[…]` / `##[section]` and TeamCity's `##teamcity[…]`:
      // each runner reads these anywhere in a line (Azure without regard to case).
      .replace(/#(?=#[a-z]*\[)/gi, '#\u200b')
  );
}

/**
 * `msg` with every registered secret replaced by `***`, defused (see `defuse`): for text written to the log
 * without the logger, e.g. errors and the findings table.
 */
export function scrub(msg: string): string {
  let out = msg;
  for (const s of masked) if (s) out = out.split(s).join('***');
  return defuse(out);
}

/**
 * The CLI's one way to print text — results on stdout (tables, summaries, digests, JSON), errors and log lines on
 * stderr: masked and defused like every log line (`scrub`), since what it prints carries registry answers, manifest
 * fields and image contents.
 */
export function print(text: string, to: 'stdout' | 'stderr' = 'stdout'): void {
  (to === 'stdout' ? process.stdout : process.stderr).write(scrub(text));
}

/**
 * GitLab CI's collapsible sections ("Custom collapsible sections" in GitLab's docs): a section_start line whose
 * text is the title, a section_end line, both marked with the Unix time (GitLab shows the section's duration).
 */
export function gitlabSections(write: (text: string) => void, now: () => number = () => Date.now()): Required<Pick<Logger, 'startGroup' | 'endGroup'>> {
  const id = (name: string): string => `clair_scan_${name.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
  const ts = (): number => Math.floor(now() / 1000);
  return {
    startGroup: (name, title) => write(`\x1b[0Ksection_start:${ts()}:${id(name)}[collapsed=true]\r\x1b[0K${scrub(title)}\n`),
    endGroup: (name) => write(`\x1b[0Ksection_end:${ts()}:${id(name)}\r\x1b[0K\n`),
  };
}

const stderrSections = gitlabSections((t) => process.stderr.write(t));

const stderrLogger: Logger = {
  info: (m) => print(`${m}\n`, 'stderr'),
  warn: (m) => print(`warning: ${m}\n`, 'stderr'),
  debug: (m) => {
    if (process.env.CLAIR_SCAN_DEBUG) print(`debug: ${m}\n`, 'stderr');
  },
  mask: (s) => {
    if (s && !masked.includes(s)) masked.push(s);
  },
  // Plain text unless the CLI follows a CI platform's conventions (util/platform.ts).
  startGroup: (name, title) => {
    const platform = ciPlatform();
    if (platform === 'gitlab') stderrSections.startGroup(name, title);
    // The runner reads workflow commands on stderr too; a command's value escapes %, CR and LF as @actions/core does.
    else if (platform === 'github') process.stderr.write(`::group::${scrub(title).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
  },
  endGroup: (name) => {
    const platform = ciPlatform();
    if (platform === 'gitlab') stderrSections.endGroup(name);
    else if (platform === 'github') process.stderr.write('::endgroup::\n');
  },
};

let current: Logger = stderrLogger;

/** Swaps the logger; returns the one it replaces (so a caller can put it back). */
export function setLogger(l: Logger): Logger {
  const previous = current;
  current = l;
  return previous;
}

/** The group open now (groups never nest), or undefined. */
let openGroup: string | undefined;

export const log: Logger & {
  /**
   * Runs f inside a collapsible group titled `title`, closed however f ends (also when it throws). Inside an
   * open group it just runs f: nested phases never nest groups.
   */
  group<T>(name: string, title: string, f: () => Promise<T>): Promise<T>;
} = {
  info: (m) => current.info(m),
  warn: (m) => current.warn(m),
  debug: (m) => current.debug(m),
  mask: (s) => {
    stderrLogger.mask(s);
    if (current !== stderrLogger) current.mask(s);
  },
  group: async (name, title, f) => {
    if (openGroup !== undefined) return f();
    // The logger that opened the group closes it, even if another was swapped in meanwhile.
    const logger = current;
    openGroup = name;
    logger.startGroup?.(name, title);
    try {
      return await f();
    } finally {
      openGroup = undefined;
      logger.endGroup?.(name);
    }
  },
};
