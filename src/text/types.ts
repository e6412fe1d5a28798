/**
 * The text layer's shared result: built once per article by `analyzeText`
 * (src/text/analyze.ts) and read by every content rule. All offsets are
 * source offsets (already mapped through TextPart maps), so a rule can
 * report `{start, end}` of a word or sentence directly.
 *
 * The text-layer owner extends this interface; rules depend only on it.
 */
export interface Word {
  start: number;
  end: number;
  /** as written */
  text: string;
  /** lower-cased, typographic apostrophes folded to ', used for matching */
  norm: string;
}

export type SegmentKind = "title" | "heading" | "paragraph" | "list-item" | "faq-question" | "faq-answer";

export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** index of the first word of this sentence in `TextAnalysis.words` */
  firstWord: number;
  /** number of words */
  wordCount: number;
  /** which visible part it belongs to */
  segment: number;
}

export interface Segment {
  kind: SegmentKind;
  /** index in Article.blocks for body parts, in Article.faq for FAQ parts, -1 for the title */
  index: number;
  level?: number;
  start: number;
  end: number;
  /** sentence index range [firstSentence, firstSentence + sentenceCount) */
  firstSentence: number;
  sentenceCount: number;
  /** word index range */
  firstWord: number;
  wordCount: number;
}

export interface TextAnalysis {
  /** BCP 47 primary language ("en", "es", …): from metadata, else detected */
  lang: string;
  words: Word[];
  sentences: Sentence[];
  segments: Segment[];
}
