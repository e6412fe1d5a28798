import { z } from "zod";
import { anchorSpan, bodyWordCount } from "./_article-parts.js";
import { scored, seoRule } from "./_assessment.js";

const options = z.object({
  /** Yoast: ≥ 300 words is green (900 for cornerstone content) */
  min: z.number().int().nonnegative().default(300),
});

/** Yoast's bands below the minimum: 250–299 → 6, 200–249 → 3, 100–199 → −10, < 100 → −20 (scaled to `min`). */
function score(words: number, min: number): number {
  if (words >= min) return 9;
  const share = words / min;
  if (share >= 250 / 300) return 6;
  if (share >= 200 / 300) return 3;
  if (share >= 100 / 300) return -10;
  return -20;
}

export const textLength = seoRule(
  {
    id: "seo/text-length",
    description: "The body should have at least 300 words (Yoast's text length assessment).",
    severity: "warn",
    presets: ["recommended"],
    options,
    messages: {
      short:
        "The text has {{words}} words; pages under {{min}} words rarely rank for a competitive query. Cover the topic more fully (what, why, how, when to get help).",
    },
  },
  ({ article, text, options: { min } }) => {
    const words = bodyWordCount(text);
    const s = score(words, min);
    return scored(
      s,
      s < 9 ? { messageId: "short", data: { words, min }, span: anchorSpan(article) } : undefined,
      words,
    );
  },
);
