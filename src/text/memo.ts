import type { TextAnalysis } from "./types.js";

const caches = new WeakMap<TextAnalysis, Map<unknown, unknown>>();

/**
 * Computes `fn(text)` once per analysis: rules, stats and scores ask for the
 * same derived facts (passive sentences, Flesch, …) and must share one pass.
 */
export function memo<T>(text: TextAnalysis, fn: (text: TextAnalysis) => T): T {
  let cache = caches.get(text);
  if (!cache) {
    cache = new Map();
    caches.set(text, cache);
  }
  if (cache.has(fn)) return cache.get(fn) as T;
  const value = fn(text);
  cache.set(fn, value);
  return value;
}

/** The normalised form of every word (parallel to `words`), shared by the list-based detectors. */
export function wordNorms(text: TextAnalysis): string[] {
  return memo(text, normsOf);
}

function normsOf(text: TextAnalysis): string[] {
  return text.words.map((w) => w.norm);
}
