import { z } from "zod";
import { textWidth } from "../../text/pixel-width.js";
import { anchorSpan, seoTitle } from "./_article-parts.js";
import { scored, seoRule } from "./_assessment.js";

const options = z.object({
  /** Yoast's snippet preview and its title width assessment: 600 px of 20 px Arial on desktop */
  max: z.number().positive().default(600),
  fontSize: z.number().positive().default(20),
});

export const titleWidth = seoRule(
  {
    id: "seo/title-width",
    description: "The SEO title should fit in 600 px of 20 px Arial, or Google truncates it.",
    severity: "warn",
    presets: ["recommended"],
    options,
    messages: {
      missing:
        "The page has no SEO title and no title; search results would show whatever Google picks. Add a meta title that starts with the focus keyphrase.",
      wide: "The SEO title is {{width}} px wide at {{fontSize}} px Arial, over the {{max}} px Google shows on desktop; the end will be cut off with an ellipsis. Shorten it or move the important words to the front.",
    },
  },
  ({ article, options: { max, fontSize } }) => {
    const title = seoTitle(article);
    if (!title) return scored(1, { messageId: "missing", span: anchorSpan(article) });
    const width = textWidth(title.text.trim(), fontSize);
    if (width <= max) return scored(9, undefined, width);
    return scored(3, { messageId: "wide", data: { width: Math.round(width), fontSize, max }, span: title.span }, width);
  },
);
