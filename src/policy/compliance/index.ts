/**
 * The compliance checks: the one list. Order is the order of their findings and of their rules in the verdict.
 */
import type { ComplianceCheck, Policy } from './check';
import { nonRootCheck } from './non-root';
import { secretsCheck } from './secrets';
import { baseImageCheck } from './base-image';
import { eolCheck } from './eol';

export type { ComplianceCheck, ComplianceContext, Policy } from './check';

export const COMPLIANCE_CHECKS: readonly ComplianceCheck[] = [nonRootCheck, secretsCheck, baseImageCheck, eolCheck];

/** The checks the policy turns on, in order. */
export function enabledChecks(policy: Policy): ComplianceCheck[] {
  return COMPLIANCE_CHECKS.filter((c) => c.enabled(policy));
}

/** The enabled checks the gate counts: the verdict's compliance rules (a `gates: false` check only reports). */
export function gatingChecks(policy: Policy): ComplianceCheck[] {
  return enabledChecks(policy).filter((c) => c.gates?.(policy) ?? true);
}

/** Whether an enabled check reads the image's layers (then a known image is exported all the same). */
export function complianceReadsLayers(policy: Policy): boolean {
  return enabledChecks(policy).some((c) => c.readsLayers);
}
