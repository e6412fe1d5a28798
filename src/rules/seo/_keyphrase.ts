/**
 * The article's focus keyphrase and its counts, computed once per article
 * and shared by the keyphrase rules and the SEO score. Matching itself
 * (content words, Porter stems, Yoast's per-sentence count, exact phrases in
 * double quotes) is the text layer's (src/text/keyphrase.ts); this adds what
 * only the SEO rules need: the keyphrase's source span and "how many of its
 * content words occur here" for subheadings, slugs and titles.
 */
import type { Article } from "../../model/article.js";
import type { TextPart } from "../../model/span.js";
import { type Keyphrase, matchKeyphraseInText, parseKeyphrase, wordStems } from "../../text/keyphrase.js";
import { stem } from "../../text/stem.js";
import type { TextAnalysis } from "../../text/types.js";
import { wordsOf } from "../../text/words.js";
import { bodyWordCount, present } from "./_article-parts.js";

export interface KeyphraseFacts {
  keyphrase: Keyphrase;
  /** where the keyphrase is written (the metadata field) */
  part: TextPart;
  /** match key of every word of the analysis (same indexes as `text.words`) */
  wordKeys: readonly string[];
  /** Yoast's keyphrase count over the body (headings and FAQ included) */
  count: number;
  /** body words, the density denominator */
  bodyWords: number;
}

/** Match keys of a free-standing string (slug, title), in its words' order, the way `keyphrase` matches. */
export function keysOf(text: string, keyphrase: Keyphrase, lang: string): string[] {
  const words = wordsOf(text);
  return keyphrase.exact || lang !== "en" ? words : words.map(stem);
}

/** Number of distinct required words of the keyphrase present among keys[from, to). */
export function contentWordsIn(keyphrase: Keyphrase, keys: readonly string[], from: number, to: number): number {
  let found = 0;
  for (const wanted of keyphrase.stems) {
    for (let i = from; i < to; i++) {
      if (keys[i] === wanted) {
        found++;
        break;
      }
    }
  }
  return found;
}

/**
 * The last facts made, with the text analysis and article they were made from: the keyphrase rules
 * and the SEO score ask one after another about the same article, so one slot serves them without a
 * WeakMap entry per article (entries the GC has to sweep).
 */
let lastText: TextAnalysis | undefined;
let lastArticle: Article | undefined;
let lastFacts: KeyphraseFacts | undefined;

/** The keyphrase facts of an article (the last ones are kept); undefined without a keyphrase. */
export function keyphraseFacts(article: Article, text: TextAnalysis): KeyphraseFacts | undefined {
  if (text === lastText && article === lastArticle) return lastFacts;
  const part = present(article.meta.focusKeyword);
  const keyphrase = part ? parseKeyphrase(part.text, text.lang) : undefined;
  let facts: KeyphraseFacts | null = null;
  if (part && keyphrase && keyphrase.stems.length > 0) {
    const wordKeys = keyphrase.exact ? text.words.map((w) => w.norm) : wordStems(text);
    facts = {
      keyphrase,
      part,
      wordKeys,
      count: matchKeyphraseInText(text, keyphrase).count,
      bodyWords: bodyWordCount(text),
    };
  }
  lastText = text;
  lastArticle = article;
  lastFacts = facts ?? undefined;
  return lastFacts;
}

/** Yoast's density: occurrences per 100 body words. */
export function density(facts: KeyphraseFacts): number {
  return facts.bodyWords === 0 ? 0 : (facts.count / facts.bodyWords) * 100;
}

/** Yoast weighs longer keyphrases up: density × (0.7 + n/3), n = content words. */
export function weightedDensity(facts: KeyphraseFacts): number {
  return density(facts) * (0.7 + facts.keyphrase.stems.length / 3);
}
