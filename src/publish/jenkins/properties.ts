/**
 * The outputs of a scan as a Java properties file, `<output-dir>/clair-scan.properties`: one `name=value` per
 * output, named as the action's outputs (action.yml), escaped by dot-properties the way java.util.Properties reads
 * them back (backslashes, control characters, a leading space; non-ASCII characters as \uXXXX), so a path can
 * never start a second property. Written atomically: a reader never sees half a file.
 */
import * as path from 'node:path';
import { stringify } from 'dot-properties';
import { writeFileAtomic } from '../../report/common';

export const PROPERTIES_FILE = 'clair-scan.properties';

export function renderProperties(outputs: Record<string, string>): string {
  // No folding of long values (lineWidth null): one line per output, easy to read with grep as well. Then every
  // non-ASCII character as \uXXXX too (dot-properties keeps Latin-1 as is): Properties.load(InputStream) reads
  // Latin-1 and load(Reader) usually UTF-8, and both must read the same. No escape sequence has a non-ASCII character.
  const text = stringify(Object.entries(outputs), { keySep: '=', lineWidth: null }).replace(
    // eslint-disable-next-line no-control-regex -- the range is everything but ASCII
    /[^\x00-\x7f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${text}\n`;
}

/** Writes the file and returns its path. */
export async function writeProperties(outputDir: string, outputs: Record<string, string>): Promise<string> {
  return writeFileAtomic(path.resolve(outputDir), PROPERTIES_FILE, renderProperties(outputs));
}
