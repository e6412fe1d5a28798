import { z } from "zod";
import type { Rule } from "../../engine/types.js";
import {
  ADVICE_VERBS,
  NEEDS_QUALIFIER,
  PROFESSIONAL_QUALIFIERS,
  PROFESSIONALS,
  URGENT_CARE_PATTERN,
} from "../../text/health-lexicon.js";
import type { TextAnalysis } from "../../text/types.js";
import { defineRole, rolesOf } from "../_word-roles.js";

const options = z.object({
  /** how many words before the professional the advice verb may be ("talk to your family doctor") */
  window: z.number().int().min(1).default(6),
});
export type ProfessionalAdviceOptions = z.infer<typeof options>;

/** Professionals as a role: most words are passed over on a bit test instead of a set lookup. */
const PROFESSIONAL = defineRole((norm) => PROFESSIONALS.has(norm));

/**
 * Words without which URGENT_CARE_PATTERN cannot match a sentence, so the regex runs only on the
 * few sentences that hold one. Each is a whole word wherever the pattern matches, since whitespace
 * ends a word: "medical" and "professional" stand between whitespace; the pattern's "call", "dial",
 * "emergency" and "urgent" are followed by whitespace, so they end a word (which may start earlier:
 * "re-call"). "A&E" is screened on its "&" instead ("&" splits words, and "a" is too common).
 */
const URGENT_WORD = defineRole(
  (norm) =>
    norm === "medical" ||
    norm === "professional" ||
    norm.endsWith("call") ||
    norm.endsWith("dial") ||
    norm.endsWith("emergency") ||
    norm.endsWith("urgent"),
);

/** Whether URGENT_CARE_PATTERN can match the sentence: a word it needs is there (or the role has no bit). */
function mayNeedUrgentCare(sentenceText: string, urgentWord: boolean): boolean {
  return urgentWord || URGENT_WORD === 0 || sentenceText.includes("&");
}

/** Whether any sentence sends the reader to a qualified professional. */
export function advisesProfessional(text: TextAnalysis, window: number): boolean {
  const { words, sentences } = text;
  const roles = PROFESSIONAL !== 0 && URGENT_WORD !== 0;
  for (let s = text.body.sentence; s < sentences.length; s++) {
    const sentence = sentences[s]!;
    const from = sentence.firstWord;
    const to = from + sentence.wordCount;
    let urgentWord = false;
    for (let i = from; i < to; i++) {
      const word = words[i]!;
      if (roles) {
        const bits = rolesOf(word.lex);
        if ((bits & URGENT_WORD) !== 0) urgentWord = true;
        if ((bits & PROFESSIONAL) === 0) continue;
      } else if (!PROFESSIONALS.has(word.norm)) continue;
      const w = word.norm;
      if (NEEDS_QUALIFIER.has(w) && !(i > from && PROFESSIONAL_QUALIFIERS.has(words[i - 1]!.norm))) continue;
      for (let k = i - 1; k >= from && k >= i - window; k--) if (ADVICE_VERBS.has(words[k]!.norm)) return true;
    }
    // without role bits, urgentWord stays false and mayNeedUrgentCare lets every sentence through
    if (mayNeedUrgentCare(sentence.text, urgentWord || !roles) && URGENT_CARE_PATTERN.test(sentence.text)) return true;
  }
  return false;
}

/** A health article that never tells readers when to see a qualified professional. */
export const professionalAdvice: Rule<ProfessionalAdviceOptions> = {
  meta: {
    id: "health/professional-advice",
    description: "Health articles should tell readers when to see a doctor or another qualified professional.",
    severity: "warn",
    presets: ["recommended"],
    messages: {
      missing:
        "The article never advises seeing a doctor, pharmacist or other qualified professional. Add when to seek help (warning signs, symptoms that last) and whom to ask.",
    },
    options,
    languages: ["en"],
    healthOnly: true,
  },
  check(ctx) {
    if (advisesProfessional(ctx.text, ctx.options.window)) return;
    const anchor = ctx.article.title?.span ?? ctx.article.meta.title?.span ?? { start: 0, end: 0 };
    ctx.report({ messageId: "missing", span: anchor });
  },
};
