import { memo } from "./memo.js";
import type { TextAnalysis, Word } from "./types.js";

/** First words too common to tell sentences apart: the beginning is then the first two words ("the study", "the results"). */
const SKIP_FIRST: ReadonlySet<string> = new Set(
  "the a an this that these those one two three four five six seven eight nine ten".split(" "),
);

/** A sentence's beginning as Yoast compares them: the first word, or the first two after an article, demonstrative or numeral. */
export function sentenceBeginning(norms: readonly string[], first: number, count: number): string {
  if (count === 0) return "";
  return beginningOf(norms[first] as string, count > 1 ? (norms[first + 1] as string) : undefined);
}

/** The beginning of a sentence whose first word is `w` and second `next` (undefined for a one-word sentence). */
function beginningOf(w: string, next: string | undefined): string {
  return next !== undefined && SKIP_FIRST.has(w) ? `${w} ${next}` : w;
}

/** Beginning of every sentence of the analysis (parallel to `sentences`). Computed once. */
export function sentenceBeginnings(text: TextAnalysis): string[] {
  return memo(text, findBeginnings);
}

function findBeginnings(text: TextAnalysis): string[] {
  const { words } = text;
  const out: string[] = [];
  const { sentences } = text;
  // an index loop: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    // sentenceBeginning over the words themselves: no array of every word's norm
    const first = words[s.firstWord] as Word;
    const second = s.wordCount > 1 ? (words[s.firstWord + 1] as Word).norm : undefined;
    out.push(s.wordCount === 0 ? "" : beginningOf(first.norm, second));
  }
  return out;
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
