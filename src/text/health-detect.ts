import type { Article } from "../model/article.js";
import { HEALTH_VOCABULARY } from "./health-lexicon.js";
import type { TextAnalysis } from "./types.js";
import type { WordEntry } from "./word-table.js";

/**
 * Words that mark health (YMYL) content. Kept small and unambiguous on
 * purpose: the content engineers may replace this with a weighted list.
 */
const HEALTH_WORDS = new Set([
  "symptom",
  "symptoms",
  "diagnosis",
  "diagnosed",
  "treatment",
  "treatments",
  "disease",
  "diseases",
  "doctor",
  "doctors",
  "physician",
  "medication",
  "medications",
  "medicine",
  "dose",
  "dosage",
  "clinical",
  "patient",
  "patients",
  "therapy",
  "infection",
  "chronic",
  "prescription",
  "side-effects",
  "cancer",
  "diabetes",
  "blood",
  "pain",
  "vaccine",
  "pregnancy",
  "nutrition",
  "mental",
  "anxiety",
  "depression",
  "surgery",
  "health",
  ...HEALTH_VOCABULARY,
]);

const WORD = /[\p{L}-]+/gu;

/** Distinct health words needed, and their share of all words, before an article counts as health content. */
const MIN_DISTINCT = 3;
const MIN_SHARE = 0.01;

/**
 * A token's char codes, lower-cased, hashed as it is scanned: only tokens whose
 * hash is a health word's are sliced and looked up, so the scan allocates next to nothing.
 */
function hashStep(hash: number, lowerCode: number): number {
  return (Math.imul(hash, 31) + lowerCode) | 0;
}

/**
 * A bit per hash value (low 20 bits) of the health words: a token whose bit is clear is no health
 * word. A Set of the full int32 hashes would box most of them (V8's small integers have 31 bits)
 * on every lookup; a set bit only means "slice and check the word".
 */
const FILTER_BITS = 20;
const HEALTH_FILTER = new Uint8Array(1 << (FILTER_BITS - 3));
for (const w of HEALTH_WORDS) {
  let hash = 0;
  for (let i = 0; i < w.length; i++) hash = hashStep(hash, w.charCodeAt(i));
  const bit = hash & ((1 << FILTER_BITS) - 1);
  HEALTH_FILTER[bit >>> 3]! |= 1 << (bit & 7);
}

function maybeHealthWord(hash: number): boolean {
  const bit = hash & ((1 << FILTER_BITS) - 1);
  return ((HEALTH_FILTER[bit >>> 3] as number) & (1 << (bit & 7))) !== 0;
}

/** A character outside the `[\p{L}-]+` tokens (once lower-cased). */
const SEPARATOR = -1;
/** Lower-cases to more than one unit (İ) or by context (Σ), or is a surrogate half: the part goes through the regex. */
const COMPLEX = -2;
/** Non-ASCII char code → its lower-case code when it is a token character, else SEPARATOR or COMPLEX. */
const lowered = new Map<number, number>();
const TOKEN_CHAR = /^[\p{L}-]$/u;

/** ASCII char code → its lower-case token code or SEPARATOR: one load per character of the article. */
const ASCII_LOWERED = new Int16Array(128);
for (let c = 0; c < 128; c++) {
  if (c >= 65 && c <= 90) ASCII_LOWERED[c] = c + 32;
  else ASCII_LOWERED[c] = (c >= 97 && c <= 122) || c === 45 ? c : SEPARATOR;
}

function lowerTokenCode(c: number): number {
  if (c < 128) return ASCII_LOWERED[c] as number;
  let code = lowered.get(c);
  if (code === undefined) {
    const lower = String.fromCharCode(c).toLowerCase();
    if ((c >= 0xd800 && c <= 0xdfff) || c === 0x3a3 || lower.length !== 1) code = COMPLEX;
    else code = TOKEN_CHAR.test(lower) ? lower.charCodeAt(0) : SEPARATOR;
    lowered.set(c, code);
  }
  return code;
}

/** Whether char `c`, met between words, ends every `[\p{L}-]+` token (most do; "-" does not). */
export function separatesTokens(c: number): boolean {
  return lowerTokenCode(c) === SEPARATOR;
}

