/**
 * The typographic pre-pass: turns JSON written with “curly” delimiters into
 * strict JSON without touching the prose inside strings, and remembers where
 * every output character came from so parsed values map back to the draft.
 *
 * Rules (measured on LLM drafts, see docs/readers.md):
 * - outside a string, `"`, `“` or `”` opens a string and is written as `"`;
 * - inside a string, `“` … `”` pairs are inner quotes and are kept as they are;
 * - a quote closes the string only when no inner quote is open and what follows
 *   is `}` `]`, the end, or `,`/`:` followed by something that starts a key or value;
 * - other straight `"` inside a string become `\"`; raw control characters are escaped.
 */

const LEFT = 0x201c; // “
const RIGHT = 0x201d; // ”
const STRAIGHT = 0x22; // "

/**
 * Source offset of each character of the pre-pass text, kept as runs instead of
 * one number per character: a run is either copied verbatim (offsets advance
 * together) or emitted (every character of it maps to one source offset).
 */
export class OffsetMap {
  /** per run: text offset, source offset, 1 when copied verbatim (0 when emitted) */
  readonly #runs: number[] = [];
  /** the text length; `at(length)` is the source end */
  #length = 0;

  /** @internal appends `length` characters copied from `source` */
  copied(source: number, length: number): void {
    this.#runs.push(this.#length, source, 1);
    this.#length += length;
  }

  /** @internal appends `length` characters written for the one at `source` */
  emitted(source: number, length: number): void {
    this.#runs.push(this.#length, source, 0);
    this.#length += length;
  }

  /** @internal the source end, the offset `at(length)` answers */
  close(end: number): void {
    this.#runs.push(this.#length, end, 0);
  }

