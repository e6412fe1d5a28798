/**
 * The text layer's public API, for rule authors. Build once per article with
 * `analyzeText` (the engine does it lazily as `ctx.text`); every helper below
 * reads that one analysis and memoises its result on it, so two rules asking
 * for passive sentences share one pass.
 */
export { analyzeText } from "./analyze.js";
export { type BeginningRun, repeatedBeginnings, sentenceBeginning, sentenceBeginnings } from "./beginnings.js";
export { type FleschBand, type FleschResult, fleschBand, fleschReadingEase } from "./flesch.js";
export { ENGLISH_FUNCTION_WORDS, isFunctionWord } from "./function-words.js";
export {
  type Keyphrase,
  type KeyphraseMatches,
  matchKeyphrase,
  matchKeyphraseInText,
  parseKeyphrase,
  wordStems,
} from "./keyphrase.js";
export { detectLanguage, primaryLanguage } from "./language.js";
export { memo, wordNorms } from "./memo.js";
export { isParticiple, isPassive, passiveSentences } from "./passive.js";
export { splitSentences } from "./sentences.js";
export { type ArticleStats, computeStats } from "./stats.js";
export { stem } from "./stem.js";
export { syllables } from "./syllables.js";
export { hasTransition, transitionSentences } from "./transition-words.js";
export type { Segment, SegmentKind, Sentence, TextAnalysis, Word } from "./types.js";
export { countWords, isWordChar, normWord, scanWords, wordsOf } from "./words.js";
