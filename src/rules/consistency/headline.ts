import { z } from "zod";
import type { Rule } from "../../engine/types.js";
import { isArticleLike, jsonLdNodes, normalizeForCompare, stringProperty, valueSpan } from "../../jsonld/nodes.js";
import type { TextPart } from "../../model/span.js";

const options = z.object({
  /** word overlap (Dice coefficient, 0–1) below which headline and title count as different */
  minSimilarity: z.number().min(0).max(1).default(0.5),
});
type Options = z.infer<typeof options>;

const WORD = /[\p{L}\p{N}]+/gu;
/** "Headline | Site name" and "Headline – Site": the brand suffix is not part of the headline. */
const BRAND_SUFFIX = /\s+[|•·–—-]\s+[^|•·–—-]*$/;

/** The words of a text already through `normalizeForCompare`. */
function words(normalized: string): string[] {
  return normalized.match(WORD) ?? [];
}

/** Dice coefficient of the two word multisets, 1 when one text contains the other. */
export function similarity(a: string, b: string): number {
  const na = normalizeForCompare(a);
  const nb = normalizeForCompare(b);
  if (na === "" || nb === "") return 1;
  if (na.includes(nb) || nb.includes(na)) return 1;
  // the normalised texts, not a and b: normalising is most of the work, and it was done above
  const wa = words(na);
  const wb = words(nb);
  const counts = new Map<string, number>();
  // index loops: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
  for (let i = 0; i < wa.length; i++) {
    const w = wa[i]!;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < wb.length; i++) {
    const w = wb[i]!;
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(w, n - 1);
    }
  }
  return (2 * shared) / (wa.length + wb.length || 1);
}

export const headline: Rule<Options> = {
  meta: {
    id: "consistency/headline",
    description: "The Article headline matches the visible H1 and the meta title, within a similarity tolerance.",
    severity: "warn",
    presets: ["recommended"],
    options,
    messages: {
      differs:
        'The headline "{{headline}}" shares only {{percent}}% of its words with the {{what}} "{{other}}"; Google uses the headline as the article title and expects it to match what readers see. Align them (tolerance: minSimilarity {{min}}).',
    },
  },
  check(ctx) {
    const { minSimilarity } = ctx.options;
    const compareTo: Array<[string, TextPart | undefined]> = [
      ["H1", ctx.article.title],
      ["meta title", ctx.article.meta.title],
    ];
    const nodes = jsonLdNodes(ctx.article);
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n]!;
      if (node.parent || !isArticleLike(node, ctx.vocab)) continue;
      const h = stringProperty(node, "headline");
      if (!h || h.value.trim() === "") continue;
      for (const [what, part] of compareTo) {
        if (!part || part.text.trim() === "") continue;
        const other = part.text.trim();
        const score = Math.max(similarity(h.value, other), similarity(h.value, other.replace(BRAND_SUFFIX, "")));
        if (score >= minSimilarity) continue;
        ctx.report({
          messageId: "differs",
          data: { headline: h.value.trim(), what, other, percent: Math.round(score * 100), min: minSimilarity },
          span: valueSpan(node.block, h.pointer),
        });
      }
    }
  },
};
