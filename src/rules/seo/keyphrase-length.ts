import { z } from "zod";
import { parseKeyphrase } from "../../text/keyphrase.js";
import { anchorSpan, present } from "./_article-parts.js";
import { scored, seoRule } from "./_assessment.js";

const options = z.object({
  /** Yoast: 1–4 content words → good, 5–8 → okay, more → bad (1–6 / 7–9 where function words are unknown) */
  max: z.number().int().positive().default(4),
  hardMax: z.number().int().positive().default(8),
});

export const keyphraseLength = seoRule(
  {
    id: "seo/keyphrase-length",
    description: "The article needs a focus keyphrase of one to four content words.",
    severity: "warn",
    presets: ["recommended"],
    options,
    messages: {
      missing:
        "No focus keyphrase is set, so the keyphrase checks (title, description, introduction, density, slug) were skipped. Add the search query this article should rank for as its focus keyphrase.",
      long: "The focus keyphrase has {{count}} content words; people rarely search for more than {{max}}, so it will be hard to match. Pick the core query.",
    },
  },
  ({ article, text, options: { max, hardMax } }) => {
    const part = present(article.meta.focusKeyword);
    const kp = part ? parseKeyphrase(part.text, text.lang) : undefined;
    if (!part || !kp || kp.words.length === 0) return scored(0, { messageId: "missing", span: anchorSpan(article) });
    const count = kp.required.length;
    // Without a function-word list every word counts, so Yoast allows two more.
    const slack = text.lang === "en" ? 0 : 2;
    if (count <= max + slack) return scored(9, undefined, count);
    const report = { messageId: "long", data: { count, max: max + slack }, span: part.span };
    return scored(count <= hardMax + slack ? 6 : 3, report, count);
  },
);
