import { z } from "zod";
import { anchorSpan, bodyWordCount } from "./_article-parts.js";
import { scored, seoRule } from "./_assessment.js";
import { contentWordsIn, keyphraseFacts } from "./_keyphrase.js";

const options = z.object({
  /** Yoast: 30–75% of H2/H3 subheadings reflect the keyphrase */
  minPercent: z.number().min(0).max(100).default(30),
  maxPercent: z.number().min(0).max(100).default(75),
});

export const keyphraseInSubheadings = seoRule(
  {
    id: "seo/keyphrase-in-subheadings",
    description: "Between 30% and 75% of the H2 and H3 subheadings should reflect the focus keyphrase.",
    severity: "warn",
    presets: ["recommended"],
    options,
    messages: {
      few: "{{matches}} of {{count}} H2/H3 subheadings ({{percent}}%) reflect the focus keyphrase “{{keyphrase}}”; under {{minPercent}}% the structure hides the topic. Use the keyphrase or its words in a few more subheadings.",
      many: "{{matches}} of {{count}} H2/H3 subheadings ({{percent}}%) reflect the focus keyphrase “{{keyphrase}}”; over {{maxPercent}}% reads as keyword stuffing. Let some subheadings describe their section in other words.",
      none: "The text has {{words}} words and no H2/H3 subheadings. Break it into sections, and name the topic in some of their headings.",
    },
  },
  ({ article, text, options: { minPercent, maxPercent } }) => {
    const facts = keyphraseFacts(article, text);
    if (!facts) return undefined;
    const kp = facts.keyphrase;
    let count = 0;
    let matches = 0;
    let firstSpan: { start: number; end: number } | undefined;
    for (let i = text.body.segment; i < text.segments.length; i++) {
      const seg = text.segments[i]!;
      if (seg.kind !== "heading" || (seg.level !== 2 && seg.level !== 3)) continue;
      count++;
      firstSpan ??= { start: seg.start, end: seg.end };
      // Yoast: a subheading reflects the topic when more than half of the content words occur in it.
      const found = contentWordsIn(kp, facts.wordKeys, seg.firstWord, seg.firstWord + seg.wordCount);
      if (found * 2 > kp.stems.length) matches++;
    }
    if (count === 0) {
      const words = bodyWordCount(text);
      return words > 300 ? scored(2, { messageId: "none", data: { words }, span: anchorSpan(article) }) : undefined;
    }
    const percent = (matches / count) * 100;
    const data = {
      matches,
      count,
      percent: Math.round(percent),
      keyphrase: kp.text,
      minPercent,
      maxPercent,
    };
    const span = firstSpan as { start: number; end: number };
    if (percent < minPercent) return scored(3, { messageId: "few", data, span }, percent);
    if (percent > maxPercent) return scored(3, { messageId: "many", data, span }, percent);
    return scored(9, undefined, percent);
  },
);
