import { z } from "zod";
import type { Rule } from "../../engine/types.js";
import { sourceSpan } from "../../model/span.js";
import { visibleParts } from "./_visible-parts.js";

const options = z.object({
  /** em dashes allowed per 1,000 words of visible text */
  maxPer1000Words: z.number().min(0).default(5),
  /** the density check needs at least this many words to mean anything */
  minWords: z.number().int().min(0).default(200),
  /** em dashes allowed in one paragraph */
  maxPerParagraph: z.number().int().min(0).default(2),
});
export type EmDashOptions = z.infer<typeof options>;

/** Em-dash overuse: a tic of model-written prose ("em-dash addiction"). */
export const emDash: Rule<EmDashOptions> = {
  meta: {
    id: "draft/em-dash",
    description: "Too many em dashes read as a model's tic and break sentences into asides.",
    severity: "warn",
    presets: ["recommended"],
    messages: {
      paragraph:
        "This paragraph has {{count}} em dashes (at most {{max}} read well). Turn the asides into their own sentences or use commas.",
      density:
        "The text has {{count}} em dashes in {{words}} words ({{per1000}} per 1,000; at most {{max}} read well). Replace most with commas, colons or full stops.",
    },
    options,
  },
  check(ctx) {
    const { maxPer1000Words, maxPerParagraph, minWords } = ctx.options;
    let total = 0;
    let first: { start: number; end: number } | undefined;
    const parts = visibleParts(ctx.article);
    // an index loop: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
    for (let p = 0; p < parts.length; p++) {
      const { part } = parts[p]!;
      const text = part.text;
      let inPart = 0;
      for (let i = text.indexOf("—"); i >= 0; i = text.indexOf("—", i + 1)) {
        inPart++;
        total++;
        first ??= sourceSpan(part, i, i + 1);
        if (inPart === maxPerParagraph + 1) {
          ctx.report({
            messageId: "paragraph",
            data: { count: countIn(text), max: maxPerParagraph },
            span: sourceSpan(part, i, i + 1),
          });
        }
      }
    }
    const words = ctx.text.words.length;
    if (!first || words < minWords) return;
    const per1000 = (total / words) * 1000;
    if (per1000 <= maxPer1000Words) return;
    ctx.report({
      messageId: "density",
      data: { count: total, words, per1000: Math.round(per1000 * 10) / 10, max: maxPer1000Words },
      span: first,
    });
  },
};

function countIn(text: string): number {
  let n = 0;
  for (let i = text.indexOf("—"); i >= 0; i = text.indexOf("—", i + 1)) n++;
  return n;
}
