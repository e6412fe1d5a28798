/**
 * The pointer table of a block whose pre-pass text is valid JSON, in one linear scan: no
 * syntax tree, and source offsets read in ascending order through the pre-pass map. It gives
 * what `collectPointers` gives over jsonc-parser's tree of the same text: the same keys, in
 * the same order (pre-order, `#key` before its value), with the same spans.
 *
 * `findPointer` answers for one pointer what the table would hold, walking only along the
 * pointer's path and skipping everything else: most blocks are asked for a handful of spans
 * (one per diagnostic), far fewer than the table's entry per value.
 */
import type { Span } from "../model/span.js";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** JSON Pointer escaping (RFC 6901), without a regex pass when there is nothing to escape. */
function token(key: string): string {
  if (!key.includes("~") && !key.includes("/")) return key;
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Offset just after the closing quote of the string whose opening quote is at `open`. */
function stringEnd(text: string, open: number): number {
  let q = text.indexOf('"', open + 1);
  for (;;) {
    // a quote after an odd run of backslashes is escaped: look for the next one
    let b = q;
    while (text.charCodeAt(b - 1) === BACKSLASH) b--;
    if ((q - b) % 2 === 0) return q + 1;
    q = text.indexOf('"', q + 1);
  }
}

/** Offset just after the scalar (number, true, false, null) that starts at `i`. */
function scalarEnd(text: string, i: number): number {
  while (i < text.length) {
    const d = text.charCodeAt(i);
    if (d === 0x2c || d === 0x7d || d === 0x5d || isSpace(d)) break;
    i++;
  }
  return i;
}

/** Offset just after the value that starts at `i` (no space before it), nothing recorded. */
function valueEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return stringEnd(text, i);
  if (c !== 0x7b && c !== 0x5b) return scalarEnd(text, i);
  let depth = 0;
  for (;;) {
    const d = text.charCodeAt(i);
    if (d === QUOTE) {
      i = stringEnd(text, i);
      continue;
    }
    i++;
    if (d === 0x7b || d === 0x5b) depth++;
    else if ((d === 0x7d || d === 0x5d) && --depth === 0) return i;
  }
}

/**
 * Reads object keys in one forward pass, remembering where the next backslash is: asking
 * `indexOf("\\")` afresh for every key would scan to the end of a text that has none, once per key.
 */
class KeyReader {
  readonly #text: string;
  /** the first backslash after `#from` (infinite when there is none) */
  #slash = -1;
  #from = 0;
  constructor(text: string) {
    this.#text = text;
  }

  /** The key whose quoted text spans [open, end), unescaped. */
  key(open: number, end: number): string {
    const text = this.#text;
    // a key behind the last search, or past the backslash found: search again from it
    if (open < this.#from || this.#slash <= open) {
      const at = text.indexOf("\\", open + 1);
      this.#slash = at < 0 ? Number.POSITIVE_INFINITY : at;
      this.#from = open;
    }
    return this.#slash < end ? (JSON.parse(text.slice(open, end)) as string) : text.slice(open + 1, end - 1);
  }
}

/**
 * Fills `out` with the pointers of the JSON value that starts `text` (valid JSON, or the result
 * is unspecified). `source` maps a text offset to a source offset and must be asked in ascending
 * order, which the scan does.
 */
export function scanPointers(text: string, source: (offset: number) => number, out: Record<string, Span>): void {
  const keys = new KeyReader(text);
  let i = 0;
  const value = (pointer: string): void => {
    i = skipSpace(text, i);
    const span: Span = { start: source(i), end: 0 };
    out[pointer] = span;
    const c = text.charCodeAt(i);
    if (c === 0x7b) {
      i = skipSpace(text, i + 1);
      while (text.charCodeAt(i) !== 0x7d) {
        const keyStart = i;
        i = stringEnd(text, i);
        const p = `${pointer}/${token(keys.key(keyStart, i))}`;
        out[`${p}#key`] = { start: source(keyStart), end: source(i - 1) + 1 };
        i = skipSpace(text, i) + 1; // :
        value(p);
        i = skipSpace(text, i);
        if (text.charCodeAt(i) === 0x2c) i = skipSpace(text, i + 1);
      }
      i++;
    } else if (c === 0x5b) {
      i = skipSpace(text, i + 1);
      for (let k = 0; text.charCodeAt(i) !== 0x5d; k++) {
        value(`${pointer}/${k}`);
        i = skipSpace(text, i);
        if (text.charCodeAt(i) === 0x2c) i++;
        i = skipSpace(text, i);
      }
      i++;
    } else i = c === QUOTE ? stringEnd(text, i) : scalarEnd(text, i);
    span.end = source(i - 1) + 1;
  };
  value("");
}

/**
 * What `scanPointers` would store under one pointer, given as its reference tokens (escaped, as
 * in the pointer) and whether the `#key` entry of the last one is meant. Undefined when the table
 * would have no such entry; null when a key on the way contains "#", where only the table can
 * tell a `#key` entry from a key that spells one. Like the table, a key written twice answers
 * with the last occurrence that has the pointer. `source` as for `scanPointers`; `from` is
 * where the value the path starts from begins.
 */
