import { z } from "zod";
import type { Report } from "../../engine/types.js";
import { readabilityRule } from "./_assessment.js";

const options = z.object({
  /** a paragraph is long above this many words */
  maxWords: z.number().int().min(1).default(150),
  /** above this many words it is far too long (Yoast's red) */
  redAboveWords: z.number().int().min(1).default(200),
});
export type ParagraphLengthOptions = z.infer<typeof options>;

/** Paragraphs (and FAQ answers) over 150 words, each reported at the paragraph. */
export const paragraphLength = readabilityRule<ParagraphLengthOptions>(
  {
    id: "readability/paragraph-length",
    description: "Paragraphs should have at most 150 words.",
    severity: "warn",
    presets: ["recommended"],
    messages: {
      tooLong: "This paragraph has {{words}} words (more than {{maxWords}}). Break it into shorter paragraphs.",
    },
    options,
  },
  (text, o) => {
    const reports: Report[] = [];
    let worst = 0;
    let count = 0;
    const { segments } = text;
    // an index loop: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      if (seg.kind !== "paragraph" && seg.kind !== "faq-answer") continue;
      count++;
      if (seg.wordCount > worst) worst = seg.wordCount;
      if (seg.wordCount > o.maxWords) {
        reports.push({
          messageId: "tooLong",
          data: { words: seg.wordCount, maxWords: o.maxWords },
          span: { start: seg.start, end: seg.end },
        });
      }
    }
    if (count === 0) return undefined;
    const score = worst > o.redAboveWords ? 3 : worst > o.maxWords ? 6 : 9;
    return { score, value: reports.length, reports };
  },
);
