import { stemmer } from "stemmer";

const cache = new Map<string, string>();

/**
 * Porter stem of a normalised word, memoised (a few hundred distinct words
 * per article, reused across a run). Possessive "'s" is dropped first, so
 * "patient's" and "patients" meet at "patient".
 */
export function stem(norm: string): string {
  let s = cache.get(norm);
  if (s === undefined) {
    let w = norm;
    if (w.endsWith("'s")) w = w.slice(0, -2);
    else if (w.endsWith("'")) w = w.slice(0, -1);
    s = stemmer(w);
    if (cache.size > 100_000) cache.clear();
    cache.set(norm, s);
  }
  return s;
}
