import type { TextAnalysis } from "../text/types.js";

/** Same options: the same object, or flat objects whose values are identical (a number, a string, the same array). */
export function sameOptions(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || (a as Record<string, unknown>)[key] !== (b as Record<string, unknown>)[key])
      return false;
  }
  return true;
}

/**
 * The last assessment one rule made, with what it was made from. A rule's check and the scores
 * (`seoAssessments`, `computeScores`, run right after the rules for the JSON output) ask for the
 * same assessment of the same article, one article after another: keeping the last one answers the
 * second ask without a per-article WeakMap entry for every rule (entries the GC has to sweep).
 * `article` and `site` are extra inputs for the rules that read them (undefined for the others).
 * Assessments are pure functions of their inputs, so a miss only costs making it again.
 */
export class LastAssessment<O, R> {
  #text: TextAnalysis | undefined = undefined;
  #article: unknown = undefined;
  #site: unknown = undefined;
  #options: O | undefined = undefined;
  #result: R | undefined = undefined;

  /** Whether the last assessment was made from these inputs (then `result` is it). */
  madeFrom(text: TextAnalysis, article: unknown, site: unknown, options: O): boolean {
    return (
      this.#text === text && this.#article === article && this.#site === site && sameOptions(this.#options, options)
    );
  }

  get result(): R {
    return this.#result as R;
  }

  /** Keeps an assessment just made (once made: one that throws leaves the previous one in place). */
  keep(text: TextAnalysis, article: unknown, site: unknown, options: O, result: R): R {
    this.#text = text;
    this.#article = article;
    this.#site = site;
    this.#options = options;
    this.#result = result;
    return result;
  }
}
