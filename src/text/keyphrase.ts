import { isFunctionWord } from "./function-words.js";
import type { Lexeme } from "./lexeme.js";
import { memo } from "./memo.js";
import { stem } from "./stem.js";
import type { TextAnalysis } from "./types.js";
import { wordsOf } from "./words.js";

/** A focus keyphrase as matching sees it. */
export interface Keyphrase {
  text: string;
  /** all normalised words */
  words: string[];
  /** the words that must match: content words (function words dropped, like Yoast), or all words when exact or when every word is a function word */
  required: string[];
  /** stems of `required` (equal to `required` when exact) */
  stems: string[];
  /** written in double quotes: match the exact word sequence only */
  exact: boolean;
}

/**
 * Parses a keyphrase. English drops function words and matches by Porter stem
 * ("causes" meets "cause", "causing"); other languages match exact forms
 * without dropping anything, because we have no word lists for them.
 */
export function parseKeyphrase(text: string, lang = "en"): Keyphrase {
  const trimmed = text.trim();
  const exact = /^["\u201c].*["\u201d]$/.test(trimmed) && trimmed.length > 2;
  const words = wordsOf(exact ? trimmed.slice(1, -1) : trimmed);
  const english = lang === "en";
  let required = english && !exact ? words.filter((w) => !isFunctionWord(w)) : words;
  if (required.length === 0) required = words;
  const stems = english && !exact ? required.map(stem) : required.slice();
  return { text: trimmed, words, required, stems, exact };
}

/** Stems of every word of the analysis (parallel to `words`), computed once. */
export function wordStems(text: TextAnalysis): string[] {
  return memo(text, stemAll);
}

function stemAll(text: TextAnalysis): string[] {
  const { words } = text;
  const english = text.lang === "en";
  // a loop, not `map` with a closure: a thread's first drafts run this as baseline code, a call per word there
  const out = new Array<string>(words.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    out[i] = english ? stemOf(w.lex) : w.norm;
  }
  return out;
}

/** `stem(lex.norm)`, worked out once per word of a run. */
function stemOf(lex: Lexeme): string {
  let s = lex.stem;
  if (s === undefined) {
    s = stem(lex.norm);
    lex.stem = s;
  }
  return s;
}

/**
 * Occurrences of the keyphrase in a run of word keys (stems or forms): 0 if
 * some required word is missing, else the smallest count among the required
 * words — Yoast's per-sentence rule.
 */
function occurrences(keys: readonly string[], from: number, to: number, wanted: readonly string[]): number {
  let min = Number.POSITIVE_INFINITY;
  for (const k of wanted) {
    let n = 0;
    for (let i = from; i < to; i++) if (keys[i] === k) n++;
    if (n === 0) return 0;
    if (n < min) min = n;
  }
  return min === Number.POSITIVE_INFINITY ? 0 : min;
}

/** Occurrences of the exact word sequence `wanted` in keys[from, to). */
function sequenceOccurrences(keys: readonly string[], from: number, to: number, wanted: readonly string[]): number {
  let n = 0;
  const len = wanted.length;
  for (let i = from; i + len <= to; i++) {
    let k = 0;
    while (k < len && keys[i + k] === wanted[k]) k++;
    if (k === len) n++;
  }
  return n;
}

function count(kp: Keyphrase, keys: readonly string[], from: number, to: number): number {
  return kp.exact ? sequenceOccurrences(keys, from, to, kp.stems) : occurrences(keys, from, to, kp.stems);
}

export interface KeyphraseMatches {
  /** total occurrences (sum over sentences) */
  count: number;
  /** indexes of sentences with at least one occurrence */
  sentences: number[];
}

/**
 * Keyphrase occurrences in the sentences [fromSentence, toSentence) of an
 * analysis (defaults: the body, title excluded). An occurrence is counted per
 * sentence: a sentence holding every required word (by stem) counts as many
 * times as its rarest required word appears, like Yoast's keyphrase count.
 * An exact keyphrase (in double quotes) counts its word sequence instead.
 */
export function matchKeyphraseInText(
  text: TextAnalysis,
  keyphrase: Keyphrase,
  fromSentence = text.body.sentence,
  toSentence = text.sentences.length,
): KeyphraseMatches {
  const keys = keyphrase.exact ? text.words.map((w) => w.norm) : wordStems(text);
  const out: KeyphraseMatches = { count: 0, sentences: [] };
  if (keyphrase.stems.length === 0) return out;
  for (let s = fromSentence; s < toSentence; s++) {
    const sentence = text.sentences[s];
    if (!sentence) break;
    const n = count(keyphrase, keys, sentence.firstWord, sentence.firstWord + sentence.wordCount);
    if (n > 0) {
      out.count += n;
      out.sentences.push(s);
    }
  }
  return out;
}

/**
 * Occurrences of a keyphrase in a free string (SEO title, meta description,
 * alt text), treating the string as one sentence.
 */
export function matchKeyphrase(text: string, keyphrase: string | Keyphrase, lang = "en"): number {
  const kp = typeof keyphrase === "string" ? parseKeyphrase(keyphrase, lang) : keyphrase;
  const words = wordsOf(text);
  const keys = kp.exact || lang !== "en" ? words : words.map(stem);
  return count(kp, keys, 0, keys.length);
}
