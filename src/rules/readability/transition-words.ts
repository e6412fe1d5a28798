import { z } from "zod";
import { transitionSentences } from "../../text/transition-words.js";
import { anchorSpan, bodySentences, percent, readabilityRule } from "./_assessment.js";

const options = z.object({
  /** percent of sentences with a transition word that is enough */
  minPercent: z.number().min(0).max(100).default(30),
  /** below this percent the problem is serious (Yoast's red) */
  redBelowPercent: z.number().min(0).max(100).default(20),
  /** only texts longer than this are assessed (Yoast: 200 words) */
  minWords: z.number().int().min(0).default(200),
});
export type TransitionWordsOptions = z.infer<typeof options>;

/** Share of sentences with a transition word (< 30% flagged, texts over 200 words), reported at the title. */
export const transitionWords = readabilityRule<TransitionWordsOptions>(
  {
    id: "readability/transition-words",
    description: "At least 30% of the sentences should contain a transition word or phrase.",
    severity: "warn",
    presets: ["recommended"],
    languages: ["en"],
    messages: {
      tooFew:
        "Only {{percent}}% of the sentences ({{with}} of {{total}}) contain a transition word; aim for {{minPercent}}% or more. Link ideas with words like however, because, for example.",
    },
    options,
  },
  (text, o) => {
    const bodyWords = text.words.length - text.body.word;
    if (bodyWords <= o.minWords) return undefined;
    const sentences = bodySentences(text);
    const flags = transitionSentences(text);
    const withTransition = sentences.filter((i) => flags[i]).length;
    const share = percent(withTransition, sentences.length);
    const score = share >= o.minPercent ? 9 : share >= o.redBelowPercent ? 6 : 3;
    if (score === 9) return { score, value: share, reports: [] };
    return {
      score,
      value: share,
      reports: [
        {
          messageId: "tooFew",
          data: { percent: share, with: withTransition, total: sentences.length, minPercent: o.minPercent },
          span: anchorSpan(text),
        },
      ],
    };
  },
);
