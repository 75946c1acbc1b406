/**
 * JUnit XML (format `junit`, on request) for CI systems that show test results (Jenkins, GitLab): a finding that fails
 * the gate is a failed test case. A first suite holds the verdict (count rules fail there); then one suite per image,
 * a failed case per finding that fails the gate on its own, with its KEV / EPSS marks (or "not enriched").
 * Untrusted text is made valid XML 1.0 and escaped. Why and how in detail: docs/decisions/junit-report.md.
 */
import {
  type Finding,
  type ImageResult,
  parseSeverity,
  type ScanResult,
  type Severity,
  severityRank,
} from '../findings/model';
import { allLinks, epssText, exploitDataText, percent, sortedVulns, writeChunksAtomic } from './common';
import type { ReportFormatDescriptor, ReportGate } from './format';

export type { ReportGate };

/** Every character XML 1.0 cannot hold (with `u`, a lone surrogate is one code point outside the ranges). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const TEXT_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * Anything xmlText / xmlAttr would change: a character outside XML 1.0's BMP ranges, any surrogate (without `u`, so
 * a quick scan: valid pairs then take the full path), `&<>`; for attributes also `"` and tab / newline / return.
 * Most text (per finding, several times) has none, and the `u` regex of the full path is the slow part.
 */
const TEXT_CLEAN = /^[\t\n\r\u0020-\u0025\u0027-\u003b\u003d\u003f-\uD7FF\uE000-\uFFFD]*$/;
const ATTR_CLEAN = /^[\u0020\u0021\u0023-\u0025\u0027-\u003b\u003d\u003f-\uD7FF\uE000-\uFFFD]*$/;

/** Element text. */
export function xmlText(s: string): string {
  if (TEXT_CLEAN.test(s)) return s;
  return s.replace(NOT_XML, '\uFFFD').replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]);
}

