/** The action's outputs (every entry of OUTPUTS), computed from the scan or batch outcome. */
import { resolve } from 'node:path';
import type { ScanOutcome } from '../../outcome';
import type { BatchOutcome } from '../../batch/run';
import type { Settings } from '../../inputs/settings';
import { REPORT_OUTPUTS } from '../../report';
import { countBySeverity, SEVERITIES, type ScanResult, type VulnerabilityFinding } from '../../findings/model';
import { totalOf } from '../../findings/delta';
import { formatPlatform } from '../../image/platform';

/** `new-*` and `fixed-total` from the delta; empty strings when no baseline was compared. */
function deltaOutputs(result: ScanResult | undefined): Record<string, string> {
  const d = result?.delta;
  const out: Record<string, string> = { 'new-total': d ? String(totalOf(d.counts.new)) : '' };
  for (const s of [...SEVERITIES].reverse()) out[`new-${s.toLowerCase()}`] = d ? String(d.counts.new[s]) : '';
  out['fixed-total'] = d ? String(totalOf(d.counts.fixed)) : '';
  return out;
}

function reportOutputs(reports: ScanOutcome['reports'] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { format, name } of REPORT_OUTPUTS) {
    const path = reports?.[format];
    out[name] = path ? resolve(path) : '';
  }
  return out;
}

/** `platforms`: with `platform: all` each result's platform (in scan order, once each), with one platform that one; else ''. */
function platformsOutput(result: ScanResult, settings: Settings): string {
  if (!settings.platform) return '';
  if (settings.platform !== 'all') return formatPlatform(settings.platform);
  return [...new Set(result.images.map((i) => i.image.platform).filter((p): p is string => !!p))].join(',');
}

/** Batch mode's own outputs; empty strings for a single scan or an error. */
function batchOnlyOutputs(o: BatchOutcome | undefined): Record<string, string> {
  const t = o?.summary.totals;
  return {
    images: t ? String(t.images) : '',
    'images-passed': t ? String(t.passed) : '',
    'images-failed': t ? String(t.failed) : '',
    'images-errored': t ? String(t.errored) : '',
    'vulnerable-list': o ? resolve(o.files.vulnerableList) : '',
    'batch-summary': o ? resolve(o.files.summary) : '',
  };
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
    platforms: platformsOutput(outcome.result, settings),
    'report-dir': resolve(settings.reports.outputDir),
    ...reportOutputs(outcome.reports),
    ...batchOnlyOutputs(undefined),
  };
}

/**
 * After a batch: the counts summed over the images that have a result, the verdict `fail` when any image failed the
 * policy, else `pass` only when every image passed (an errored image has no verdict: empty), the batch's files.
 * No single report, no baseline: those outputs are empty (each image's reports are under report-dir/images/).
 */
export function batchOutputs(o: BatchOutcome): Record<string, string> {
  const t = o.summary.totals;
  const sum = (k: 'total' | 'fixable' | (typeof SEVERITIES)[number]): string =>
    String(o.summary.images.reduce((n, e) => n + (e.counts?.[k] ?? 0), 0));
  return {
    verdict: t.failed > 0 ? 'fail' : t.errored > 0 ? '' : 'pass',
    'exit-code': String(o.exitCode),
    total: sum('total'),
    critical: sum('Critical'),
    high: sum('High'),
    medium: sum('Medium'),
    low: sum('Low'),
    negligible: sum('Negligible'),
    unknown: sum('Unknown'),
    fixable: sum('fixable'),
    ...deltaOutputs(undefined),
    platforms: '',
    'report-dir': resolve(o.settings.reports.outputDir),
    ...reportOutputs(undefined),
    ...batchOnlyOutputs(o),
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
    platforms: '',
    'report-dir': settings ? resolve(settings.reports.outputDir) : '',
    ...reportOutputs(undefined),
    ...batchOnlyOutputs(undefined),
  };
}
