/** The action's outputs (every entry of OUTPUTS), computed from the scan outcome. */
import { resolve } from 'node:path';
import type { ScanOutcome } from '../../outcome';
import type { ReportFormat, Settings } from '../../inputs/settings';
import { countBySeverity, SEVERITIES, type ScanResult, type VulnerabilityFinding } from '../../findings/model';
import { totalOf } from '../../findings/delta';

/** `new-*` and `fixed-total` from the delta; empty strings when no baseline was compared. */
function deltaOutputs(result: ScanResult | undefined): Record<string, string> {
  const d = result?.delta;
  const out: Record<string, string> = { 'new-total': d ? String(totalOf(d.counts.new)) : '' };
  for (const s of [...SEVERITIES].reverse()) out[`new-${s.toLowerCase()}`] = d ? String(d.counts.new[s]) : '';
  out['fixed-total'] = d ? String(totalOf(d.counts.fixed)) : '';
  return out;
}

const REPORT_OUTPUT: Record<ReportFormat, string> = {
  sarif: 'sarif',
  gitlab: 'gitlab-report',
  markdown: 'markdown',
  html: 'html',
  json: 'json',
  cyclonedx: 'sbom',
  openvex: 'openvex',
};

function reportOutputs(reports: ScanOutcome['reports'] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [format, name] of Object.entries(REPORT_OUTPUT) as [ReportFormat, string][]) {
    const path = reports?.[format];
    out[name] = path ? resolve(path) : '';
  }
  return out;
}

export function outcomeOutputs(outcome: ScanOutcome, settings: Settings): Record<string, string> {
  const vulns: VulnerabilityFinding[] = outcome.result.images.flatMap((i) => i.vulnerabilities);
  const counts = countBySeverity(vulns);
  return {
    verdict: outcome.result.verdict?.status ?? '',
    'exit-code': String(outcome.exitCode),
    total: String(vulns.length),
    critical: String(counts.Critical),
    high: String(counts.High),
    medium: String(counts.Medium),
    low: String(counts.Low),
    negligible: String(counts.Negligible),
    unknown: String(counts.Unknown),
    fixable: String(vulns.filter((v) => v.fixable).length),
    ...deltaOutputs(outcome.result),
    'report-dir': resolve(settings.reports.outputDir),
    ...reportOutputs(outcome.reports),
  };
}

/** After an error (exit 2) there is no verdict and no counts; `exit-code` still tells a later step. */
export function errorOutputs(settings: Settings | undefined): Record<string, string> {
  return {
    verdict: '',
    'exit-code': '2',
    total: '',
    critical: '',
    high: '',
    medium: '',
    low: '',
    negligible: '',
    unknown: '',
    fixable: '',
    ...deltaOutputs(undefined),
    'report-dir': settings ? resolve(settings.reports.outputDir) : '',
    ...reportOutputs(undefined),
  };
}
