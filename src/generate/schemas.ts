import { z } from "zod";

/**
 * One zod schema per stage reply. Constraints stay structural (required
 * fields, at least one item): lengths and wording are the checks' job, so a
 * too-long title becomes a revision, not a failed keyword. Objects are
 * `z.object`: the JSON Schema still says `additionalProperties: false` (as
 * strict structured output requires), but an extra key from a model in
 * json_object mode is dropped rather than failing the stage.
 */

const text = z.string().min(1);

export const BriefSchema = z.object({
  // free text, not an enum: a reply such as "informational (how-to)" is still a usable brief
  searchIntent: text.describe("informational, commercial, transactional or navigational"),
  audience: text,
  angle: text,
  questions: z.array(text).min(1),
  /** medical, mental-health, medicine or nutrition advice: turns on the health duties */
  healthTopic: z.boolean(),
});

export const OutlineSchema = z.object({
  h1: text,
  introNotes: text,
  sections: z.array(z.object({ heading: text, notes: text })).min(1),
  faqQuestions: z.array(text).min(1),
});

export const SectionSchema = z.object({
  paragraphs: z.array(text).min(1),
  /** one or two sentences, handed to later sections so they do not repeat it */
  summary: text,
});

export const FaqSchema = z.object({
  answers: z.array(z.object({ question: text, answer: text })).min(1),
});

export const MetaSchema = z.object({
  seoTitle: text,
  metaDescription: text,
  slug: text,
  focusKeyphrase: text,
});

/** Revising the title and metadata together: they are checked against each other. */
export const MetaReviseSchema = z.object({
  h1: text,
  seoTitle: text,
  metaDescription: text,
  slug: text,
  focusKeyphrase: text,
});

/** Revising a section may touch its heading too (length, keyphrase, duplicates). */
export const SectionReviseSchema = z.object({ heading: text, paragraphs: z.array(text).min(1), summary: text });

export const FaqItemSchema = z.object({ question: text, answer: text });

export type Brief = z.infer<typeof BriefSchema>;
export type Outline = z.infer<typeof OutlineSchema>;
export type SectionReply = z.infer<typeof SectionSchema>;
export type FaqReply = z.infer<typeof FaqSchema>;
export type MetaReply = z.infer<typeof MetaSchema>;
export type MetaRevise = z.infer<typeof MetaReviseSchema>;
export type SectionRevise = z.infer<typeof SectionReviseSchema>;
export type FaqItemReply = z.infer<typeof FaqItemSchema>;
