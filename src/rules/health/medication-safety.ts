import { z } from "zod";
import type { Rule } from "../../engine/types.js";
import { MEDICINES_AND_PROCEDURES, NEGATORS, SAFETY_CUES } from "../../text/health-lexicon.js";
import type { Segment } from "../../text/types.js";
import { PhraseMatcher } from "../draft/_phrase-matcher.js";

const options = z.object({});
export type MedicationSafetyOptions = z.infer<typeof options>;

const MEDICINES = new PhraseMatcher(MEDICINES_AND_PROCEDURES);
const CUES = new PhraseMatcher(SAFETY_CUES);

/**
 * A medicine or procedure named without a safety note (side effects, dose,
 * interactions) or advice to ask a doctor or pharmacist in the same
 * paragraph or the one next to it.
 */
export const medicationSafety: Rule<MedicationSafetyOptions> = {
  meta: {
    id: "health/medication-safety",
    description: "Medicines and procedures need a safety note or advice to ask a clinician nearby.",
    severity: "warn",
    presets: ["recommended"],
    messages: {
      noSafetyNote:
        '"{{name}}" is named without a safety note. Say who should not take it or what the risks are, and advise readers to check with a doctor or pharmacist first.',
    },
    options,
    languages: ["en"],
    healthOnly: true,
  },
  check(ctx) {
    const { words, segments } = ctx.text;
    const seen = new Set<number>();
    const body: Segment[] = [];
    for (let i = ctx.text.body.segment; i < segments.length; i++) {
      const seg = segments[i]!;
      if (seen.has(seg.start)) continue;
      seen.add(seg.start);
      body.push(seg);
    }
    const end = (seg: Segment) => seg.firstWord + seg.wordCount;
    const hasCue = body.map((seg) => CUES.some(words, seg.firstWord, end(seg)));
    body.forEach((seg, i) => {
      if (hasCue[i] || hasCue[i - 1] || hasCue[i + 1]) return;
      for (const m of MEDICINES.findAll(words, seg.firstWord, end(seg))) {
        const before = m.first - 1 >= seg.firstWord ? words[m.first - 1]!.norm : "";
        const twoBefore = m.first - 2 >= seg.firstWord ? words[m.first - 2]!.norm : "";
        if (NEGATORS.has(before) || NEGATORS.has(twoBefore)) continue;
        const span = { start: words[m.first]!.start, end: words[m.last]!.end };
        ctx.report({
          messageId: "noSafetyNote",
          data: { name: ctx.article.source.text.slice(span.start, span.end) },
          span,
        });
        return; // one note per paragraph answers every medicine in it
      }
    });
  },
};
