/**
 * The one list of CI platforms the CLI can follow (publish/platform.ts says what a platform is), and the choice of
 * one: explicit (`--ci-platform`, `CLAIR_SCAN_CI_PLATFORM`; the GitLab template sets `gitlab`) or `auto`, the first
 * platform whose `detect` says yes, else `none`. Explicit because sniffing is not a contract: gitlab-ci-local sets
 * `GITLAB_CI=false` on purpose, and a job that runs the CLI in a container of its own may not pass its variables on.
 * Adding a platform: its folder publish/<name>/ with a `Platform`, and one line in PLATFORMS.
 *
 * May import: util/, the platforms' folders.
 */
import { ClairScanError } from '../util/errors';
import { setStderrGroups } from '../util/log';
import type { Env, Platform } from './platform';
import { github } from './github/platform';
import { gitlab } from './gitlab/platform';
import { jenkins } from './jenkins/platform';
import { none } from './none/platform';

export { none };

/** In this order for `auto` (first detected wins) and in --help. */
export const PLATFORMS: readonly Platform[] = [gitlab, github, jenkins, none];

/** The values of `--ci-platform`. */
export const PLATFORM_CHOICES: readonly string[] = ['auto', ...PLATFORMS.map((p) => p.name)];

/** The environment variable the CLI reads when `--ci-platform` is not given. */
export const CI_PLATFORM_ENV = 'CLAIR_SCAN_CI_PLATFORM';

/** What `auto` means, for messages and --help: "gitlab when GITLAB_CI=true, …, else none". */
export function autoDescription(): string {
  return [
    ...PLATFORMS.filter((p) => p.detectedBy).map((p) => `${p.name} when ${p.detectedBy}`),
    `else ${none.name}`,
  ].join(', ');
}

/**
 * The platform a choice means: `auto` (or unset/empty) detects it from `env`; an unknown value is bad input
 * (exit 2), never silently `none`: a template that asked for GitLab's dotenv and got nothing would fail its gate
 * with "no verdict".
 */
export function resolvePlatform(
  choice: string | undefined,
  env: Env,
  from = `--ci-platform (${CI_PLATFORM_ENV})`,
): Platform {
  const v = (choice ?? '').trim().toLowerCase();
  if (v === '' || v === 'auto') return PLATFORMS.find((p) => p.detect(env)) ?? none;
  const chosen = PLATFORMS.find((p) => p.name === v);
  if (chosen) return chosen;
  throw new ClairScanError(`${from} is "${choice}", not a CI platform`, {
    hint: `use one of ${PLATFORM_CHOICES.join(', ')} (auto: ${autoDescription()}).`,
  });
}

let current: Platform = none;

/** Follows `p` from now on (the CLI, once it has read `--ci-platform`): its log groups on stderr, its publishing. */
export function usePlatform(p: Platform): void {
  current = p;
  setStderrGroups(p.logGroups);
}

/** The platform the CLI follows: `none` until it has chosen one. */
export function currentPlatform(): Platform {
  return current;
}