  /** Source offset of the text character at `offset` (undefined outside `0..length`). */
  at(offset: number): number | undefined {
    if (offset < 0 || offset > this.#length) return undefined;
    this.#table ??= this.#expand();
    return this.#table[offset];
  }

  /**
   * A reader of source offsets for text offsets asked in ascending order (a linear scan): it walks
   * the runs forward instead of searching them or filling a table.
   */
  ascending(): (offset: number) => number {
    const runs = this.#runs;
    let r = 0;
    return (offset) => {
      while (r + 3 < runs.length && (runs[r + 3] as number) <= offset) r += 3;
      const source = runs[r + 1] as number;
      return runs[r + 2] === 1 ? source + (offset - (runs[r] as number)) : source;
    };
  }

  /** one source offset per text character, filled from the runs when first asked */
  #table: Int32Array | undefined;

  #expand(): Int32Array {
    const runs = this.#runs;
    const table = new Int32Array(this.#length + 1);
    for (let r = 0; r < runs.length; r += 3) {
      const from = runs[r] as number;
      const to = r + 3 < runs.length ? (runs[r + 3] as number) : this.#length + 1;
      const source = runs[r + 1] as number;
      const step = runs[r + 2] as number;
      for (let k = from; k < to; k++) table[k] = source + step * (k - from);
    }
    return table;
  }
}

export interface PrepassResult {
  /** the rewritten JSON text */
  text: string;
  /** source offset of each character of `text`; `map.at(text.length)` is the source end */
  map: OffsetMap;
  /** source offset just after the top-level value (or `limit` when it never closed) */
  end: number;
  /** the top-level value did not close before `limit` */
  truncated: boolean;
  /** brackets nested deeper than the limit: scanning stopped */
  tooDeep: boolean;
  /** quotes that were rewritten (curly delimiters, escaped stray quotes) */
  changed: number;
  /**
   * The first rewrite was one valid JSON never needs (a curly quote opening a string, a stray
   * straight quote, a raw control character): up to it the pre-pass read the text exactly as a
   * JSON parser does, so the raw text cannot be strict JSON and need not be parsed to learn that.
   */
  notStrict: boolean;
}

function isQuote(c: number): boolean {
  return c === STRAIGHT || c === LEFT || c === RIGHT;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Can a key or value start at `j`? (used after `,` and `:`) */
function startsValue(src: string, j: number): boolean {
  const c = src.charCodeAt(j);
  if (c === 0x74) return src.startsWith("true", j);
  if (c === 0x66) return src.startsWith("false", j);
  if (c === 0x6e) return src.startsWith("null", j);
  return (
    isQuote(c) ||
    c === 0x7b || // {
    c === 0x5b || // [
    c === 0x2d || // -
    (c >= 0x30 && c <= 0x39) ||
    c === 0x7d || // } after a trailing comma
    c === 0x5d
  );
}

/** Does the quote at `i` close the string, judging by what follows it? */
function closesString(src: string, i: number, limit: number): boolean {
  let j = i + 1;
  while (j < limit && isSpace(src.charCodeAt(j))) j++;
  if (j >= limit) return true;
  const c = src.charCodeAt(j);
  if (c === 0x7d || c === 0x5d) return true; // } ]
  if (c === 0x2c || c === 0x3a) {
    j++;
    while (j < limit && isSpace(src.charCodeAt(j))) j++;
    return j >= limit || startsValue(src, j);
  }
  return false;
}

/**
 * Rewrites the JSON value starting at `start` (a `{` or `[`) and stops after it
 * closes, or at `limit`. `maxNesting` bounds bracket depth so hostile input
 * (20,000 nested brackets) is refused quickly instead of overflowing a parser.
 */
export function prepass(src: string, start: number, limit: number, maxNesting: number): PrepassResult {
  const out: string[] = [];
  const map = new OffsetMap();
  let depth = 0;
  let changed = 0;
  let i = start;
  let inString = false;
  let inner = 0; // open inner “ quotes inside the current string
  let runStart = i; // start of a run of characters copied verbatim
  let rewrites = 0; // rewrites so far (quotes and control characters)
  let notStrict = false;
  /** notes a rewrite; `invalid` when strict JSON could not contain what was rewritten */
  const rewrite = (invalid: boolean) => {
    if (rewrites++ === 0) notStrict = invalid;
  };
  const flush = (to: number) => {
    if (to > runStart) {
      out.push(src.slice(runStart, to));
      map.copied(runStart, to - runStart);
    }
  };
  const emit = (text: string, at: number) => {
    out.push(text);
    map.emitted(at, text.length);
  };
  while (i < limit) {
    const c = src.charCodeAt(i);
    if (!inString) {
      if (isQuote(c)) {
        // a straight quote stays in the verbatim run: written as it is, its offset maps the same
        if (c !== STRAIGHT) {
          flush(i);
          changed++;
          rewrite(true);
          emit('"', i);
          runStart = i + 1;
        }
        inString = true;
        inner = 0;
      } else if (c === 0x7b || c === 0x5b) {
        depth++;
        if (depth > maxNesting) {
          flush(i);
          return { text: out.join(""), map, end: i, truncated: true, tooDeep: true, changed, notStrict };
        }
      } else if (c === 0x7d || c === 0x5d) {
        depth--;
        if (depth <= 0) {
          i++;
          flush(i);
          map.close(i);
          return { text: out.join(""), map, end: i, truncated: false, tooDeep: false, changed, notStrict };
        }
      }
      i++;
      continue;
    }
    // inside a string
    if (c === 0x5c) {
      // keep an escape and the character it escapes
      i += 2;
      continue;
    }
    if (isQuote(c)) {
      if (inner > 0 && c === RIGHT) {
        inner--;
      } else if (c === LEFT && !closesString(src, i, limit)) {
        inner++;
      } else if (inner === 0 && closesString(src, i, limit)) {
        if (c !== STRAIGHT) {
          flush(i);
          changed++;
          rewrite(false); // valid JSON may hold this quote as text; the pre-pass ends the string here
          emit('"', i);
          runStart = i + 1;
        }
        inString = false;
      } else if (c === STRAIGHT) {
        flush(i);
        changed++;
        // with no inner quote open, JSON would end the string here and then fail; inside “…” it may not
        rewrite(inner === 0);
        emit('\\"', i);
        runStart = i + 1;
      }
      // an unmatched typographic quote inside the value is prose: keep it
      i++;
      continue;
    }
    if (c < 0x20) {
      flush(i);
      rewrite(true);
      emit(c === 0x0a ? "\\n" : c === 0x0d ? "\\r" : c === 0x09 ? "\\t" : `\\u${c.toString(16).padStart(4, "0")}`, i);
      runStart = i + 1;
    }
    i++;
  }
  if (i > limit) i = limit;
  flush(i);
  map.close(i);
  return { text: out.join(""), map, end: i, truncated: true, tooDeep: false, changed, notStrict };
}