/** An attribute value (in double quotes). */
export function xmlAttr(s: string): string {
  if (ATTR_CLEAN.test(s)) return s;
  return s.replace(NOT_XML, '\uFFFD').replace(/[&<>"\t\n\r]/g, (c) => TEXT_ESCAPES[c]);
}

/** Whether `f` fails the gate on its own (the count rules are the verdict's test case). */
function failsGate(f: Finding, gate: ReportGate | undefined): boolean {
  if (f.allowlisted) return false;
  if (f.kind === 'compliance') return true;
  if (gate?.ignoreUnfixed && !f.fixable) return false;
  const rank = severityRank(f.severity);
  const t = gate?.severityThreshold;
  if (t && rank >= severityRank(t) && (!gate.failOnNew || f.baselineState === 'new')) return true;
  const failOn = gate?.failOn ? parseSeverity(gate.failOn) : undefined;
  return !!failOn && rank >= severityRank(failOn);
}

/** The gate in words, for the passing test case's name. */
function gateText(gate: ReportGate | undefined): string {
  const parts: string[] = [];
  if (gate?.severityThreshold) parts.push(`${gate.severityThreshold}${gate.failOnNew ? ' (new)' : ''}`);
  const failOn = gate?.failOn ? parseSeverity(gate.failOn) : undefined;
  if (failOn) parts.push(failOn);
  return parts.length ? `no finding at or above ${parts.join(' or ')}` : 'no compliance finding (no severity gate)';
}

function testCase(
  classname: string,
  name: string,
  failure?: { message: string; type: Severity | 'policy'; body: string },
): string {
  const open = `    <testcase classname="${xmlAttr(classname)}" name="${xmlAttr(name)}"`;
  if (!failure) return `${open}/>\n`;
  return `${open}>\n      <failure message="${xmlAttr(failure.message)}" type="${failure.type}">${xmlText(failure.body)}</failure>\n    </testcase>\n`;
}

/** The failure text's exploit lines: the marks of the data that was applied, "not enriched" for the rest. */
function exploitText(result: ScanResult, f: Finding & { kind: 'vulnerability' }): string {
  const e = result.enrichment;
  if (!e) return 'Exploit data: not enriched (no CISA KEV or EPSS data was applied).\n';
  const x = exploitDataText(e);
  const kev = !e.kev
    ? x.kev
    : f.kev
      ? `Known exploited: in the CISA KEV catalogue (${f.kev.cve}), added ${f.kev.dateAdded}, due ${f.kev.dueDate}${f.kev.ransomware ? ', known ransomware use' : ''}`
      : `Known exploited: not in the CISA KEV catalogue ${e.kev.version}`;
  const epss = !e.epss
    ? x.epss
    : f.epss
      ? `EPSS: ${epssText(f.epss)} for ${f.epss.cve} on ${f.epss.date}`
      : `EPSS: no score on ${e.epss.date}`;
  return `${kev}.\n${epss}.\n`;
}

function findingCase(result: ScanResult, classname: string, img: ImageResult, f: Finding): string {
  if (f.kind === 'compliance') {
    const where = [f.path ? `path ${f.path}` : '', f.layer ? `layer ${f.layer}` : ''].filter(Boolean).join(', ');
    return testCase(classname, `compliance/${f.rule}${f.path ? ` at ${f.path}` : ''}`, {
      message: `${f.title} (${f.severity})`,
      type: f.severity,
      body: `${f.title}${where ? ` (${where})` : ''}\n${f.message}\nImage: ${img.image.ref}\n`,
    });
  }
  const fix = f.fixedIn ? `fixed in ${f.fixedIn}` : 'no fix available yet';
  const links = allLinks(f);
  const marks = `${f.kev ? '; known exploited (CISA KEV)' : ''}${f.epss ? `; EPSS ${percent(f.epss.score)}` : ''}`;
  return testCase(classname, `${f.id} in ${f.package.name} ${f.package.version}`, {
    message: `${f.id} (${f.severity}) in ${f.package.name} ${f.package.version}; ${fix}${marks}`,
    type: f.severity,
    body:
      `${f.id} (${f.severity}${f.cvss ? `, CVSS ${f.cvss.score}` : ''}) in ${f.package.name} ${f.package.version}; ${fix}.\n` +
      exploitText(result, f) +
      `Image: ${img.image.ref}\n${f.description.trim() ? `\n${f.description.trim()}\n` : ''}${links.length ? `\nReferences:\n${links.map((l) => `- ${l}\n`).join('')}` : ''}`,
  });
}

function suiteOpen(name: string, tests: number, failures: number, errors = 0): string {
  return `  <testsuite name="${xmlAttr(name)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="0">\n`;
}

/** The JUnit document in chunks (one per test case; writeChunksAtomic batches them). */
export function* junitChunks(result: ScanResult, gate: ReportGate | undefined): Generator<string> {
  const images = result.images.map((img) => ({
    img,
    failing: [...sortedVulns(img), ...img.compliance].filter((f) => failsGate(f, gate)),
  }));
  const verdict = result.verdict;
  const policyFails = verdict?.status === 'fail' ? 1 : 0;
  const policyErrors = verdict ? 0 : 1;
  const tests = 1 + images.reduce((n, i) => n + Math.max(1, i.failing.length), 0);
  const failures = policyFails + images.reduce((n, i) => n + i.failing.length, 0);
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="clair-scan" tests="${tests}" failures="${failures}" errors="${policyErrors}">\n`;

  yield suiteOpen('clair-scan policy', 1, policyFails, policyErrors);
  const rules = verdict?.rules.length ? verdict.rules.join('; ') : 'no rule';
  if (!verdict) {
    yield `    <testcase classname="clair-scan" name="policy">\n      <error message="no verdict" type="policy">The scan has no policy verdict.</error>\n    </testcase>\n`;
  } else {
    const name = `policy (${rules})`;
    const reasons = verdict.reasons.join('\n');
    yield testCase(
      'clair-scan',
      name,
      policyFails
        ? {
            message: verdict.reasons.join('; '),
            type: 'policy',
            body: `${reasons}\n${verdict.enforced ? '' : 'Report-only mode (fail: false): the exit code stays 0.\n'}`,
          }
        : undefined,
    );
  }
  yield '  </testsuite>\n';

  for (const { img, failing } of images) {
    const classname = img.image.ref.replace(/\./g, '_');
    yield suiteOpen(img.image.ref, Math.max(1, failing.length), failing.length);
    if (failing.length === 0) yield testCase(classname, gateText(gate));
    for (const f of failing) yield findingCase(result, classname, img, f);
    yield '  </testsuite>\n';
  }
  yield '</testsuites>\n';
}

export function renderJunit(result: ScanResult, gate: ReportGate | undefined): string {
  return [...junitChunks(result, gate)].join('');
}

export const junitFormat: ReportFormatDescriptor<'junit'> = {
  name: 'junit',
  fileName: 'clair-scan-junit.xml',
  contentType: 'application/xml',
  platformReport: { jenkins: 'junit' },
  write: async (dir, result, opts) =>
    (await writeChunksAtomic(dir, junitFormat.fileName, junitChunks(result, opts.gate))) as string,
};
