import { z } from "zod";
import type { Report } from "../../engine/types.js";
import { passiveSentences } from "../../text/passive.js";
import { anchorSpan, bodySentences, percent, readabilityRule, sentenceSpan } from "./_assessment.js";

const options = z.object({
  /** percent of passive sentences that is still fine */
  maxPercent: z.number().min(0).max(100).default(10),
  /** above this percent the problem is serious (Yoast's red) */
  redAbovePercent: z.number().min(0).max(100).default(15),
  /** also report every passive sentence at its own position */
  reportEach: z.boolean().default(false),
});
export type PassiveVoiceOptions = z.infer<typeof options>;

/** Share of passive sentences (> 10% flagged), reported at the title; optionally each passive sentence. */
export const passiveVoice = readabilityRule<PassiveVoiceOptions>(
  {
    id: "readability/passive-voice",
    description: "At most 10% of the sentences should be in the passive voice.",
    severity: "warn",
    presets: ["recommended"],
    languages: ["en"],
    messages: {
      tooMuch:
        "{{percent}}% of the sentences ({{passive}} of {{total}}) are in the passive voice; keep it at {{maxPercent}}% or less. Say who does what.",
      passive: "This sentence is in the passive voice. Name who does it and make them the subject.",
    },
    options,
  },
  (text, o) => {
    const sentences = bodySentences(text);
    if (sentences.length === 0) return undefined;
    const flags = passiveSentences(text);
    const passive = sentences.filter((i) => flags[i]);
    const share = percent(passive.length, sentences.length);
    const score = share <= o.maxPercent ? 9 : share <= o.redAbovePercent ? 6 : 3;
    const reports: Report[] = [];
    if (score < 9) {
      reports.push({
        messageId: "tooMuch",
        data: { percent: share, passive: passive.length, total: sentences.length, maxPercent: o.maxPercent },
        span: anchorSpan(text),
      });
      if (o.reportEach) for (const i of passive) reports.push({ messageId: "passive", span: sentenceSpan(text, i) });
    }
    return { score, value: share, reports };
  },
);