export function findPointer(
  text: string,
  source: (offset: number) => number,
  path: readonly string[],
  key: boolean,
  from = 0,
): Span | undefined | null {
  if (key && path.length === 0) return undefined; // the root has no key
  const keys = new KeyReader(text);
  let i = from;
  let unsure = false;
  const skip = () => {
    i = valueEnd(text, skipSpace(text, i));
  };
  const find = (depth: number): Span | undefined => {
    i = skipSpace(text, i);
    if (depth === path.length) {
      const start = source(i);
      i = valueEnd(text, i);
      return { start, end: source(i - 1) + 1 };
    }
    const wanted = path[depth];
    const keyOfLast = key && depth === path.length - 1;
    let found: Span | undefined;
    const c = text.charCodeAt(i);
    if (c === 0x7b) {
      i = skipSpace(text, i + 1);
      while (text.charCodeAt(i) !== 0x7d) {
        const keyStart = i;
        i = stringEnd(text, i);
        const name = keys.key(keyStart, i);
        if (name.includes("#")) {
          unsure = true;
          return undefined;
        }
        const keyEnd = i;
        i = skipSpace(text, i) + 1; // :
        // every member is read to its end: a key written again later overrides this one
        if (token(name) !== wanted) skip();
        else if (keyOfLast) {
          found = { start: source(keyStart), end: source(keyEnd - 1) + 1 };
          skip();
        } else {
          found = find(depth + 1) ?? found;
          if (unsure) return undefined;
        }
        i = skipSpace(text, i);
        if (text.charCodeAt(i) === 0x2c) i = skipSpace(text, i + 1);
      }
      i++;
    } else if (c === 0x5b) {
      i = skipSpace(text, i + 1);
      for (let k = 0; text.charCodeAt(i) !== 0x5d; k++) {
        // array items have no `#key` entries
        if (keyOfLast || String(k) !== wanted) skip();
        else {
          found = find(depth + 1);
          if (unsure) return undefined;
        }
        i = skipSpace(text, i);
        if (text.charCodeAt(i) === 0x2c) i++;
        i = skipSpace(text, i);
      }
      i++;
    } else i = valueEnd(text, i);
    return found;
  };
  const span = find(0);
  return unsure ? null : span;
}

/** Where a member of an object is written: its key's quotes and its value (text offsets). */
interface Member {
  keyStart: number;
  keyEnd: number;
  value: number;
  /** just after the value: the scan found it, so a lookup that ends here need not scan the value again */
  valueEnd: number;
}

/**
 * The members of the object or the items of the array at `at` (text offsets; an array's as start,
 * end pairs), from one shallow scan; null when `findPointer` must walk there instead: a key written twice (the table then
 * mixes occurrences) or a key containing "#".
 */
function membersAt(text: string, keys: KeyReader, at: number): Map<string, Member> | number[] | null | undefined {
  let i = at;
  const c = text.charCodeAt(i);
  if (c === 0x5b) {
    const items: number[] = [];
    i = skipSpace(text, i + 1);
    while (text.charCodeAt(i) !== 0x5d) {
      const end = valueEnd(text, i);
      items.push(i, end);
      i = skipSpace(text, end);
      if (text.charCodeAt(i) === 0x2c) i = skipSpace(text, i + 1);
    }
    return items;
  }
  if (c !== 0x7b) return undefined;
  const members = new Map<string, Member>();
  i = skipSpace(text, i + 1);
  while (text.charCodeAt(i) !== 0x7d) {
    const keyStart = i;
    i = stringEnd(text, i);
    const name = keys.key(keyStart, i);
    const t = token(name);
    if (name.includes("#") || members.has(t)) return null;
    const keyEnd = i;
    i = skipSpace(text, skipSpace(text, i) + 1); // :
    const end = valueEnd(text, i);
    members.set(t, { keyStart, keyEnd, value: i, valueEnd: end });
    i = skipSpace(text, end);
    if (text.charCodeAt(i) === 0x2c) i = skipSpace(text, i + 1);
  }
  return members;
}

/**
 * `findPointer` for many pointers of one text: each object or array on a path is scanned once
 * (shallowly) and remembered, so a lookup reads only the value it answers with.
 */
export class PointerFinder {
  readonly #text: string;
  readonly #source: () => (offset: number) => number;
  readonly #keys: KeyReader;
  readonly #members = new Map<number, Map<string, Member> | number[] | null | undefined>();

  /** `source` gives a fresh reader of source offsets (asked in ascending order, as for `scanPointers`). */
  constructor(text: string, source: () => (offset: number) => number) {
    this.#text = text;
    this.#source = source;
    this.#keys = new KeyReader(text);
  }

  /** What `findPointer(text, source, path, key)` answers. */
  find(path: readonly string[], key: boolean): Span | undefined | null {
    if (key && path.length === 0) return undefined;
    const text = this.#text;
    let at = skipSpace(text, 0);
    // the end of the value at `at` when a scan of its parent found it, else -1
    let end = -1;
    for (let d = 0; d < path.length; d++) {
      let members = this.#members.get(at);
      if (members === undefined && !this.#members.has(at)) {
        members = membersAt(text, this.#keys, at);
        this.#members.set(at, members);
      }
      if (members === null) return findPointer(text, this.#source(), path.slice(d), key, at);
      if (members === undefined) return undefined;
      const last = d === path.length - 1;
      const wanted = path[d] as string;
      if (Array.isArray(members)) {
        const k = Number(wanted);
        // "1.5" names no item (and 2 × 1.5 would read an end)
        const item = (key && last) || !Number.isInteger(k) ? undefined : members[2 * k];
        if (item === undefined || String(k) !== wanted) return undefined;
        at = item;
        end = members[2 * k + 1] as number;
        continue;
      }
      const member = members.get(wanted);
      if (!member) return undefined;
      if (key && last) {
        const source = this.#source();
        return { start: source(member.keyStart), end: source(member.keyEnd - 1) + 1 };
      }
      at = member.value;
      end = member.valueEnd;
    }
    const source = this.#source();
    const start = source(at);
    return { start, end: source((end < 0 ? valueEnd(text, at) : end) - 1) + 1 };
  }
}
