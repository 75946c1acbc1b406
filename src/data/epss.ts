/**
 * FIRST's EPSS scores (issue 22) in their published format, gzip-compressed (`epss_scores-YYYY-MM-DD.csv.gz`) or
 * plain: a first line `#model_version:v2025.03.14,score_date:2026-12-04T00:00:00+0000`, the header
 * `cve,epss,percentile`, then one row per CVE (about 300,000). Read as a stream, line by line, with the
 * decompressed size capped; the scores go into a Map (no prototype keys). A bad row is an error naming the file and
 * the line, never skipped: a skipped row would read as "no score" for that CVE.
 */
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import * as zlib from 'node:zlib';
import { Readable } from 'node:stream';
import { ClairScanError } from '../util/errors';
import { byteCap } from '../util/caps';
import { CVE_ID } from './kev';

/** The real file is about 10 MB decompressed; 256 MiB is room for ten times the CVEs. */
export const MAX_EPSS_BYTES = 256 * 2 ** 20;
/** A real line is under 40 bytes; a longer one is not EPSS data (and must not grow memory without bound). */
const MAX_LINE = 1024;

export interface EpssScore {
  /** Probability of exploitation activity in the next 30 days, 0–1. */
  score: number;
  /** Percentile of the score among all scored CVEs, 0–1. */
  percentile: number;
}

export interface EpssScores {
  /** e.g. "v2025.03.14". */
  modelVersion: string;
  /** The score date, YYYY-MM-DD. */
  date: string;
  scores: Map<string, EpssScore>;
}

const HINT =
  'give epss-data the FIRST EPSS file as published (https://epss.empiricalsecurity.com/epss_scores-current.csv.gz, gzip or plain CSV) or an unmodified mirror of it';

function bad(file: string, line: number | undefined, what: string): ClairScanError {
  return new ClairScanError(`EPSS data ${JSON.stringify(file)}${line ? ` line ${line}` : ''}: ${what}`, {
    hint: `${HINT}.`,
  });
}

const HEADER_LINE = /^#model_version:(v[0-9][0-9.]*),score_date:(\d{4}-\d{2}-\d{2})T[0-9:]+(?:[+-]\d{4}|Z)?$/;
// Plain decimals as published; exponent form (9.7e-05) accepted too, as CSV writers may use it. Range checked below.
const NUMBER = /^(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/;

function score(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : undefined;
}

/** Parses EPSS data from a stream of (already decompressed) bytes. */
export async function parseEpss(input: Readable, file: string): Promise<EpssScores> {
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let modelVersion = '';
  let date = '';
  const scores = new Map<string, EpssScore>();
  try {
    for await (const raw of rl) {
      lineNo++;
      if (raw.length > MAX_LINE) throw bad(file, lineNo, `a line of ${raw.length} characters; EPSS lines are short`);
      const line = raw.trimEnd();
      if (lineNo === 1) {
        const m = HEADER_LINE.exec(line);
        if (!m)
          throw bad(
            file,
            1,
            `expected "#model_version:vYYYY.MM.DD,score_date:YYYY-MM-DDT00:00:00+0000", found ${JSON.stringify(line.slice(0, 80))}`,
          );
        [, modelVersion, date] = m;
        continue;
      }
      if (lineNo === 2) {
        if (line !== 'cve,epss,percentile')
          throw bad(file, 2, `expected the header "cve,epss,percentile", found ${JSON.stringify(line.slice(0, 80))}`);
        continue;
      }
      if (line === '') continue;
      const cols = line.split(',');
      if (cols.length !== 3) throw bad(file, lineNo, `expected 3 columns (cve,epss,percentile), found ${cols.length}`);
      const [id, e, p] = cols;
      if (!CVE_ID.test(id)) throw bad(file, lineNo, `not a CVE id: ${JSON.stringify(id.slice(0, 80))}`);
      const s = score(e);
      const pc = score(p);
      if (s === undefined)
        throw bad(file, lineNo, `epss ${JSON.stringify(e.slice(0, 40))} is not a number between 0 and 1`);
      if (pc === undefined)
        throw bad(file, lineNo, `percentile ${JSON.stringify(p.slice(0, 40))} is not a number between 0 and 1`);
      if (scores.has(id)) throw bad(file, lineNo, `${id} is listed twice`);
      scores.set(id, { score: s, percentile: pc });
    }
  } finally {
    rl.close();
  }
  if (lineNo < 2) throw bad(file, undefined, lineNo === 0 ? 'empty' : 'no "cve,epss,percentile" header');
  return { modelVersion, date, scores };
}

/** Reads a local EPSS file, gunzipping it when it starts with the gzip magic bytes. */
export async function readEpss(file: string, maxBytes = MAX_EPSS_BYTES): Promise<EpssScores> {
  let fh: fs.promises.FileHandle;
  try {
    fh = await fs.promises.open(file, 'r');
  } catch (err) {
    throw new ClairScanError(`EPSS data ${JSON.stringify(file)} cannot be read: ${(err as Error).message}`, {
      hint: 'check the epss-data path (relative to the working directory).',
    });
  }
  let gzip: boolean;
  try {
    if (!(await fh.stat()).isFile()) throw bad(file, undefined, 'not a regular file');
    const head = Buffer.alloc(2);
    const { bytesRead } = await fh.read(head, 0, 2, 0);
    gzip = bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await fh.close();
  }
  return parseEpssSource(fs.createReadStream(file), gzip, file, maxBytes);
}

/** EPSS data already in memory (a download), gzip or plain by its first bytes. */
export function readEpssBytes(data: Buffer, file: string, maxBytes = MAX_EPSS_BYTES): Promise<EpssScores> {
  return parseEpssSource(
    Readable.from([data]),
    data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b,
    file,
    maxBytes,
  );
}

async function parseEpssSource(src: Readable, gzip: boolean, file: string, maxBytes: number): Promise<EpssScores> {
  const cap = byteCap(maxBytes, `EPSS data ${JSON.stringify(file)}`, 'give epss-data the published EPSS file');
  const stages: NodeJS.ReadableStream[] = [src];
  let out: Readable = src;
  if (gzip) {
    const gz = zlib.createGunzip();
    out = out.pipe(gz);
    stages.push(gz);
  }
  out = out.pipe(cap);
  stages.push(cap);
  // pipe() does not forward errors: the last stage carries any stage's error so the line reader sees it.
  let failure: unknown;
  for (const s of stages.slice(0, -1)) {
    s.on('error', (err) => {
      failure ??= err;
      cap.destroy(
        err instanceof ClairScanError ? err : bad(file, undefined, `cannot be read: ${(err as Error).message}`),
      );
    });
  }
  try {
    return await parseEpss(out, file);
  } catch (err) {
    const e = failure ?? err;
    if (e instanceof ClairScanError) throw e;
    throw bad(file, undefined, `cannot be read: ${(e as Error).message}`);
  } finally {
    src.destroy();
  }
}
