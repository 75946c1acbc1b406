/**
 * Which CI platform's conventions the CLI follows: the one place that decides it. `gitlab` means the verdict in
 * `clair-scan.env` (artifacts:reports:dotenv), the merge request note and baseline, CS_SEVERITY_THRESHOLD, and
 * collapsed GitLab sections in the log; `github` means GitHub's `::group::` lines in the log (the action publishes
 * for GitHub itself); `none` is plain text.
 *
 * It is chosen explicitly (`--ci-platform`, `CLAIR_SCAN_CI_PLATFORM`; the GitLab template sets `gitlab`) because
 * sniffing `GITLAB_CI` is not a contract: gitlab-ci-local sets `GITLAB_CI=false` on purpose, and a job that runs
 * the CLI in a container of its own may not pass it on. `auto` (the default) keeps the old detection:
 * `GITLAB_CI=true` is GitLab, anything else none.
 */
import { ClairScanError } from './errors';

export const CI_PLATFORMS = ['auto', 'gitlab', 'github', 'none'] as const;
export type CiPlatformChoice = (typeof CI_PLATFORMS)[number];
export type CiPlatform = Exclude<CiPlatformChoice, 'auto'>;

/** The environment variable the CLI reads when `--ci-platform` is not given. */
export const CI_PLATFORM_ENV = 'CLAIR_SCAN_CI_PLATFORM';

/**
 * The platform a choice means: `auto` (or unset/empty) detects it from `env`; an unknown value is bad input
 * (exit 2), never silently "none": a template that asked for GitLab's dotenv and got nothing would fail its gate
 * with "no verdict".
 */
export function resolveCiPlatform(choice: string | undefined, env: Record<string, string | undefined>, from = `--ci-platform (${CI_PLATFORM_ENV})`): CiPlatform {
  const v = (choice ?? '').trim().toLowerCase();
  if (v === '' || v === 'auto') return env.GITLAB_CI === 'true' ? 'gitlab' : 'none';
  if ((CI_PLATFORMS as readonly string[]).includes(v)) return v as CiPlatform;
  throw new ClairScanError(`${from} is "${choice}", not a CI platform`, {
    hint: `use one of ${CI_PLATFORMS.join(', ')} (auto: GitLab when GITLAB_CI=true, else none).`,
  });
}

let chosen: CiPlatform | undefined;

/** Set by the CLI once it has read `--ci-platform`; undefined goes back to detection. */
export function setCiPlatform(p: CiPlatform | undefined): void {
  chosen = p;
}

/**
 * The platform in force: the CLI's choice, else what `CLAIR_SCAN_CI_PLATFORM` or detection says (a bad value
 * there means `none` here: the CLI reports it as an error before anything is published).
 */
export function ciPlatform(env: Record<string, string | undefined> = process.env): CiPlatform {
  if (chosen) return chosen;
  try {
    return resolveCiPlatform(env[CI_PLATFORM_ENV], env);
  } catch {
    return 'none';
  }
}
