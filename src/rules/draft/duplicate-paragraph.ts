import { z } from "zod";
import type { Rule } from "../../engine/types.js";
import type { Segment } from "../../text/types.js";

const options = z.object({
  /** shingled Jaccard similarity at or above which two paragraphs are near-duplicates */
  threshold: z.number().min(0).max(1).default(0.8),
  /** paragraphs shorter than this (in words) are not compared */
  minWords: z.number().int().min(1).default(12),
  /** words per shingle */
  shingleSize: z.number().int().min(1).default(3),
});
export type DuplicateParagraphOptions = z.infer<typeof options>;

interface Unit {
  seg: Segment;
  /** sorted, distinct shingle hashes */
  shingles: Int32Array;
}

/** 30-bit FNV-1a of a word: numbers compare faster than strings and need no lookup table. */
function wordHash(norm: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < norm.length; i++) h = Math.imul(h ^ norm.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}

/** Sorted distinct hashes of the k-word shingles of words[from, from + count). */
function shinglesOf(hashes: Int32Array, from: number, count: number, k: number): Int32Array {
  const size = Math.min(k, count);
  const n = count - size + 1;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0;
    // collisions are rare and only make two shingles look alike
    for (let j = 0; j < size; j++) h = Math.imul(h ^ hashes[from + i + j]!, 0x01000193);
    out[i] = h;
  }
  out.sort();
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || out[i] !== out[i - 1]) out[distinct++] = out[i]!;
  return out.subarray(0, distinct);
}

/** Size of the intersection of two sorted distinct arrays (one merge pass). */
function common(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      both++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return both;
}

const PROSE: ReadonlySet<string> = new Set(["paragraph", "list-item", "faq-answer"]);

/**
 * Identical or near-identical paragraphs: models repeat a paragraph when a
 * section prompt overlaps the one before it. A FAQ that a reader exposes
 * both as body blocks and as FAQ items is one text (same source span), not
 * a duplicate; the FAQ copy inside JSON-LD is not visible text at all.
 */
export const duplicateParagraph: Rule<DuplicateParagraphOptions> = {
  meta: {
    id: "draft/duplicate-paragraph",
    description: "Identical or near-identical paragraphs repeat the same content.",
    severity: "warn",
    presets: ["recommended"],
    messages: {
      duplicate:
        'This paragraph repeats an earlier one ("{{excerpt}}…"). Delete it or rewrite it to add something new.',
      nearDuplicate:
        'This paragraph is {{percent}}% the same as an earlier one ("{{excerpt}}…"). Merge the two or make this one say something new.',
    },
    options,
  },
  check(ctx) {
    const { threshold, minWords, shingleSize } = ctx.options;
    const { words, segments } = ctx.text;
    const seen = new Set<number>();
    const units: Unit[] = [];
    let hashes: Int32Array | undefined;
    for (const seg of segments) {
      if (!PROSE.has(seg.kind) || seg.wordCount < minWords || seen.has(seg.start)) continue;
      seen.add(seg.start);
      if (!hashes) {
        hashes = new Int32Array(words.length);
        for (let i = 0; i < words.length; i++) hashes[i] = wordHash(words[i]!.norm);
      }
      units.push({ seg, shingles: shinglesOf(hashes, seg.firstWord, seg.wordCount, shingleSize) });
    }
    for (let i = 1; i < units.length; i++) {
      const unit = units[i]!;
      const a = unit.shingles.length;
      let best = 0;
      let match: Unit | undefined;
      for (let j = 0; j < i; j++) {
        const b = units[j]!.shingles.length;
        // Jaccard is at most min/max: skip pairs whose sizes alone rule it out
        if (Math.min(a, b) / Math.max(a, b) < threshold) continue;
        const both = common(unit.shingles, units[j]!.shingles);
        const sim = both / (a + b - both);
        if (sim > best) {
          best = sim;
          match = units[j];
        }
      }
      if (!match || best < threshold) continue;
      const first = match.seg.firstWord;
      const excerpt = words
        .slice(first, first + Math.min(6, match.seg.wordCount))
        .map((w) => w.text)
        .join(" ");
      const identical = best === 1 && unit.seg.wordCount === match.seg.wordCount;
      ctx.report({
        messageId: identical ? "duplicate" : "nearDuplicate",
        data: { excerpt, percent: Math.floor(best * 100) },
        span: { start: unit.seg.start, end: unit.seg.end },
      });
    }
  },
};
