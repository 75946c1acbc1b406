/**
 * The one logging seam. The CLI logs to stderr; the action swaps in @actions/core (annotations, groups,
 * masking). Modules call these functions, never console.* directly, so output stays in one place.
 *
 * Collapsible groups: `log.group(name, title, f)` runs f inside one — `::group::` through the action's logger, and on
 * the CLI's stderr whatever markers the CI platform it follows installs (`setStderrGroups`, from publish/platforms.ts:
 * GitHub's `::group::`, GitLab's sections, nothing for Jenkins or a plain terminal). Groups never nest (GitHub does
 * not support it): inside an open group, `log.group` just runs f.
 */
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

/** How a log marks a collapsible group: a CI platform's convention (publish/<platform>/platform.ts). */
export type GroupMarkers = Required<Pick<Logger, 'startGroup' | 'endGroup'>>;

const masked: string[] = [];

/**
 * Text that is safe to write to a CI job log. Log lines carry attacker-controlled text (package and vulnerability
 * names from the image, Clair's and registries' error messages), and the log is not inert:
 * - GitHub's runner executes any line that starts with `::` (after leading whitespace) as a workflow command
 *   (`::add-mask::`, `::stop-commands::`, `::error file=…::`), and the legacy `##[command]` form anywhere in a line;
 * - Azure Pipelines runs `##vso[…]` (and formats `##[…]`) anywhere in a line, TeamCity `##teamcity[…]`;
 * - terminals, GitLab's log viewer (whose collapsible sections are `ESC[0Ksection_start:…` lines) and Jenkins' ANSI
 *   colour plugin obey escape sequences and carriage returns, which can erase or overwrite the lines before them (e.g.
 *   hide a warning), and bidirectional overrides can make text read differently. Jenkins has no in-log commands.
 * All of them at once, whichever platform the CLI follows: it cannot know which runner reads its log (a job may run
 * it under a platform it does not detect). Each platform's `logCommand` (publish/platforms.ts) is held against this
 * in the unit tests.
 * So control characters other than newline and tab are shown as `\uXXXX` escapes, and a zero-width space defuses
 * `::` at a line start and every `##[`, `##vso[`, `##teamcity[`; the text still reads the same. Our own workflow commands (groups, masks,
 * annotations) are issued by @actions/core, never through here.
 */
export function defuse(text: string): string {
  return (
    text
      // C0 controls except \t and \n, DEL, C1 controls, bidi embeddings/overrides/isolates.
      .replace(
        // eslint-disable-next-line no-control-regex
        /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      )
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

/** How the CLI's stderr marks groups: set by the CI platform the CLI follows; undefined is plain text. */
let stderrGroups: GroupMarkers | undefined;

/**
 * Sets the stderr logger's group markers (publish/platforms.ts `usePlatform`), made by `make` with a raw stderr writer:
 * markers are control sequences `print` would defuse (the platform scrubs the titles it writes). Undefined: none.
 */
export function setStderrGroups(make: ((write: (text: string) => void) => GroupMarkers) | undefined): void {
  stderrGroups = make?.((text) => process.stderr.write(text));
}

const stderrLogger: Logger = {
  info: (m) => print(`${m}\n`, 'stderr'),
  warn: (m) => print(`warning: ${m}\n`, 'stderr'),
  debug: (m) => {
    if (process.env.CLAIR_SCAN_DEBUG) print(`debug: ${m}\n`, 'stderr');
  },
  mask: (s) => {
    if (s && !masked.includes(s)) masked.push(s);
  },
  startGroup: (name, title) => stderrGroups?.startGroup(name, title),
  endGroup: (name) => stderrGroups?.endGroup(name),
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
