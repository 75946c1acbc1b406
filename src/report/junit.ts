/**
 * JUnit XML (format `junit`, on request) for CI systems that show test results (Jenkins' `junit` step, GitLab's
 * `artifacts:reports:junit`): a finding that fails the gate is a failed test case, the way they show failures.
 *
 * - A first suite, `clair-scan policy`, holds one test case: the verdict, failed with its reasons. A count rule
 *   (`fail-on: high>=3`) that fails the gate shows there even when no single finding is at a threshold.
 * - Then one suite per image (its ref as the name): a failed test case per finding at or above the gate (not
 *   allowlisted; with ignore-unfixed only fixable ones; with fail-on-new only new ones for the threshold) and per
 *   compliance finding not allowlisted (an enabled check fails the gate on any); none → one passing test case.
 * - classname is the image ref with dots as underscores: Jenkins splits a classname at its last dot into package/class.
 * - Untrusted text: characters XML 1.0 cannot carry (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) become
 *   U+FFFD; `& < > "` are escaped everywhere (so `]]>` is plain text) and tab/LF/CR in attributes as references.
 * Written in chunks (one per test case); validated against the Jenkins JUnit XSD in the tests.
 */
import {
  type Finding,
  type ImageResult,
  parseSeverity,
  type ScanResult,
  type Severity,
  severityRank,
} from '../findings/model';
import { allLinks, sortedVulns, writeChunksAtomic } from './common';
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

/** Element text. */
export function xmlText(s: string): string {
  return s.replace(NOT_XML, '\uFFFD').replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]);
}

/** An attribute value (in double quotes). */
export function xmlAttr(s: string): string {
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

function findingCase(classname: string, img: ImageResult, f: Finding): string {
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
  return testCase(classname, `${f.id} in ${f.package.name} ${f.package.version}`, {
    message: `${f.id} (${f.severity}) in ${f.package.name} ${f.package.version}; ${fix}`,
    type: f.severity,
    body:
      `${f.id} (${f.severity}${f.cvss ? `, CVSS ${f.cvss.score}` : ''}) in ${f.package.name} ${f.package.version}; ${fix}.\n` +
      `Image: ${img.image.ref}\n${f.description.trim() ? `\n${f.description.trim()}\n` : ''}${links.length ? `\nReferences:\n${links.map((l) => `- ${l}\n`).join('')}` : ''}`,
  });
}

function suiteOpen(name: string, tests: number, failures: number, errors = 0): string {
  return `  <testsuite name="${xmlAttr(name)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="0">\n`;
}

/** The JUnit document in chunks (one per test case). */
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
    for (const f of failing) yield findingCase(classname, img, f);
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
