import { distance } from "fastest-levenshtein";

/**
 * "Did you mean": the closest candidate by edit distance (case-insensitive),
 * if it is close enough to be a plausible typo. Bare rule names also match
 * the name part of `category/name` ids.
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const target = input.toLowerCase();
  const limit = Math.max(2, Math.floor(target.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    let d = distance(target, lower);
    const slash = lower.indexOf("/");
    if (slash >= 0 && !target.includes("/")) d = Math.min(d, distance(target, lower.slice(slash + 1)));
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best;
}

/** `; did you mean "x"?` or nothing. */
export function didYouMeanSuffix(input: string, candidates: Iterable<string>): string {
  const hit = didYouMean(input, candidates);
  return hit === undefined ? "" : `; did you mean "${hit}"?`;
}
