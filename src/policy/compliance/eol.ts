/**
 * check-eol (issue 22): an image whose OS release is past its end of life, by the eol-data table (data/eol.ts).
 * The release is the distribution in Clair's index report (os-release ID / VERSION_ID), so no layer is read. The
 * finding says what matters most: an EOL release gets no security data, so no new findings means no data, not a
 * clean image. `warn` (the default) reports it, `fail` gates on it; no table is a note with warn, exit 2 with fail.
 */
import type { ComplianceFinding, Distribution } from '../../findings/model';
import type { EolCycle, EolTable } from '../../data/eol';
import { ClairScanError } from '../../util/errors';
import type { ComplianceCheck, Policy } from './check';

export const EOL_RULE = 'eol';
/** The note of check-eol: warn without a table (every report says the OS was not checked, never nothing). */
export const EOL_NOT_CHECKED_NOTE =
  'End of life not checked (no eol-data): give eol-data an end-of-life table to check the OS release.';
export const EOL_MODES = ['off', 'warn', 'fail'] as const;
export type EolMode = (typeof EOL_MODES)[number];

/**
 * os-release `ID` (Clair's distribution `did`) → the endoflife.date products that may hold it: the current
 * permalink first, then older names the site still answers to (alpine-linux was alpine).
 */
const PRODUCTS_BY_ID: ReadonlyMap<string, readonly string[]> = new Map([
  ['debian', ['debian']],
  ['ubuntu', ['ubuntu']],
  ['alpine', ['alpine-linux', 'alpine', 'alpinelinux']],
  ['rhel', ['rhel', 'redhat']],
  ['centos', ['centos']],
  ['rocky', ['rocky-linux', 'rocky', 'rockylinux']],
  ['almalinux', ['almalinux', 'alma-linux', 'alma']],
  ['amzn', ['amazon-linux']],
  ['ol', ['oracle-linux', 'oraclelinux']],
  ['sles', ['sles']],
  ['opensuse-leap', ['opensuse', 'opensuseleap']],
  ['fedora', ['fedora']],
  ['photon', ['photon', 'vmware-photon']],
]);

/** The fields of a distribution (findings/model.ts Distribution, from os-release) the lookup reads. */
export interface EolDistribution {
  did: string;
  name?: string;
  version?: string;
  versionId: string;
  prettyName?: string;
}

export interface EolMatch {
  product: string;
  release: EolCycle;
}

/** The cycle of `version` in `cycles`: the longest whose name is `version` or a prefix of it ending at a '.'. */
export function matchCycle(cycles: readonly EolCycle[], version: string): EolCycle | undefined {
  let best: EolCycle | undefined;
  for (const c of cycles) {
    if (version === c.cycle || version.startsWith(`${c.cycle}.`))
      if (!best || c.cycle.length > best.cycle.length) best = c;
  }
  return best;
}

/**
 * The versions to look up, most precise first: SLES's service pack ("15 SP2" → 15.2), VERSION_ID, then the number
 * VERSION starts with (Clair leaves Alpine's VERSION_ID empty and puts "3.19" in VERSION).
 */
function versionsOf(d: EolDistribution): string[] {
  const out = [d.versionId.trim(), /^\d+(?:\.\d+)*/.exec((d.version ?? '').trim())?.[0] ?? ''];
  if (d.did === 'sles') {
    const sp = /\b(\d+)[\s-]*SP(\d+)\b/i.exec(`${d.version ?? ''} ${d.prettyName ?? ''}`);
    if (sp) out.unshift(`${sp[1]}.${sp[2]}`);
  }
  return out.filter((v) => v !== '');
}

/** The table's product and release of a distribution; undefined when the table does not list it. */
export function findEolRelease(table: EolTable, d: EolDistribution): EolMatch | undefined {
  const id = d.did.trim().toLowerCase();
  // CentOS Stream says ID=centos too; its name tells it from CentOS Linux.
  const names =
    id === 'centos' && /stream/i.test(`${d.name ?? ''} ${d.prettyName ?? ''}`)
      ? ['centos-stream']
      : (PRODUCTS_BY_ID.get(id) ?? []);
  // The first of the product's names the table has is the one that speaks for it.
  const product = names.find((n) => table.products.has(n));
  if (!product) return undefined;
  const cycles = table.products.get(product) ?? [];
  for (const v of versionsOf(d)) {
    const release = matchCycle(cycles, v);
    if (release) return { product, release };
  }
  return undefined;
}

/** Whether a release is past its end of life on `today` (YYYY-MM-DD): eol true, or an eol date on or before it. */
export function isEndOfLife(release: EolCycle, today: string): boolean {
  return release.eol === true || (typeof release.eol === 'string' && release.eol <= today);
}

/**
 * The check-eol input's value (its row's default is warn; a policy written by hand without it is off, as for the
 * other checks). An unknown value is refused by validate before anything starts.
 */
