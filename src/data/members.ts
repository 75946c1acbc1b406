/**
 * The exploit data a snapshot or a database image carries (issue 22): `data export` / `data image build` read each
 * file given (`--kev-data`, `--epss-data`, `--eol-data`) with the same parser a scan uses, so a bad file fails the
 * build, not a later scan, and its own date goes into the manifest and the labels. A scan reads the members back
 * from the verified files beside the bundle (data/snapshot.ts verifyMembers) with the same parsers.
 */
import * as fs from 'node:fs';
import { ClairScanError } from '../util/errors';
import type { KevCatalog } from './kev';
import type { EpssScores } from './epss';
import { readKev } from './kev';
import { readEpss } from './epss';
import { readEol, type EolTable } from './eol';
import { memberPathFor, type MemberName, type MemberSource, type SnapshotMembers } from './snapshot';

/** The input (and data CLI option) that names each member. */
export const MEMBER_INPUT: Record<MemberName, string> = { kev: 'kev-data', epss: 'epss-data', eol: 'eol-data' };

/** Reads a member file as a scan would, for its date and version: a bad file is an error naming the option. */
export async function describeMember(name: MemberName, file: string): Promise<MemberSource> {
  if (!fs.existsSync(file))
    throw new ClairScanError(`--${MEMBER_INPUT[name]} ${JSON.stringify(file)} does not exist`, {
      hint: `give --${MEMBER_INPUT[name]} a local file in the published format.`,
    });
  if (name === 'kev') {
    const k = await readKev(file);
    return { path: file, date: k.date, version: k.version };
  }
  if (name === 'epss') {
    const e = await readEpss(file);
    return { path: file, date: e.date, version: e.modelVersion };
  }
  const t = await readEol(file);
  return { path: file, date: t.date };
}

/** The member files given to `data export` / `data image build`, read and dated. */
export async function describeMembers(
  files: Partial<Record<MemberName, string>>,
): Promise<Partial<Record<MemberName, MemberSource>>> {
  const out: Partial<Record<MemberName, MemberSource>> = {};
  for (const [name, file] of Object.entries(files) as [MemberName, string | undefined][])
    if (file) out[name] = await describeMember(name, file);
  return out;
}

/** Exploit data read from a snapshot's member files (already verified against its manifest). */
export interface MemberData {
  kev?: KevCatalog;
  epss?: EpssScores;
  eol?: EolTable;
}

/** Reads the KEV / EPSS members of a verified snapshot at `bundlePath`. */
export async function readSnapshotMembers(bundlePath: string, members: SnapshotMembers): Promise<MemberData> {
  const out: MemberData = {};
  if (members.kev) out.kev = await readKev(memberPathFor(bundlePath, members.kev));
  if (members.epss) out.epss = await readEpss(memberPathFor(bundlePath, members.epss));
  if (members.eol) out.eol = await readEol(memberPathFor(bundlePath, members.eol));
  return out;
}
