import { memo, wordNorms } from "./memo.js";
import type { TextAnalysis } from "./types.js";

/** First words too common to tell sentences apart: the beginning is then the first two words ("the study", "the results"). */
const SKIP_FIRST: ReadonlySet<string> = new Set(
  "the a an this that these those one two three four five six seven eight nine ten".split(" "),
);

/** A sentence's beginning as Yoast compares them: the first word, or the first two after an article, demonstrative or numeral. */
export function sentenceBeginning(norms: readonly string[], first: number, count: number): string {
  if (count === 0) return "";
  const w = norms[first] as string;
  if (count > 1 && SKIP_FIRST.has(w)) return `${w} ${norms[first + 1] as string}`;
  return w;
}

/** Beginning of every sentence of the analysis (parallel to `sentences`). Computed once. */
export function sentenceBeginnings(text: TextAnalysis): string[] {
  return memo(text, findBeginnings);
}

function findBeginnings(text: TextAnalysis): string[] {
  const norms = wordNorms(text);
  return text.sentences.map((s) => sentenceBeginning(norms, s.firstWord, s.wordCount));
}

/** A run of consecutive sentences with the same beginning. */
export interface BeginningRun {
  beginning: string;
  /** first sentence index */
  first: number;
  count: number;
}

/**
 * Runs of `minRun` or more consecutive sentences starting alike, within the
 * sentence range [from, to). Runs do not cross segment boundaries of
 * different kinds (a heading between two paragraphs breaks a run only if
 * its beginning differs, as in Yoast, which reads the text as one flow).
 */
export function repeatedBeginnings(text: TextAnalysis, minRun = 3, from = text.body.sentence): BeginningRun[] {
  const beginnings = sentenceBeginnings(text);
  const runs: BeginningRun[] = [];
  let i = from;
  while (i < beginnings.length) {
    const b = beginnings[i] as string;
    let j = i + 1;
    while (j < beginnings.length && b !== "" && beginnings[j] === b) j++;
    if (b !== "" && j - i >= minRun) runs.push({ beginning: b, first: i, count: j - i });
    i = j;
  }
  return runs;
}