export function eolMode(policy: Policy): EolMode {
  const v = (policy.checkEol ?? 'off').trim().toLowerCase();
  return (EOL_MODES as readonly string[]).includes(v) ? (v as EolMode) : 'off';
}

const NO_DATA_HINT =
  'give eol-data an end-of-life table (endoflife.date API arrays in one JSON document, docs/policy.md "check-eol") or use vulnerability data that carries one, or set check-eol: warn (a note instead) or off.';

/**
 * check-eol: fail with no table (neither eol-data nor a member of the vulnerability data) could never fire: exit 2,
 * called by the run once its data is loaded and before any image is scanned.
 */
export function requireEolTable(policy: Policy, table: EolTable | undefined): void {
  if (eolMode(policy) === 'fail' && !table)
    throw new ClairScanError(
      'check-eol: fail needs an end-of-life table, but no eol-data was given and the vulnerability data carries none',
      { hint: NO_DATA_HINT },
    );
}

/** os-release text is the image's, a table's source a mirror's: one line, bounded (reports escape it further). */
const clean = (t: string): string => t.replace(/\s+/g, ' ').trim().slice(0, 120);

function osName(d: Distribution): string {
  const pretty = clean(d.prettyName);
  if (!pretty) return clean(`${d.name || d.did} ${d.versionId || d.version}`);
  // Photon's pretty name carries no release ("VMware Photon OS/Linux"): add it when the name has no number.
  return d.versionId && !/\d/.test(pretty) ? `${pretty} ${clean(d.versionId)}` : pretty;
}

/** The EOL findings and notes of one image's distributions (as Clair reported them) against `table` on `today`. */
export function checkEndOfLife(
  imageName: string,
  distributions: readonly Distribution[],
  table: EolTable,
  today: string,
): { findings: ComplianceFinding[]; notes: string[] } {
  const findings: ComplianceFinding[] = [];
  const notes: string[] = [];
  const tableText = `the end-of-life table of ${table.date} (${clean(table.source)})`;
  if (distributions.length === 0)
    notes.push('End of life not checked: Clair recognised no OS release in the image (no os-release).');
  const seen = new Set<string>();
  for (const d of distributions) {
    const os = osName(d);
    if (seen.has(`${d.did}|${d.versionId}|${d.version}`)) continue;
    seen.add(`${d.did}|${d.versionId}|${d.version}`);
    const m = findEolRelease(table, d);
    if (!m) {
      notes.push(
        `End of life not checked for ${os} (ID ${JSON.stringify(d.did.slice(0, 80))}, VERSION_ID ${JSON.stringify(d.versionId.slice(0, 80))}): ${tableText} does not list this release.`,
      );
      continue;
    }
    if (!isEndOfLife(m.release, today)) continue;
    const rel = `${m.product} ${m.release.cycle}${m.release.codename ? ` (${m.release.codename})` : ''}`;
    const when = m.release.eol === true ? 'is past its end of life' : `reached its end of life on ${m.release.eol}`;
    findings.push({
      kind: 'compliance',
      key: `${imageName}|${EOL_RULE}|${m.product}|${m.release.cycle}`,
      rule: EOL_RULE,
      title: `End-of-life OS: ${os}`,
      message:
        // What no data means comes first: reports that cut long messages (Markdown: 300 characters) keep it.
        `${os} (release ${rel}) ${when}: it gets no security updates and no new vulnerability data, so no new findings means no data, not a clean image. ` +
        'Rebuild the image on a supported release of the OS, or allowlist rule "eol" for this image with a reason. ' +
        `Source: ${tableText}.`,
      severity: 'High',
    });
  }
  return { findings, notes };
}

export const eolCheck: ComplianceCheck = {
  inputs: ['check-eol', 'eol-data'],
  enabled: (p) => eolMode(p) !== 'off',
  label: () => 'check-eol',
  owns: (rule) => rule === EOL_RULE,
  gates: (p) => eolMode(p) === 'fail',
  readsLayers: false,
  validate(p) {
    const raw = (p.checkEol ?? 'off').trim().toLowerCase();
    if (!(EOL_MODES as readonly string[]).includes(raw))
      throw new ClairScanError(`check-eol: ${JSON.stringify(raw.slice(0, 40))} is not one of off, warn, fail`, {
        hint: 'set check-eol to off, warn (report an end-of-life OS) or fail (also fail the gate on it).',
      });
  },
  run: async (image, policy, ctx) => {
    if (!ctx.eol) {
      // requireEolTable refused this for fail before any image; kept so no path gates on a check that could not run.
      if (eolMode(policy) === 'fail')
        throw new ClairScanError('check-eol: fail, but no end-of-life table was loaded', { hint: NO_DATA_HINT });
      ctx.notes?.push(EOL_NOT_CHECKED_NOTE);
      return [];
    }
    const { findings, notes } = checkEndOfLife(
      image.info.name,
      ctx.distributions ?? [],
      ctx.eol,
      new Date().toISOString().slice(0, 10),
    );
    ctx.notes?.push(...notes);
    return findings;
  },
};