export interface Tally {
  hits: number;
  total: number;
  distinct: Set<string>;
}

function count(tally: Tally, token: string): void {
  tally.total++;
  if (HEALTH_WORDS.has(token)) {
    tally.hits++;
    tally.distinct.add(token);
  }
}

/**
 * Tallies the `[\p{L}-]+` tokens of the lower-cased text by a char-code scan
 * (the same tokens as the regex, without a string per token). Text with a
 * context-dependent lower case goes through the regex.
 */
function tallyPart(tally: Tally, text: string): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let code = lowerTokenCode(text.charCodeAt(i));
    if (code === COMPLEX) {
      tallyByRegex(tally, text.slice(i));
      return;
    }
    if (code === SEPARATOR) {
      i++;
      continue;
    }
    const start = i;
    let hash = hashStep(0, code);
    for (i++; i < n; i++) {
      code = lowerTokenCode(text.charCodeAt(i));
      if (code === COMPLEX) {
        tallyByRegex(tally, text.slice(start));
        return;
      }
      if (code === SEPARATOR) break;
      hash = hashStep(hash, code);
    }
    if (maybeHealthWord(hash)) count(tally, text.slice(start, i).toLowerCase());
    else tally.total++;
  }
}

function tallyByRegex(tally: Tally, text: string): void {
  for (const match of text.toLowerCase().matchAll(WORD)) count(tally, match[0]);
}

/**
 * The `[\p{L}-]+` tokens of one spelling: how many, how many are health words, which ones. Every
 * value, the two markers below included, comes from `wordHealthOf`, so a table entry's `health`
 * field keeps one shape and type from the first word on (a change of either throws V8's optimised
 * scanner away).
 */
export interface WordHealth {
  readonly tokens: number;
  readonly hits: number;
  readonly distinct: readonly string[];
  /** 1 when the spelling lower-cases by context or to more than one unit: its part needs a scan */
  readonly inContext: number;
}

function wordHealthOf(tokens: number, hits: number, distinct: readonly string[], inContext: number): WordHealth {
  return { tokens, hits, distinct, inContext };
}

/** A table entry's `health` until the first token of its spelling asks. */
export const HEALTH_UNSET: WordHealth = wordHealthOf(0, 0, [], 0);
/** The spelling's tokens depend on the text around it. */
const IN_CONTEXT: WordHealth = wordHealthOf(0, 0, [], 1);
/** The common case, shared: one token, no health word. */
const PLAIN: WordHealth = wordHealthOf(1, 0, [], 0);

/** The tokens of a spelling, or IN_CONTEXT when one of its chars lower-cases by context or to more than one unit. */
function wordHealth(raw: string): WordHealth {
  for (let i = 0; i < raw.length; i++) if (lowerTokenCode(raw.charCodeAt(i)) === COMPLEX) return IN_CONTEXT;
  const tally: Tally = { hits: 0, total: 0, distinct: new Set() };
  tallyPart(tally, raw);
  return tally.total === 1 && tally.hits === 0 ? PLAIN : wordHealthOf(tally.total, tally.hits, [...tally.distinct], 0);
}

/**
 * `HealthTally.word`'s stores, shared: a part's entries are read by `endPart` before the next part
 * (of any tally) begins.
 */
const hitScratch: WordHealth[] = [HEALTH_UNSET];

/**
 * The health tally of an article's visible parts, built by `analyzeText` as it
 * tokenises, so detection needs no scan of its own: a part's tally is the sum
 * of its words' (each spelling's worked out once per run, kept on its table
 * entry) as long as no `[\p{L}-]+` token crosses a word's edge, i.e. the chars
 * between words are all separators (`separatesTokens`; the text layer reports
 * any other by `tokenAcrossWords`). A part where one is not ("blood-", "--",
 * a letter lower-casing by context) is scanned as before.
 *
 * `word` runs for every word of every article, inside the scanner's optimised code: it has no
 * branch that only some words take (a branch first taken after optimisation deoptimises the
 * scanner), so the words with health hits are written to a list whose count only grows past them,
 * in room made before the part.
 */
