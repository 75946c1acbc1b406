/**
 * GitHub Actions as the CLI's platform (`--ci-platform github`): `::group::` lines in the log. Never detected by
 * `auto`, as before this seam: the action is how clair-scan runs on GitHub, and it publishes itself (src/main.ts,
 * index.ts: outputs, job summary, PR comment, artifact, with action-only inputs the CLI does not have).
 */
import { scrub } from '../../util/log';
import type { Platform } from '../platform';

/** A workflow command's value, escaped as @actions/core escapes it (%, CR, LF): one line, no second command. */
const commandValue = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

export const github: Platform = {
  name: 'github',
  help: '::group:: log lines',
  detect: () => false,
  // The runner reads workflow commands on stderr too.
  logGroups: (write) => ({
    startGroup: (_name, title) => write(`::group::${commandValue(scrub(title))}\n`),
    endGroup: () => write('::endgroup::\n'),
  }),
  // The runner runs a line that starts with `::` after whitespace, and the legacy `##[command]` anywhere in a line.
  logCommand: (line) => /^\s*::/.test(line) || line.includes('##['),
};
