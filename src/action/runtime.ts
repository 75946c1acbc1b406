/** Shared by the action's main and post steps: the state key and the @actions/core-backed logger. */
import * as core from '@actions/core';
import { setLogger } from '../../util/log';

/** core.saveState / getState key of the serialized RunState. */
export const STATE_KEY = 'clair-scan-run';

export function useActionsLogger(): void {
  setLogger({
    info: (m) => core.info(m),
    warn: (m) => core.warning(m),
    debug: (m) => core.debug(m),
    mask: (s) => core.setSecret(s),
  });
}