export class HealthTally implements Tally {
  hits = 0;
  total = 0;
  distinct = new Set<string>();
  #partHits = 0;
  #partTotal = 0;
  /** the part's words with health hits are the first `#hitCount` entries of `hitScratch` */
  #hitCount = 0;
  /** non-zero once the part's words may not add up to its tally (`tokenAcrossWords`, IN_CONTEXT) */
  #scan = 0;

  /**
   * Opens a part of `length` chars: makes room for a store per word of it (words and the gaps
   * between them take a char each at least), so `word`'s stores stay in bounds.
   */
  beginPart(length: number): void {
    const room = (length >> 1) + 2;
    while (hitScratch.length < room) hitScratch.push(HEALTH_UNSET);
  }

  /** Counts a word of the current part (opened by `beginPart`). */
  word(entry: WordEntry): void {
    let health = entry.health;
    if (health === HEALTH_UNSET) {
      health = wordHealth(entry.raw);
      entry.health = health;
    }
    this.#scan |= health.inContext;
    this.#partTotal += health.tokens;
    this.#partHits += health.hits;
    // stored whether or not it hits; counted only when it does (the next word overwrites a miss)
    hitScratch[this.#hitCount] = health;
    this.#hitCount += health.hits > 0 ? 1 : 0;
  }

  /** Notes, when `across` is non-zero, that a char between two words of the current part ("-") may join them into one token. */
  tokenAcrossWords(across: number): void {
    this.#scan |= across;
  }

  /** Closes the current part, whose text is `text`: its words' tallies, or a scan of it when they may differ. */
  endPart(text: string): void {
    if (this.#scan === 0) {
      this.hits += this.#partHits;
      this.total += this.#partTotal;
      // index loops: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
      for (let i = 0; i < this.#hitCount; i++) {
        const distinct = (hitScratch[i] as WordHealth).distinct;
        for (let d = 0; d < distinct.length; d++) this.distinct.add(distinct[d]!);
      }
    } else tallyPart(this, text);
    this.#partHits = 0;
    this.#partTotal = 0;
    this.#hitCount = 0;
    this.#scan = 0;
  }
}

const textTallies = new WeakMap<TextAnalysis, HealthTally>();

/** Keeps the tally `analyzeText` built for `text`, for `isHealthArticle`. */
export function rememberHealthTally(text: TextAnalysis, tally: HealthTally): void {
  textTallies.set(text, tally);
}

/**
 * Whether an article reads as health content (so health rules run under `health: "auto"`).
 * `text`, the article's analysis when already built, saves the scan of the visible parts.
 */
export function isHealthArticle(article: Article, text?: TextAnalysis): boolean {
  const tally = healthTally(article, text);
  return tally.distinct.size >= MIN_DISTINCT && tally.hits / Math.max(tally.total, 1) >= MIN_SHARE;
}

/** The `[\p{L}-]+` tokens of the article's title, meta title, body and FAQ: all, health words, distinct health words. */
export function healthTally(article: Article, text?: TextAnalysis): Tally {
  // The parts were once joined by "\n" and tokenised together; a newline ends a token, so part by part is the same.
  const built = text && textTallies.get(text);
  const tally: Tally = built
    ? { hits: built.hits, total: built.total, distinct: new Set(built.distinct) }
    : visiblePartsTally(article);
  if (article.meta.title) tallyPart(tally, article.meta.title.text);
  return tally;
}

/** The tally of the title, body blocks and FAQ (the parts the text layer reads) by a scan of each. */
function visiblePartsTally(article: Article): Tally {
  const tally: Tally = { hits: 0, total: 0, distinct: new Set() };
  if (article.title) tallyPart(tally, article.title.text);
  for (const block of article.blocks) {
    if (block.kind === "list") for (const item of block.items) tallyPart(tally, item.text);
    else if (block.kind !== "image") tallyPart(tally, block.content.text);
  }
  for (const item of article.faq) {
    tallyPart(tally, item.question.text);
    tallyPart(tally, item.answer.text);
  }
  return tally;
}

/** The config's health mode for one article: "on" and "off" decide; "auto" runs detection, lazily, since it scans the text. */
export function healthEnabled(mode: "auto" | "on" | "off", article: Article | (() => boolean)): boolean {
  if (mode === "on") return true;
  if (mode === "off") return false;
  return typeof article === "function" ? article() : isHealthArticle(article);
}
