/**
 * GitLab CI as the CLI's platform (`--ci-platform gitlab`, which the template sets; `auto`: GITLAB_CI=true):
 * collapsed log sections, GitLab's CS_SEVERITY_THRESHOLD, the target branch's baseline and policy files, and after
 * the scan the verdict in clair-scan.env (dotenv.ts) and the sticky merge request note (index.ts).
 */
import { applyContainerScanningVariables } from '../../inputs/gitlab-cs';
import { parseSeverity, SEVERITIES, severityRank } from '../../findings/model';
import { scrub, type GroupMarkers } from '../../util/log';
import { log } from '../../util/log';
import { runPhase } from '../../util/phase';
import type { Platform } from '../platform';
import { gitlabBasePolicy } from './base-files';
import { fetchGitLabBaseline, publishGitLab, writeDotenv } from './index';

const PUBLISH_DEADLINE_MS = 5 * 60 * 1000;

/**
 * GitLab CI's collapsible sections ("Custom collapsible sections" in GitLab's docs): a section_start line whose
 * text is the title, a section_end line, both marked with the Unix time (GitLab shows the section's duration).
 */
export function gitlabSections(write: (text: string) => void, now: () => number = () => Date.now()): GroupMarkers {
  const id = (name: string): string => `clair_scan_${name.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
  const ts = (): number => Math.floor(now() / 1000);
  return {
    startGroup: (name, title) =>
      write(`\x1b[0Ksection_start:${ts()}:${id(name)}[collapsed=true]\r\x1b[0K${scrub(title)}\n`),
    endGroup: (name) => write(`\x1b[0Ksection_end:${ts()}:${id(name)}\r\x1b[0K\n`),
  };
}

export const gitlab: Platform = {
  name: 'gitlab',
  help: 'the MR note and baseline, the verdict in clair-scan.env, CS_SEVERITY_THRESHOLD fills an empty --report-severities, collapsed log sections',
  detectedBy: 'GITLAB_CI=true',
  detect: (env) => env.GITLAB_CI === 'true',
  logGroups: (write) => gitlabSections(write),
  // GitLab's log viewer opens and closes sections on these markers (name, then CR and ESC[0K), wherever they are.
  // eslint-disable-next-line no-control-regex -- the escape character is the marker
  logCommand: (line) => /section_(?:start|end):\d+:[A-Za-z0-9_.-]+(?:\[[^\]]*\])?\r\x1b\[0K/.test(line),
  adjustInputs(raw, env) {
    // GitLab's CS_* variables fill the inputs they mean when the CLAIR_SCAN_ one is empty (inputs/gitlab-cs.ts).
    applyContainerScanningVariables(raw, env);
    // GitLab's CS_SEVERITY_THRESHOLD (the lowest severity its reports show, as in GitLab's own template) fills an
    // empty report-severities: a report filter, never the gate.
    const cs = env.CS_SEVERITY_THRESHOLD?.trim();
    if (cs && !raw.get('report-severities')?.trim()) {
      const min = parseSeverity(cs);
      raw.set('report-severities', min ? SEVERITIES.filter((s) => severityRank(s) >= severityRank(min)).join(',') : cs);
    }
  },
  scanOptions: (s, env) => ({
    // The target branch's result from this job's artifacts (baseline.ts).
    fetchBaseline: (spec) =>
      fetchGitLabBaseline(spec, { outputDir: s.reports.outputDir, gitlabToken: s.publish.gitlabToken, env }),
    // The target branch's allowlist / VEX files in a merge request pipeline (base-files.ts).
    basePolicy: gitlabBasePolicy({ gitlabToken: s.publish.gitlabToken, env }),
  }),
  async publish(outcome, s, env) {
    // The verdict for the template's gate job (artifacts:reports:dotenv), then the MR note.
    log.info(`verdict for later jobs: ${await writeDotenv(outcome, s, env)}`);
    await runPhase(
      'publish',
      PUBLISH_DEADLINE_MS,
      () => publishGitLab(outcome, s, env),
      'the GitLab API stopped answering; the reports are in output-dir.',
    );
  },
};
