import { z } from "zod";
import type { Report } from "../../engine/types.js";
import { textWidth } from "../../text/pixel-width.js";
import { anchorSpan, present } from "./_article-parts.js";
import { scored, seoRule } from "./_assessment.js";

const options = z.object({
  /** Yoast: 121–156 characters is green */
  min: z.number().int().nonnegative().default(120),
  max: z.number().int().positive().default(156),
  /** desktop snippet width at 14 px Arial; vendors cite 920–990 px, Google gives no number (0 turns the check off) */
  maxWidth: z.number().nonnegative().default(990),
  fontSize: z.number().positive().default(14),
});

export const metaDescriptionLength = seoRule(
  {
    id: "seo/meta-description-length",
    description: "The meta description should be 120–156 characters and fit the desktop snippet width.",
    severity: "warn",
    presets: ["recommended"],
    options,
    messages: {
      missing:
        "The page has no meta description; Google will quote a random passage instead. Write one or two sentences (120–156 characters) that answer the searcher's question and use the focus keyphrase.",
      short:
        "The meta description is {{length}} characters; Google shows up to about {{max}}, so {{min}}–{{max}} uses the space. Add what the reader will get from the page.",
      long: "The meta description is {{length}} characters; Google cuts it after about {{max}}. Shorten it so the end is not lost.",
      wide: "The meta description is {{width}} px wide at {{fontSize}} px Arial, over the {{maxWidth}} px a desktop snippet shows; the end will be cut off. Use shorter words or fewer of them.",
    },
  },
  ({ article, options: { min, max, maxWidth, fontSize } }) => {
    const description = present(article.meta.description);
    if (!description) return scored(1, { messageId: "missing", span: anchorSpan(article) });
    const text = description.text.trim();
    const length = codePoints(text);
    const reports: Report[] = [];
    // Yoast: ≤ 120 or > 156 characters → 6, otherwise 9; the width check is ours and does not change the score.
    if (length <= min) reports.push({ messageId: "short", data: { length, min, max }, span: description.span });
    else if (length > max) reports.push({ messageId: "long", data: { length, max }, span: description.span });
    const score = reports.length > 0 ? 6 : 9;
    if (maxWidth > 0) {
      const width = textWidth(text, fontSize);
      if (width > maxWidth) {
        reports.push({
          messageId: "wide",
          data: { width: Math.round(width), fontSize, maxWidth },
          span: description.span,
        });
      }
    }
    return { score, value: length, reports };
  },
);

/** Length in code points, as `[...text].length` counts it (a surrogate pair is one), without building the array. */
export function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
