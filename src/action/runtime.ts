/**
 * The GitHub Action's runtime, shared by its main and post steps (src/main.ts, src/post.ts): the state key the
 * run state is saved under between them, and the @actions/core-backed logger. Not a publisher: publish/github/
 * holds what the action posts after a scan.
 *
 * May import: util/ and @actions/core only.
 */
import * as core from '@actions/core';
import { setLogger } from '../util/log';

/** core.saveState / getState key of the serialized RunState. */
export const STATE_KEY = 'clair-scan-run';

export function useActionsLogger(): void {
  setLogger({
    info: (m) => core.info(m),
    warn: (m) => core.warning(m),
    debug: (m) => core.debug(m),
    mask: (s) => core.setSecret(s),
    // ::group::title … ::endgroup:: on stdout (the runner does not nest groups; log.group never asks it to).
    startGroup: (_name, title) => core.startGroup(title),
    endGroup: () => core.endGroup(),
  });
}
