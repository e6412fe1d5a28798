import { z } from "zod";
import type { Report } from "../../engine/types.js";
import { anchorSpan, bodySentences, percent, readabilityRule, sentenceSpan } from "./_assessment.js";

const options = z.object({
  /** a sentence is long above this many words (Yoast: 20; 25 for es/it/pt, 15 for ru/tr/he) */
  maxWords: z.number().int().min(1).default(20),
  /** percent of long sentences that is still fine */
  maxPercent: z.number().min(0).max(100).default(25),
  /** above this percent the problem is serious (Yoast's red) */
  redAbovePercent: z.number().min(0).max(100).default(30),
  /** count headings as sentences, as Yoast does (they dilute the share) */
  countHeadings: z.boolean().default(true),
  /** also report every long sentence at its own position */
  reportEach: z.boolean().default(false),
});
export type SentenceLengthOptions = z.infer<typeof options>;

/** Share of sentences over 20 words (> 25% flagged), reported at the title; optionally each long sentence. */
export const sentenceLength = readabilityRule<SentenceLengthOptions>(
  {
    id: "readability/sentence-length",
    description: "At most a quarter of the sentences should be longer than 20 words.",
    severity: "warn",
    presets: ["recommended"],
    messages: {
      tooManyLong:
        "{{percent}}% of the sentences ({{long}} of {{total}}) have more than {{maxWords}} words; keep it at {{maxPercent}}% or less. Split the longest ones.",
      longSentence: "This sentence has {{words}} words (more than {{maxWords}}). Split it in two.",
    },
    options,
  },
  (text, o) => {
    const sentences = bodySentences(text, o.countHeadings);
    if (sentences.length === 0) return undefined;
    const long = sentences.filter((i) => (text.sentences[i]?.wordCount ?? 0) > o.maxWords);
    const share = percent(long.length, sentences.length);
    const score = share <= o.maxPercent ? 9 : share <= o.redAbovePercent ? 6 : 3;
    const reports: Report[] = [];
    if (score < 9) {
      reports.push({
        messageId: "tooManyLong",
        data: {
          percent: share,
          long: long.length,
          total: sentences.length,
          maxWords: o.maxWords,
          maxPercent: o.maxPercent,
        },
        span: anchorSpan(text),
      });
      if (o.reportEach) {
        for (const i of long) {
          reports.push({
            messageId: "longSentence",
            data: { words: text.sentences[i]?.wordCount ?? 0, maxWords: o.maxWords },
            span: sentenceSpan(text, i),
          });
        }
      }
    }
    return { score, value: share, reports };
  },
);
