/**
 * The focus keyphrase and where it occurs, computed once per article and
 * shared by the keyphrase rules and the SEO score. Matching follows Yoast's
 * model: the keyphrase is its content words (function words dropped, so
 * "sex causes back pain" → sex, causes, pain), each matched by word form
 * (Porter stem for English: causes/cause/causing), and a sentence counts
 * when it holds every content word, as often as the rarest one occurs.
 * A keyphrase in double quotes asks for the exact phrase instead.
 */
import type { Article } from "../../model/article.js";
import type { TextPart } from "../../model/span.js";
import { isFunctionWord } from "../../text/function-words.js";
import { stem } from "../../text/stem.js";
import type { TextAnalysis } from "../../text/types.js";
import { normWord, wordsOf } from "../../text/words.js";
import { present } from "./article-parts.js";

export interface Keyphrase {
  part: TextPart;
  /** every word, normalised */
  words: string[];
  /** the words that must match (content words; all words when every word is a function word) */
  content: string[];
  /** match keys of `content` (stems for English, the normalised word otherwise) */
  keys: string[];
  /** written in double quotes: the exact phrase is required */
  exact: boolean;
}

export interface KeyphraseFacts {
  keyphrase: Keyphrase;
  /** match key of every word of the analysis (same indexes as `text.words`) */
  wordKeys: string[];
  /** Yoast's keyphrase count over the body (headings and FAQ included) */
  count: number;
  /** body words, the density denominator */
  bodyWords: number;
}

const QUOTED = /^\s*["“”](.*)["“”]\s*$/s;

/** The key a word is matched by: its stem in English, the word itself elsewhere. */
export function matchKey(norm: string, lang: string): string {
  return lang === "en" ? stem(norm) : norm;
}

/** The article's focus keyphrase, parsed; undefined when none is set. */
export function parseKeyphrase(part: TextPart | undefined, lang: string): Keyphrase | undefined {
  const kp = present(part);
  if (!kp) return undefined;
  const quoted = QUOTED.exec(kp.text);
  const words = wordsOf(quoted ? (quoted[1] as string) : kp.text).map(normWord);
  if (words.length === 0) return undefined;
  const exact = quoted !== null;
  const contentWords = lang === "en" && !exact ? words.filter((w) => !isFunctionWord(w)) : words;
  const content = contentWords.length > 0 ? contentWords : words;
  return { part: kp, words, content, keys: content.map((w) => (exact ? w : matchKey(w, lang))), exact };
}

/**
 * How many times the keyphrase occurs in words [from, to): for each sentence
 * part, the count of its rarest content word when all are present (exact
 * phrase: the number of phrase occurrences).
 */
export function countIn(kp: Keyphrase, wordKeys: readonly string[], from: number, to: number): number {
  if (kp.exact) {
    let n = 0;
    const len = kp.keys.length;
    for (let i = from; i + len <= to; i++) {
      let j = 0;
      while (j < len && wordKeys[i + j] === kp.keys[j]) j++;
      if (j === len) n++;
    }
    return n;
  }
  const counts = new Array<number>(kp.keys.length).fill(0);
  for (let i = from; i < to; i++) {
    const key = wordKeys[i] as string;
    for (let k = 0; k < kp.keys.length; k++) if (kp.keys[k] === key) counts[k]!++;
  }
  return Math.min(...counts);
}

/** Number of distinct content words of the keyphrase present in words [from, to). */
export function contentWordsIn(kp: Keyphrase, wordKeys: readonly string[], from: number, to: number): number {
  let found = 0;
  for (let k = 0; k < kp.keys.length; k++) {
    for (let i = from; i < to; i++) {
      if (wordKeys[i] === kp.keys[k]) {
        found++;
        break;
      }
    }
  }
  return found;
}

/** Match keys of a free-standing string (meta description, slug, title), in its words' order. */
export function keysOf(text: string, kp: Keyphrase, lang: string): string[] {
  return wordsOf(text).map((w) => (kp.exact ? normWord(w) : matchKey(normWord(w), lang)));
}

const cache = new WeakMap<TextAnalysis, KeyphraseFacts | null>();

/** The keyphrase facts of an article (memoised on its text analysis); undefined without a keyphrase. */
export function keyphraseFacts(article: Article, text: TextAnalysis): KeyphraseFacts | undefined {
  const cached = cache.get(text);
  if (cached !== undefined) return cached ?? undefined;
  const keyphrase = parseKeyphrase(article.meta.focusKeyword, text.lang);
  let facts: KeyphraseFacts | null = null;
  if (keyphrase) {
    const wordKeys = text.words.map((w) => (keyphrase.exact ? w.norm : matchKey(w.norm, text.lang)));
    let count = 0;
    for (let s = text.body.sentence; s < text.sentences.length; s++) {
      const sentence = text.sentences[s]!;
      count += countIn(keyphrase, wordKeys, sentence.firstWord, sentence.firstWord + sentence.wordCount);
    }
    facts = { keyphrase, wordKeys, count, bodyWords: text.words.length - text.body.word };
  }
  cache.set(text, facts);
  return facts ?? undefined;
}

/** Yoast's density: occurrences per 100 body words. */
export function density(facts: KeyphraseFacts): number {
  return facts.bodyWords === 0 ? 0 : (facts.count / facts.bodyWords) * 100;
}

/** Yoast weighs longer keyphrases up: density × (0.7 + n/3), n = content words. */
export function weightedDensity(facts: KeyphraseFacts): number {
  return density(facts) * (0.7 + facts.keyphrase.keys.length / 3);
}
