/**
 * Raw inputs of the GitHub Action: `INPUT_<NAME>` environment variables as the runner sets them (name
 * uppercased, spaces → `_`, dashes kept), read through @actions/core. Secrets are masked the moment they
 * are read, before anything could log them.
 */
import * as core from '@actions/core';
import { INPUTS } from './definitions';
import type { RawInputs } from './settings';

/** Inputs whose values must never appear in a log line (`secret: true` in the input table). */
export const SECRET_INPUTS: readonly string[] = INPUTS.filter((d) => d.secret).map((d) => d.name);

export function actionRawInputs(): RawInputs {
  for (const name of SECRET_INPUTS) {
    const value = core.getInput(name);
    if (value) core.setSecret(value);
  }
  return (name: string) => {
    const value = core.getInput(name);
    return value === '' ? undefined : value;
  };
}
