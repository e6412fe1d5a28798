import { distance } from "fastest-levenshtein";

/**
 * The closest schema.org name by edit distance (case-insensitive), within a
 * third of its length. Candidates whose length alone rules them out are
 * skipped, which keeps a scan of all 1,600 property names cheap.
 */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  const target = name.toLowerCase();
  let bestDistance = Math.max(1, Math.floor(target.length / 3)) + 1;
  let best: string | undefined;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - target.length) >= bestDistance) continue;
    const d = distance(target, candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best;
}
