import { z } from "zod";

/**
 * One zod schema per stage reply. Constraints stay structural (required
 * fields, at least one item): lengths and wording are the checks' job, so a
 * too-long title becomes a revision, not a failed keyword.
 */

const text = z.string().min(1);

export const BriefSchema = z.strictObject({
  searchIntent: z.enum(["informational", "commercial", "transactional", "navigational"]),
  audience: text,
  angle: text,
  questions: z.array(text).min(1),
  /** medical, mental-health, medicine or nutrition advice: turns on the health duties */
  healthTopic: z.boolean(),
});

export const OutlineSchema = z.strictObject({
  h1: text,
  introNotes: text,
  sections: z.array(z.strictObject({ heading: text, notes: text })).min(1),
  faqQuestions: z.array(text).min(1),
});

export const SectionSchema = z.strictObject({
  paragraphs: z.array(text).min(1),
  /** one or two sentences, handed to later sections so they do not repeat it */
  summary: text,
});

export const FaqSchema = z.strictObject({
  answers: z.array(z.strictObject({ question: text, answer: text })).min(1),
});

export const MetaSchema = z.strictObject({
  seoTitle: text,
  metaDescription: text,
  slug: text,
  focusKeyphrase: text,
});

/** Revising the title and metadata together: they are checked against each other. */
export const MetaReviseSchema = z.strictObject({
  h1: text,
  seoTitle: text,
  metaDescription: text,
  slug: text,
  focusKeyphrase: text,
});

/** Revising a section may touch its heading too (length, keyphrase, duplicates). */
export const SectionReviseSchema = z.strictObject({ heading: text, paragraphs: z.array(text).min(1), summary: text });

export const FaqItemSchema = z.strictObject({ question: text, answer: text });

export type Brief = z.infer<typeof BriefSchema>;
export type Outline = z.infer<typeof OutlineSchema>;
export type SectionReply = z.infer<typeof SectionSchema>;
export type FaqReply = z.infer<typeof FaqSchema>;
export type MetaReply = z.infer<typeof MetaSchema>;
export type MetaRevise = z.infer<typeof MetaReviseSchema>;
export type SectionRevise = z.infer<typeof SectionReviseSchema>;
export type FaqItemReply = z.infer<typeof FaqItemSchema>;
