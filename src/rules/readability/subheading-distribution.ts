import { z } from "zod";
import type { Report } from "../../engine/types.js";
import type { Segment } from "../../text/types.js";
import { anchorSpan, isHeadingKind, readabilityRule } from "./_assessment.js";

const options = z.object({
  /** words of text allowed under one subheading */
  maxWords: z.number().int().min(1).default(300),
  /** above this the section is far too long (Yoast's red) */
  redAboveWords: z.number().int().min(1).default(350),
});
export type SubheadingDistributionOptions = z.infer<typeof options>;

interface Section {
  /** the heading that opens the section, or the first text part when the text starts without one */
  opener: Segment;
  words: number;
}

/** Runs of text over 300 words without a subheading (H2–H6 or FAQ question), reported at the section's heading. */
export const subheadingDistribution = readabilityRule<SubheadingDistributionOptions>(
  {
    id: "readability/subheading-distribution",
    description: "Every stretch of more than 300 words of text should be broken up by a subheading.",
    severity: "warn",
    presets: ["recommended"],
    messages: {
      sectionTooLong:
        "{{words}} words follow this heading before the next one (more than {{maxWords}}). Add a subheading to split the section.",
      introTooLong:
        "The text runs {{words}} words before its first subheading (more than {{maxWords}}). Add a subheading.",
      noSubheadings: "The text has {{words}} words and no subheadings. Add subheadings every {{maxWords}} words or so.",
    },
    options,
  },
  (text, o) => {
    const sections: Section[] = [];
    let headings = 0;
    let totalWords = 0;
    for (let i = text.body.segment; i < text.segments.length; i++) {
      const seg = text.segments[i] as Segment;
      if (isHeadingKind(seg.kind) && (seg.kind !== "heading" || (seg.level ?? 2) >= 2)) {
        headings++;
        sections.push({ opener: seg, words: 0 });
        continue;
      }
      if (seg.kind === "heading") continue; // an H1 in the body opens nothing
      if (sections.length === 0) sections.push({ opener: seg, words: 0 });
      (sections[sections.length - 1] as Section).words += seg.wordCount;
      totalWords += seg.wordCount;
    }
    if (totalWords === 0) return undefined;
    const reports: Report[] = [];
    if (headings === 0) {
      if (totalWords <= o.maxWords) return { score: 9, value: totalWords, reports };
      reports.push({
        messageId: "noSubheadings",
        data: { words: totalWords, maxWords: o.maxWords },
        span: anchorSpan(text),
      });
      return { score: 2, value: totalWords, reports };
    }
    let longest = 0;
    for (const s of sections) {
      if (s.words > longest) longest = s.words;
      if (s.words <= o.maxWords) continue;
      reports.push({
        messageId: isHeadingKind(s.opener.kind) ? "sectionTooLong" : "introTooLong",
        data: { words: s.words, maxWords: o.maxWords },
        span: { start: s.opener.start, end: s.opener.end },
      });
    }
    const score = longest > o.redAboveWords ? 3 : longest > o.maxWords ? 6 : 9;
    return { score, value: longest, reports };
  },
);
