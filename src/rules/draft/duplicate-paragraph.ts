import { z } from "zod";
import type { Rule } from "../../engine/types.js";
import type { Segment, Word } from "../../text/types.js";

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
  shingles: Set<string>;
}

function shinglesOf(words: readonly Word[], from: number, count: number, k: number): Set<string> {
  const out = new Set<string>();
  const size = Math.min(k, count);
  for (let i = from; i + size <= from + count; i++) {
    let s = words[i]!.norm;
    for (let j = 1; j < size; j++) s += ` ${words[i + j]!.norm}`;
    out.add(s);
  }
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let both = 0;
  for (const s of small) if (large.has(s)) both++;
  return both / (a.size + b.size - both);
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
    for (const seg of segments) {
      if (!PROSE.has(seg.kind) || seg.wordCount < minWords || seen.has(seg.start)) continue;
      seen.add(seg.start);
      units.push({ seg, shingles: shinglesOf(words, seg.firstWord, seg.wordCount, shingleSize) });
    }
    for (let i = 1; i < units.length; i++) {
      const unit = units[i]!;
      let best = 0;
      let match: Unit | undefined;
      for (let j = 0; j < i; j++) {
        const other = units[j]!;
        // Jaccard can reach the threshold only if the sizes are close enough
        const [lo, hi] =
          unit.shingles.size <= other.shingles.size
            ? [unit.shingles.size, other.shingles.size]
            : [other.shingles.size, unit.shingles.size];
        if (lo / hi < threshold) continue;
        const sim = jaccard(unit.shingles, other.shingles);
        if (sim > best) {
          best = sim;
          match = other;
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
