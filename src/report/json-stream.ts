/**
 * Streaming JSON: `jsonChunks(value, space)` yields the exact text of `JSON.stringify(value, null, space)` in
 * pieces, so the big reports (JSON, SARIF, CycloneDX, GitLab) are written without ever holding the whole
 * document as one string. It walks plain arrays, and plain objects that hold a long array, down to `maxDepth`
 * levels, objects marked with `streamed()` and `LazyArray`s (whose items are produced only while writing);
 * everything else is stringified whole (array items a batch at a time), so the per-item cost stays that of
 * JSON.stringify itself.
 *
 * Reads nothing but its argument (no imports).
 */

/** An array whose items are produced while the JSON is written (serialized like an array of those items). */
export class LazyArray<T = unknown> {
  /**
   * `compactItems`, when given, yields each item's compact JSON text (exactly `JSON.stringify(item)`): written
   * as they are when the document is compact (space 0), so no item object is built or walked there.
   */
  constructor(
    readonly items: () => Iterable<T>,
    readonly compactItems?: () => Iterable<string>,
  ) {}
  /** The items as a real array (for callers that want the whole object tree). */
  toJSON(): T[] {
    return [...this.items()];
  }
}

const STREAMED = new WeakSet<object>();

/** Mark `obj` so that `jsonChunks` descends into it whatever its depth (it holds a LazyArray below). */
export function streamed<T extends object>(obj: T): T {
  STREAMED.add(obj);
  return obj;
}

/** Arrays longer than this make the object holding them worth walking (else it is one JSON.stringify). */
const BIG_ARRAY = 32;

/**
 * Whether `v` at `depth` is walked rather than stringified whole: LazyArrays and marked objects always; else
 * plain arrays above `maxDepth`, and plain objects above it that hold a long array or something walked.
 */
function walks(v: unknown, depth: number, maxDepth: number): boolean {
  if (v instanceof LazyArray) return true;
  if (!isPlain(v)) return false;
  if (STREAMED.has(v)) return true;
  if (depth >= maxDepth) return false;
  if (Array.isArray(v) || depth === 0) return true;
  for (const key in v) {
    const c = (v as Record<string, unknown>)[key];
    if (
      c instanceof LazyArray ||
      (Array.isArray(c) && c.length > BIG_ARRAY) ||
      (typeof c === 'object' && c !== null && STREAMED.has(c))
    )
      return true;
  }
  return false;
}

function isPlain(v: unknown): v is Record<string, unknown> | unknown[] {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/**
 * The JSON text of `value` in chunks, byte for byte `JSON.stringify(value, null, space)` (space 0 or 2).
 * `maxDepth`: how many levels of plain objects/arrays are walked before a subtree is stringified at once.
 */
export function* jsonChunks(value: unknown, space: 0 | 2, maxDepth = 3): Generator<string> {
  yield* chunks(value, space, 0, maxDepth, false);
}

function leaf(v: unknown, space: 0 | 2, depth: number): string | undefined {
  const s = JSON.stringify(v, null, space);
  if (s === undefined || space === 0 || depth === 0 || s.indexOf('\n') < 0) return s;
  return s.replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

const BATCH = 200;

/**
 * The text of `items` as they stand inside an array at `depth`: JSON.stringify of the batch wrapped in `depth`
 * single-item arrays (so that it indents them as at that depth), without the brackets around them.
 */
function arrayItemsText(items: unknown[], space: 0 | 2, depth: number): string {
  let w: unknown = items;
  for (let i = 0; i < depth; i++) w = [w];
  const s = JSON.stringify(w, null, space);
  if (!space) return s.slice(depth + 1, s.length - depth - 1);
  // Opening: "[\n" + indent(k + 1) for k = 0..depth; closing: "\n" + indent(k) + "]" for k = depth..0.
  let open = 0;
  let closeLen = 0;
  for (let k = 0; k <= depth; k++) {
    open += 2 + 2 * (k + 1);
    closeLen += 2 + 2 * k;
  }
  return s.slice(open, s.length - closeLen);
}

function* chunks(v: unknown, space: 0 | 2, depth: number, maxDepth: number, inArray: boolean): Generator<string> {
  const lazy = v instanceof LazyArray;
  if (lazy && !space && (v as LazyArray).compactItems) {
    // Items given as their compact text: joined BATCH at a time.
    let out = '[';
    let n = 0;
    for (const s of (v as LazyArray).compactItems!()) {
      out += n === 0 ? s : `,${s}`;
      if (++n % BATCH === 0) {
        yield out;
        out = '';
      }
    }
    yield `${out}]`;
    return;
  }
  if (!walks(v, depth, maxDepth)) {
    const s = leaf(v, space, depth);
    yield s === undefined ? (inArray ? 'null' : '') : s;
    return;
  }
  const nl = space ? `\n${'  '.repeat(depth + 1)}` : '';
  const close = space ? `\n${'  '.repeat(depth)}` : '';
  if (lazy || Array.isArray(v)) {
    const items: Iterable<unknown> = lazy ? (v as LazyArray).items() : (v as unknown[]);
    // Items that are not walked are stringified BATCH at a time (one JSON.stringify call, no re-indenting).
    let first = true;
    let batch: unknown[] = [];
    for (const item of items) {
      if (walks(item, depth + 1, maxDepth)) {
        if (batch.length) {
          yield `${first ? '[' : ','}${nl}${arrayItemsText(batch, space, depth)}`;
          first = false;
          batch = [];
        }
        yield first ? `[${nl}` : `,${nl}`;
        first = false;
        yield* chunks(item, space, depth + 1, maxDepth, true);
      } else {
        batch.push(item);
        if (batch.length >= BATCH) {
          yield `${first ? '[' : ','}${nl}${arrayItemsText(batch, space, depth)}`;
          first = false;
          batch = [];
        }
      }
    }
    if (batch.length) {
      yield `${first ? '[' : ','}${nl}${arrayItemsText(batch, space, depth)}`;
      first = false;
    }
    yield first ? '[]' : `${close}]`;
    return;
  }
  const obj = v as Record<string, unknown>;
  const sep = space ? '": ' : '":';
  let first = true;
  for (const key of Object.keys(obj)) {
    const child = obj[key];
    if (child === undefined || typeof child === 'function' || typeof child === 'symbol') continue;
    const descend = walks(child, depth + 1, maxDepth);
    const text = descend ? '' : leaf(child, space, depth + 1);
    if (text === undefined) continue; // a toJSON() that gives undefined: left out, as JSON.stringify does
    const open = `${first ? '{' : ','}${nl}${JSON.stringify(key).slice(0, -1)}${sep}`;
    first = false;
    if (descend) {
      yield open;
      yield* chunks(child, space, depth + 1, maxDepth, false);
    } else {
      yield open + text;
    }
  }
  yield first ? '{}' : `${close}}`;
}

/** The whole text (small documents, tests). */
export function jsonText(value: unknown, space: 0 | 2, maxDepth = 3): string {
  let s = '';
  for (const c of jsonChunks(value, space, maxDepth)) s += c;
  return s;
}
