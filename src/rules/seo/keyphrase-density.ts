import { z } from "zod";
import { scored, seoRule } from "./_assessment.js";
import { density, keyphraseFacts, weightedDensity } from "./_keyphrase.js";

const options = z.object({
  /** Yoast's bounds on the length-weighted density, density × (0.7 + n/3) */
  min: z.number().nonnegative().default(0.5),
  max: z.number().positive().default(3),
  /** above this the text reads as stuffed (Yoast: −50) */
  wayOver: z.number().positive().default(4),
});

export const keyphraseDensity = seoRule(
  {
    id: "seo/keyphrase-density",
    description:
      "The focus keyphrase should make up 0.5–3% of the text (weighted for keyphrase length, as Yoast does).",
    severity: "warn",
    presets: ["recommended"],
    options,
    messages: {
      low: "The focus keyphrase “{{keyphrase}}” is found {{count}} times in {{words}} words ({{density}}%, weighted {{weighted}}%); below {{min}}% the page may not read as being about it. Use it a few more times where it fits naturally.",
      high: "The focus keyphrase “{{keyphrase}}” is found {{count}} times in {{words}} words ({{density}}%, weighted {{weighted}}%); above {{max}}% reads as keyword stuffing. Replace some uses with pronouns or related words.",
      shortLow:
        "The focus keyphrase “{{keyphrase}}” is not found in this short text ({{words}} words). Use it at least once.",
      shortHigh:
        "The focus keyphrase “{{keyphrase}}” is found {{count}} times in only {{words}} words; that reads as keyword stuffing. Use it at most {{maxCount}} times.",
    },
  },
  ({ article, text, options: { min, max, wayOver } }) => {
    const facts = keyphraseFacts(article, text);
    if (!facts || facts.bodyWords === 0) return undefined;
    const { count, bodyWords: words, keyphrase } = facts;
    const raw = density(facts);
    const weighted = weightedDensity(facts);
    const data = {
      keyphrase: keyphrase.text,
      count,
      words,
      density: raw.toFixed(2),
      weighted: weighted.toFixed(2),
      min,
      max,
    };
    const span = facts.part.span;
    // Yoast judges texts under 100 words by count: at least 1, at most 1 (2 over 50 words).
    if (words < 100) {
      const maxCount = words > 50 ? 2 : 1;
      if (count === 0) return scored(4, { messageId: "shortLow", data, span }, raw);
      if (count > maxCount) return scored(-10, { messageId: "shortHigh", data: { ...data, maxCount }, span }, raw);
      return scored(9, undefined, raw);
    }
    if (weighted < min) return scored(4, { messageId: "low", data, span }, raw);
    if (weighted > wayOver) return scored(-50, { messageId: "high", data, span }, raw);
    if (weighted > max) return scored(-10, { messageId: "high", data, span }, raw);
    return scored(9, undefined, raw);
  },
);
