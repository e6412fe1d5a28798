import { z } from "zod";
import { fleschReadingEase } from "../../text/flesch.js";
import { anchorSpan, type ReadabilityAssessment, readabilityRule } from "./_assessment.js";

const options = z.object({
  /** scores at or above this read well (Yoast's "okay" band starts at 60) */
  okayAt: z.number().min(0).max(100).default(60),
  /** scores below this are "difficult" rather than "fairly difficult" */
  difficultBelow: z.number().min(0).max(100).default(50),
  /** the formula means little on very short texts */
  minWords: z.number().int().min(0).default(50),
});
export type FleschReadingEaseOptions = z.infer<typeof options>;

/** Flesch reading ease of the body, with Yoast's bands; reported at the title. Not part of Yoast's score. */
export const fleschReadingEaseRule = readabilityRule<FleschReadingEaseOptions>(
  {
    id: "readability/flesch-reading-ease",
    description: "The text's Flesch reading ease should be 60 or higher (Yoast's bands).",
    severity: "warn",
    presets: ["recommended"],
    languages: ["en"],
    messages: {
      fairlyDifficult:
        "Flesch reading ease is {{score}} ({{band}}; {{words}} words in {{sentences}} sentences). Aim for {{okayAt}} or more: use shorter sentences and plainer words.",
      difficult:
        "Flesch reading ease is {{score}} ({{band}}; {{words}} words in {{sentences}} sentences), far below {{okayAt}}. Split long sentences and replace long words with short ones.",
    },
    options,
  },
  (text, o) => {
    const f = fleschReadingEase(text);
    if (!f || f.words < o.minWords) return undefined;
    // Yoast's former assessment: ≥ 60 → 9, 50–60 → 6, lower → 3.
    const score = f.score >= o.okayAt ? 9 : f.score >= o.difficultBelow ? 6 : 3;
    const result: ReadabilityAssessment = { score, value: f.score, reports: [] };
    if (score < 9) {
      result.reports.push({
        messageId: score === 6 ? "fairlyDifficult" : "difficult",
        data: { score: f.score, band: f.band, words: f.words, sentences: f.sentences, okayAt: o.okayAt },
        span: anchorSpan(text),
      });
    }
    return result;
  },
  false,
);
