/**
 * A CI platform the CLI follows (`--ci-platform` / `CLAIR_SCAN_CI_PLATFORM`): what differs between GitHub, GitLab,
 * Jenkins and a plain terminal, behind one interface, so that cli.ts and util/log.ts name no platform. Each platform
 * is one folder (`publish/<name>/platform.ts` and what it needs) and one line in `publish/platforms.ts`.
 *
 * The action (src/main.ts) is GitHub's own entry point and calls publish/github/ directly: its publishing needs the
 * action-only inputs (github-token, job-summary, upload-artifact), so in the CLI `github` is its log groups only.
 */
import type { GroupMarkers } from '../util/log';
import type { Settings } from '../inputs/settings';
import type { ScanOutcome } from '../outcome';
import type { BatchOutcome } from '../batch/run';
import type { BaselineFetcher } from '../findings/delta';
import type { BasePolicyReader } from '../policy/base';

export type Env = Record<string, string | undefined>;

/** What a platform hands scan(): the baseline lookup and the base branch's policy files (src/scan.ts ScanOptions). */
export interface PlatformScanOptions {
  fetchBaseline?: BaselineFetcher;
  basePolicy?: BasePolicyReader;
}

export interface Platform {
  /** The `--ci-platform` value. */
  readonly name: string;
  /** For --help: what following it does, e.g. "::group:: log lines". */
  readonly help: string;
  /** For `auto` and --help: the environment that means this platform (e.g. `GITLAB_CI=true`); none: never detected. */
  readonly detectedBy?: string;
  /** `auto`: whether `env` is this platform's job. The first platform of the registry that says yes wins. */
  detect(env: Env): boolean;
  /** How the CLI's stderr marks a collapsible group, written with `write`; none: plain text. */
  logGroups?(write: (text: string) => void): GroupMarkers;
  /**
   * Whether this platform's runner acts on `line` of a job log (a workflow command, a section marker); none: the
   * platform has no in-log commands. Not a filter: util/log.ts `defuse` disarms every platform's commands in all
   * printed text, whichever platform is followed; the unit tests hold each `logCommand` against it.
   */
  logCommand?(line: string): boolean;
  /** The platform's own variables applied to the raw inputs before they are parsed (GitLab: CS_SEVERITY_THRESHOLD). */
  adjustInputs?(raw: Map<string, string | undefined>, env: Env): void;
  /** The baseline lookup and the base branch's policy files of a single scan. */
  scanOptions?(settings: Settings, env: Env): PlatformScanOptions | Promise<PlatformScanOptions>;
  /**
   * After a single scan reached a verdict (exit 0 or 1): the outputs later steps read (GitLab's dotenv, Jenkins'
   * properties file) and publishing (the merge request note). Throws only if an output could not be written (exit 2):
   * a failing comment or note is a warning.
   */
  publish?(outcome: ScanOutcome, settings: Settings, env: Env): Promise<void>;
  /** The same after a batch (batch/run.ts). */
  publishBatch?(outcome: BatchOutcome, env: Env): Promise<void>;
}
