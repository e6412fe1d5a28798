import { z } from "zod";
import type { Report } from "../../engine/types.js";
import { repeatedBeginnings } from "../../text/beginnings.js";
import type { Sentence } from "../../text/types.js";
import { readabilityRule } from "./_assessment.js";

const options = z.object({
  /** consecutive sentences allowed to start with the same word (Yoast: 2) */
  maxSame: z.number().int().min(1).default(2),
});
export type SentenceBeginningsOptions = z.infer<typeof options>;

/** Three or more consecutive sentences starting with the same word, reported over the run. */
export const sentenceBeginnings = readabilityRule<SentenceBeginningsOptions>(
  {
    id: "readability/sentence-beginnings",
    description: "No more than two consecutive sentences should start with the same word.",
    severity: "warn",
    presets: ["recommended"],
    messages: {
      repeated: '{{count}} sentences in a row start with "{{beginning}}". Vary how they begin.',
    },
    options,
  },
  (text, o) => {
    if (text.sentences.length === text.body.sentence) return undefined;
    const reports: Report[] = [];
    for (const run of repeatedBeginnings(text, o.maxSame + 1)) {
      const first = text.sentences[run.first] as Sentence;
      const last = text.sentences[run.first + run.count - 1] as Sentence;
      reports.push({
        messageId: "repeated",
        data: { count: run.count, beginning: run.beginning },
        span: { start: first.start, end: last.end },
      });
    }
    return { score: reports.length > 0 ? 3 : 9, value: reports.length, reports };
  },
);
