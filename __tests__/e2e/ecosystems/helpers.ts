/** Bundles for the ecosystem e2e tests (scripts/fixtures/FIXTURES.md, "Ecosystems"). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../scan/helpers';

export const BUNDLE_ECOSYSTEMS = path.join(REPO, '.testenv/fixtures/vulns-ecosystems.jsonl');
export const REPO2CPE = path.join(REPO, 'scripts/fixtures/rhel-repo2cpe.json');

interface Converter {
  loadSource(text: string, file?: string): unknown;
  buildBundleLines(data: unknown, opts?: { exclude?: string[]; only?: string[]; bundles?: string[] }): string[];
}
const conv = require(path.join(REPO, 'scripts/fixtures/make-vuln-bundle.js')) as Converter;

/** Writes a bundle of the fixture data (default: every importable ecosystem) into a new temp dir; returns its path. */
export function writeBundle(opts: { exclude?: string[]; only?: string[]; bundles?: string[] }, dirs: string[]): string {
  const source = path.join(REPO, 'scripts/fixtures/vulns.yaml');
  const lines = conv.buildBundleLines(conv.loadSource(fs.readFileSync(source, 'utf8'), source), { bundles: ['core', 'ecosystems'], ...opts });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-eco-'));
  dirs.push(dir);
  const file = path.join(dir, 'bundle.jsonl');
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/**
 * The gobin image's findings from the fixture's Go records (FIXTURES.md), as findingLines writes them. Not
 * reported: CVE-2099-4004 (stdlib fixed in 1.25.3 < 1.26.8), CVE-2099-4005 (x/text 0.4.0–0.5.0 only).
 */
export const GOBIN_FINDINGS: readonly string[] = [
  'CVE-2099-4001 golang.org/x/text v0.3.5 High 0.3.8',
  'CVE-2099-4002 github.com/google/uuid v1.1.0 Medium 1.1.1',
  'CVE-2099-4003 stdlib 1.26.8 Critical 1.26.9',
  'CVE-2099-4006 github.com/google/uuid v1.1.0 Low -',
];
