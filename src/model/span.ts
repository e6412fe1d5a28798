/**
 * Positions. Every part of the model carries a half-open UTF-16 offset range
 * into the original source text; line/column are derived in one place
 * (`LineIndex`) so no rule or reporter does its own position maths.
 */
export interface Span {
  /** offset of the first UTF-16 code unit, inclusive */
  start: number;
  /** offset after the last code unit, exclusive */
  end: number;
}

/**
 * A piece of text as the model sees it (markup stripped, entities decoded)
 * and where it came from. `map` is present only when `text` is not a
 * verbatim copy of `source.slice(span.start, span.end)`: it lists runs
 * `[textOffset, sourceOffset, length]` in which the two advance together.
 */
export interface TextPart {
  text: string;
  span: Span;
  map?: Array<[number, number, number]>;
}

/** 1-based line and column, as shown to users and written to SARIF. */
export interface Position {
  line: number;
  column: number;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

/**
 * Source offset of `offset` characters into `part.text`. Offsets inside a
 * run map linearly; offsets between runs (characters produced by decoding,
 * such as an entity) map to the start of the next run.
 */
export function sourceOffset(part: TextPart, offset: number): number {
  const { map } = part;
  if (!map || map.length === 0) return part.span.start + offset;
  for (const [t, s, len] of map) {
    if (offset < t) return s;
    if (offset <= t + len) return s + (offset - t);
  }
  return part.span.end;
}

/** Span in the source for the text range [start, end) of a part. */
export function sourceSpan(part: TextPart, start: number, end: number): Span {
  return { start: sourceOffset(part, start), end: sourceOffset(part, end) };
}

/**
 * Offsets of line starts, found once per source text when a position is first asked for (an
 * article without diagnostics never needs them).
 */
export class LineIndex {
  readonly #text: string;
  /** offset of each line's first character, ascending (a typed array: one allocation, compact for the binary search) */
  #lineStarts: Int32Array | undefined;
  constructor(text: string) {
    this.#text = text;
  }

  get #starts(): Int32Array {
    this.#lineStarts ??= sharedLineStarts(this.#text);
    return this.#lineStarts;
  }

  /** 1-based line of an offset (binary search over the line starts). */
  line(offset: number): number {
    return lastAtOrBelow(this.#starts, offset) + 1;
  }

  /** 1-based line and column of an offset (columns count UTF-16 units, like ESLint). */
  position(offset: number): Position {
    const line = this.line(offset);
    return { line, column: offset - (this.#starts[line - 1] as number) + 1 };
  }

  lineStart(line: number): number {
    return this.#starts[line - 1] ?? 0;
  }

  get lineCount(): number {
    return this.#starts.length;
  }
}

/**
 * The texts last indexed and their line starts (read-only once built), a few of them: a batch task
 * lints its four files and then encodes their records, so one remembered text was indexed twice.
 */
const RECENT = 8;
const recentTexts: Array<string | undefined> = new Array(RECENT).fill(undefined);
const recentStarts: Array<Int32Array | undefined> = new Array(RECENT).fill(undefined);
let nextSlot = 0;

/**
 * `lineStarts`, remembered for the last few texts: the lint run, the JSON-LD rules and the record
 * encoder each make a LineIndex of the same article in turn, and now find its lines once.
 */
function sharedLineStarts(text: string): Int32Array {
  for (let k = 0; k < RECENT; k++) if (recentTexts[k] === text) return recentStarts[k] as Int32Array;
  const starts = lineStarts(text);
  recentTexts[nextSlot] = text;
  recentStarts[nextSlot] = starts;
  nextSlot = (nextSlot + 1) % RECENT;
  return starts;
}

/** Where `lineStarts` collects LF line starts before copying them out: grown, never shrunk. */
let scratch = new Int32Array(1024);

/** Offsets of the line starts of `text` (LF, CRLF or CR breaks). */
function lineStarts(text: string): Int32Array {
  if (text.indexOf("\r") < 0) {
    // LF only (the usual case): one indexOf pass into the scratch array, then a copy of the count
    let count = 1;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
      if (count === scratch.length) {
        const grown = new Int32Array(2 * count);
        grown.set(scratch);
        scratch = grown;
      }
      scratch[count++] = i + 1;
    }
    return scratch.slice(0, count);
  }
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return Int32Array.from(starts);
}

/** Index of the last element of an ascending, non-empty array that is ≤ value (0 when none is): a binary search. */
export function lastAtOrBelow(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sorted[mid] as number) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
