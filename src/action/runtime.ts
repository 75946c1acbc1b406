/**
 * The GitHub Action's runtime, shared by its main and post steps (src/main.ts, src/post.ts): the state key the
 * run state is saved under between them, and the @actions/core-backed logger. Not a publisher: publish/github/
 * holds what the action posts after a scan.
 *
 * May import: util/ and @actions/core only.
 */
import * as core from '@actions/core';
import { defuse, setLogger } from '../util/log';

/** core.saveState / getState key of the serialized RunState. */
export const STATE_KEY = 'clair-scan-run';

export function useActionsLogger(): void {
  setLogger({
    // core.info writes the text as it is: a line of it starting with `::` would be run as a workflow command.
    info: (m) => core.info(defuse(m)),
    warn: (m) => core.warning(defuse(m)),
    debug: (m) => core.debug(defuse(m)),
    mask: (s) => core.setSecret(s),
    // ::group::title … ::endgroup:: on stdout (the runner does not nest groups; log.group never asks it to).
    startGroup: (_name, title) => core.startGroup(title),
    endGroup: () => core.endGroup(),
  });
}
