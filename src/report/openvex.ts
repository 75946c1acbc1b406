/**
 * The allowlist as an OpenVEX 0.2.0 document (format `openvex`, on request), so triage recorded here moves to other
 * tools: one `not_affected` statement per allowlisted vulnerability finding, the allowlist reason as its
 * `impact_statement`, the image as the product (a `pkg:oci` purl of the image name, no version: an allowlist entry
 * applies to every build) and the package as its subcomponent. Valid against schemas/openvex/ (tests).
 *
 * OpenVEX requires at least one statement: with nothing allowlisted the document has an empty `statements` list,
 * which other tools may reject; the log says so.
 */
import { ScanResult, VulnerabilityFinding, ImageResult } from '../findings/model';
import { allVulns, stableUuid, writeFileAtomic } from './common';
import type { ReportFormatDescriptor } from './format';
import { log } from '../util/log';

const OPENVEX_CONTEXT = 'https://openvex.dev/ns/v0.2.0';

/** The image as an OpenVEX product purl: `pkg:oci/<last name segment>?repository_url=<name>`. */
function imageProductPurl(img: ImageResult): string {
  const name = img.image.name.toLowerCase();
  const last = name.split('/').pop() || name;
  return `pkg:oci/${encodeURIComponent(last)}?repository_url=${encodeURIComponent(name)}`;
}

function statement(f: VulnerabilityFinding, img: ImageResult, timestamp: string): Record<string, unknown> {
  const a = f.allowlisted!;
  const aliases = [...new Set(f.aliases.filter((x) => x !== f.id))];
  const product = imageProductPurl(img);
  return {
    vulnerability: { name: f.id, ...(aliases.length ? { aliases } : {}) },
    timestamp,
    products: [
      {
        '@id': product,
        identifiers: { purl: product },
        subcomponents: [{ '@id': f.package.purl, identifiers: { purl: f.package.purl } }],
      },
    ],
    status: 'not_affected',
    impact_statement: a.reason,
    status_notes: `clair-scan allowlist entry ${a.source}${a.expires ? `; the entry expires after ${a.expires}` : ''}`,
  };
}

export function buildOpenVex(result: ScanResult): Record<string, unknown> {
  const timestamp = result.finishedAt;
  const seen = new Set<string>();
  const statements: Record<string, unknown>[] = [];
  // Only the allowlisted findings, in report order (the order of allVulns restricted to them: no sort of the rest).
  for (const { f, img } of allVulns(result.images, (x) => !!x.allowlisted)) {
    const key = `${img.image.name}|${f.package.purl}|${f.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    statements.push(statement(f, img, timestamp));
  }
  const id = stableUuid(
    `${result.images.map((i) => i.image.ref).join(',')}|${result.finishedAt}`,
    'clair-scan-openvex',
  );
  return {
    '@context': OPENVEX_CONTEXT,
    '@id': `urn:uuid:${id}`,
    author: 'clair-scan',
    role: 'triage (allowlist)',
    timestamp,
    version: 1,
    tooling: `clair-scan ${result.tool.version}`,
    statements,
  };
}

export function renderOpenVex(result: ScanResult): string {
  return `${JSON.stringify(buildOpenVex(result), null, 2)}\n`;
}

export const openvexFormat: ReportFormatDescriptor<'openvex'> = {
  name: 'openvex',
  fileName: 'clair-scan.openvex.json',
  contentType: 'application/json',
  output: { name: 'openvex', description: 'Path of the OpenVEX document (format `openvex`).' },
  write: (dir, result) => {
    if (!result.images.some((i) => i.vulnerabilities.some((f) => f.allowlisted))) {
      log.warn(
        'openvex: no finding is allowlisted, so the OpenVEX document has no statements (OpenVEX asks for at least one; other tools may reject it).',
      );
    }
    return writeFileAtomic(dir, openvexFormat.fileName, renderOpenVex(result));
  },
};
