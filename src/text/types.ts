import type { Lexeme } from "./lexeme.js";

/**
 * The text layer's shared result: built once per article by `analyzeText`
 * (src/text/analyze.ts) and read by every content rule. All offsets are
 * source offsets (already mapped through TextPart maps), so a rule can
 * report `{start, end}` of a word or sentence directly.
 *
 * Field names are a contract for every rule author: extend, never rename.
 * Derived facts (stems, syllables, passive voice, transition words, Flesch)
 * are not stored here; ask the helpers in src/text/*, which memoise per
 * analysis (see `memo` in src/text/memo.ts).
 */
export interface Word {
  /** source offset of the first character */
  start: number;
  /** source offset after the last character */
  end: number;
  /** as written (model text, markup stripped) */
  text: string;
  /** lower-cased, typographic apostrophes folded to ', used for matching */
  norm: string;
  /** index of the sentence this word belongs to */
  sentence: number;
  /** the norm's lexeme, shared by the whole run: facts of the word alone (syllables, stem, …), worked out once */
  lex: Lexeme;
}

export type SegmentKind = "title" | "heading" | "paragraph" | "list-item" | "faq-question" | "faq-answer";

export interface Sentence {
  /** source offsets of the trimmed sentence */
  start: number;
  end: number;
  /** the sentence as model text (trimmed) */
  text: string;
  /** index of the first word of this sentence in `TextAnalysis.words` */
  firstWord: number;
  /** number of words */
  wordCount: number;
  /** which visible part it belongs to (index in `TextAnalysis.segments`) */
  segment: number;
}

export interface Segment {
  kind: SegmentKind;
  /** index in Article.blocks for body parts, in Article.faq for FAQ parts, -1 for the title */
  index: number;
  /** heading level (headings only) */
  level?: number;
  /** list item index inside its list block (list items only) */
  item?: number;
  /** source span of the part */
  start: number;
  end: number;
  /** sentence index range [firstSentence, firstSentence + sentenceCount) */
  firstSentence: number;
  sentenceCount: number;
  /** word index range [firstWord, firstWord + wordCount) */
  firstWord: number;
  wordCount: number;
}

export interface TextAnalysis {
  /** BCP 47 primary language ("en", "es", …): from metadata, else detected */
  lang: string;
  /** where `lang` came from */
  langSource: "article" | "meta" | "detected" | "default";
  /** every word of every segment, in reading order (title first) */
  words: Word[];
  /** every sentence of every segment, in reading order; headings are one sentence each */
  sentences: Sentence[];
  /** title, then body blocks in order (lists give one segment per item), then FAQ question/answer pairs */
  segments: Segment[];
  /**
   * First body index (everything after the title) in `segments`, `sentences`
   * and `words`. Body sentences — headings included, like Yoast — are
   * `sentences.slice(body.sentence)`.
   */
  body: { segment: number; sentence: number; word: number };
}
