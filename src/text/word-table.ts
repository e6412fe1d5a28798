import { HEALTH_UNSET, type WordHealth } from "./health-detect.js";
import { type Lexeme, lexemeOf } from "./lexeme.js";
import { normWord } from "./words.js";

/**
 * One distinct word as written, shared by every article of a run: the text
 * layer hands each word token this entry's `raw` and `norm` strings instead
 * of slicing and lower-casing the word again, so a token costs no string
 * allocation once its word has been seen, and rules that look norms up in
 * maps and sets get the same string object (cached hash, identity compare).
 */
export interface WordEntry {
  /** the word as written */
  readonly raw: string;
  /** `normWord(raw)`, one string object per distinct norm */
  readonly norm: string;
  /** the norm's shared facts (syllables, stem, …) */
  readonly lex: Lexeme;
  /** the spelling's health-word tokens (src/text/health-detect.ts), HEALTH_UNSET until asked */
  health: WordHealth;
  /** low 30 bits of the chars' FNV-1a hash */
  readonly hash: number;
  next: WordEntry | undefined;
}

const BUCKET_BITS = 16;
const MASK = (1 << BUCKET_BITS) - 1;
/** A run over unusual text must not grow the table without bound: past this, start over. */
export const WORD_TABLE_LIMIT = 100_000;
/** Strings this long may be V8 slices that keep the whole article alive; the table stores copies. */
const SLICE_MIN = 13;

const buckets: Array<WordEntry | undefined> = new Array(1 << BUCKET_BITS).fill(undefined);
let size = 0;

function sameChars(raw: string, text: string, start: number): boolean {
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** Chars per `String.fromCharCode` call: a spread of a whole pasted blob would overflow the stack. */
const COPY_CHUNK = 8192;

/** A standalone copy of text[start, end) that references no larger string. */
function ownCopy(text: string, start: number, end: number): string {
  if (end - start < SLICE_MIN) return text.slice(start, end);
  let copy = "";
  for (let at = start; at < end; at += COPY_CHUNK) {
    const stop = Math.min(end, at + COPY_CHUNK);
    const codes: number[] = [];
    for (let i = at; i < stop; i++) codes.push(text.charCodeAt(i));
    copy += String.fromCharCode(...codes);
  }
  return copy;
}

/** FNV-1a over the char codes of text[start, end) (what `wordEnd` computes while it scans). */
export function charsHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * The shared entry for the word text[start, end) (a non-empty range) whose `charsHash` is `h`:
 * found without first slicing the word out.
 */
export function internWord(text: string, start: number, end: number, h = charsHash(text, start, end)): WordEntry {
  const bucket = (h ^ (h >>> BUCKET_BITS)) & MASK;
  // 30 bits fit V8's small integers: stored and compared without boxing
  const key = h & 0x3fffffff;
  const length = end - start;
  let e = buckets[bucket];
  while (e !== undefined) {
    // loaded before the compare, so on every lookup: a load first reached after V8 optimised the
    // scanner (on the first bucket collision) would throw that code away
    const next = e.next;
    if (e.hash === key && e.raw.length === length && sameChars(e.raw, text, start)) return e;
    e = next;
  }
  return addWord(text, start, end, key, bucket);
}

/** A table miss, kept out of `internWord` (inlined into the scanner) since a warm run rarely takes it. */
function addWord(text: string, start: number, end: number, key: number, bucket: number): WordEntry {
  if (size >= WORD_TABLE_LIMIT) {
    buckets.fill(undefined);
    size = 0;
  }
  const raw = ownCopy(text, start, end);
  const lex = lexemeOf(normWord(raw));
  const entry: WordEntry = { raw, norm: lex.norm, lex, health: HEALTH_UNSET, hash: key, next: buckets[bucket] };
  buckets[bucket] = entry;
  size++;
  return entry;
}

/** How many spellings the table holds (for the bound's test). */
export function wordTableSize(): number {
  return size;
}
