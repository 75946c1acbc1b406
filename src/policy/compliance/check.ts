/**
 * What a compliance check is: one object (its file under compliance/) in the one list of index.ts. The gate, the
 * verdict's rule names, batch mode's summary and the scan's export choice all read the check from there, so adding a
 * check is its file, its line in that list, and its input row (`check: true` in inputs/definitions.ts), which
 * settings.ts parses into `Settings.policy` under its camelCase name (`check-non-root` → `policy.checkNonRoot`).
 */
import type { ComplianceFinding, Distribution } from '../../findings/model';
import type { EolTable } from '../../data/eol';
import type { ResolvedImage } from '../../image/types';
import type { RegistryAuth } from '../../image/registry';
import type { Settings } from '../../inputs/settings';
import type { CheckInput } from '../../inputs/definitions';

export type Policy = Settings['policy'];

/** What a check may use besides the image. */
export interface ComplianceContext {
  /** Opens another image (the base image of required-base-image). */
  resolveImage(ref: string): Promise<ResolvedImage>;
  /** Registry credentials, bound to hosts as for the scanned images. */
  registry?: RegistryAuth;
  /** Informational lines said in every report (e.g. what the secrets check could not content-scan). */
  notes?: string[];
  /** The OS releases in Clair's index report of the image (a check that needs only these reads no layer). */
  distributions?: readonly Distribution[];
  /** The end-of-life table (eol-data, data/eol.ts) when the run loaded one. */
  eol?: EolTable;
}

export interface ComplianceCheck {
  /** Its inputs (rows with `check: true`); each such input belongs to exactly one check (a unit test holds it). */
  inputs: readonly CheckInput['name'][];
  /** Whether the policy turns it on (its input). */
  enabled(policy: Policy): boolean;
  /** The rule as the verdict, its reasons and batch mode's summary name it (e.g. `check-non-root`). */
  label(policy: Policy): string;
  /** Whether a finding's rule id (`ComplianceFinding.rule`, what allowlists match) is this check's. */
  owns(rule: string): boolean;
  /** False: its findings are reported, neither counted nor a rule of the gate (check-eol: warn). Default true. */
  gates?(policy: Policy): boolean;
  /** It reads the image's layers: an image Clair already indexed must still be exported for it. */
  readsLayers: boolean;
  /** Checks its inputs before anything starts (a bad value fails in a second); also called when disabled. */
  validate?(policy: Policy): void;
  /** Runs the check on one image (only when enabled). */
  run(image: ResolvedImage, policy: Policy, ctx: ComplianceContext): Promise<ComplianceFinding[]>;
}
