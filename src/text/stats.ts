import type { Article } from "../model/article.js";
import { fleschReadingEase } from "./flesch.js";
import { matchKeyphraseInText, parseKeyphrase } from "./keyphrase.js";
import { passiveSentences } from "./passive.js";
import { transitionSentences } from "./transition-words.js";
import type { TextAnalysis } from "./types.js";

/**
 * Per-article figures for `check --format json` and the compare script. They
 * use the readability rules' default thresholds (Yoast's): a sentence is long
 * over 20 words, a paragraph over 150. Body = everything but the title;
 * headings and FAQ questions count as sentences, as in Yoast.
 */
export interface ArticleStats {
  /** body words */
  words: number;
  /** body sentences, headings included */
  sentences: number;
  /** Yoast-style keyphrase count in the body; null without a focus keyphrase */
  keyphraseCount: number | null;
  /** keyphraseCount / words · 100, two decimals (plain density, without Yoast's length factor); null without a keyphrase */
  keyphraseDensity: number | null;
  /** null for non-English text or an empty body */
  fleschReadingEase: number | null;
  /** percent of sentences over 20 words, one decimal */
  longSentencePercent: number;
  /** paragraphs and FAQ answers over 150 words */
  longParagraphCount: number;
  /** percent of passive sentences, one decimal; null for non-English text */
  passivePercent: number | null;
  /** percent of sentences with a transition word, one decimal; null for non-English text */
  transitionPercent: number | null;
  /** Yoast's estimate: ceil(words / 238 + 12 s per image), at least 1 for any text */
  readingTimeMinutes: number;
}

const LONG_SENTENCE_WORDS = 20;
const LONG_PARAGRAPH_WORDS = 150;
/** Adult silent reading speed for English non-fiction (Brysbaert 2019), as Yoast uses. */
const WORDS_PER_MINUTE = 238;
const SECONDS_PER_IMAGE = 12;

function pct(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

export function computeStats(article: Article, text: TextAnalysis): ArticleStats {
  const words = text.words.length - text.body.word;
  const first = text.body.sentence;
  const sentences = text.sentences.length - first;
  const english = text.lang === "en";

  let long = 0;
  for (let i = first; i < text.sentences.length; i++) {
    if ((text.sentences[i]?.wordCount ?? 0) > LONG_SENTENCE_WORDS) long++;
  }
  let longParagraphs = 0;
  for (const seg of text.segments) {
    if ((seg.kind === "paragraph" || seg.kind === "faq-answer") && seg.wordCount > LONG_PARAGRAPH_WORDS)
      longParagraphs++;
  }
  const countFlags = (flags: readonly boolean[]) => {
    let n = 0;
    for (let i = first; i < flags.length; i++) if (flags[i]) n++;
    return n;
  };

  const kp = article.meta.focusKeyword?.text.trim();
  const keyphraseCount = kp ? matchKeyphraseInText(text, parseKeyphrase(kp, text.lang)).count : null;
  const images = article.blocks.filter((b) => b.kind === "image").length;
  const minutes = words / WORDS_PER_MINUTE + (images * SECONDS_PER_IMAGE) / 60;

  return {
    words,
    sentences,
    keyphraseCount,
    keyphraseDensity:
      keyphraseCount === null ? null : words === 0 ? 0 : Math.round((keyphraseCount / words) * 10000) / 100,
    fleschReadingEase: english ? (fleschReadingEase(text)?.score ?? null) : null,
    longSentencePercent: pct(long, sentences),
    longParagraphCount: longParagraphs,
    passivePercent: english ? pct(countFlags(passiveSentences(text)), sentences) : null,
    transitionPercent: english ? pct(countFlags(transitionSentences(text)), sentences) : null,
    readingTimeMinutes: words === 0 ? 0 : Math.max(1, Math.ceil(minutes)),
  };
}
