import { z } from "zod";
import type { Rule } from "../../engine/types.js";
import type { Span } from "../../model/span.js";
import type { Segment, TextAnalysis, Word } from "../../text/types.js";
import { normWord, scanWords } from "../../text/words.js";

const options = z.object({
  /** report when the exact keyphrase is in more than this share of sections */
  maxSectionShare: z.number().min(0).max(1).default(0.6),
  /** report when the exact keyphrase is in more than this share of subheadings (Yoast's upper bound is 75%) */
  maxHeadingShare: z.number().min(0).max(1).default(0.75),
  /** fewer sections (or subheadings) than this are too few to judge */
  minSections: z.number().int().min(1).default(3),
});
export type KeyphraseStuffingOptions = z.infer<typeof options>;

interface Section {
  heading?: Segment;
  segments: Segment[];
}

function keyphraseWords(keyphrase: string): string[] {
  const out: string[] = [];
  scanWords(keyphrase, 0, keyphrase.length, (s, e) => out.push(normWord(keyphrase.slice(s, e))));
  return out;
}

/** Index of the first exact occurrence of `phrase` in words[from, to), or -1. */
function findExact(words: readonly Word[], phrase: readonly string[], from: number, to: number): number {
  const n = phrase.length;
  outer: for (let i = from; i + n <= to; i++) {
    for (let k = 0; k < n; k++) if (words[i + k]!.norm !== phrase[k]) continue outer;
    return i;
  }
  return -1;
}

function inside(span: Span | undefined, seg: Segment): boolean {
  return span !== undefined && seg.start >= span.start && seg.end <= span.end;
}

/**
 * Body sections split at the top heading level, FAQ left out: FAQ questions
 * echo what people search for, so the keyphrase belongs there.
 */
function bodySections(text: TextAnalysis, faqSpan: Span | undefined): { sections: Section[]; headings: Segment[] } {
  const seen = new Set<number>();
  const body: Segment[] = [];
  for (let i = text.body.segment; i < text.segments.length; i++) {
    const seg = text.segments[i]!;
    if (seg.kind === "title" || seg.kind === "faq-question" || seg.kind === "faq-answer" || inside(faqSpan, seg))
      continue;
    if (seen.has(seg.start)) continue;
    seen.add(seg.start);
    body.push(seg);
  }
  const headings = body.filter((s) => s.kind === "heading" && (s.level ?? 2) > 1);
  const top = Math.min(...headings.map((h) => h.level ?? 2));
  const sections: Section[] = [{ segments: [] }];
  // index loops: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
  for (let i = 0; i < body.length; i++) {
    const seg = body[i]!;
    if (seg.kind === "heading" && (seg.level ?? 2) <= top) sections.push({ heading: seg, segments: [seg] });
    else sections[sections.length - 1]!.segments.push(seg);
  }
  if (sections[0]!.segments.every((s) => s.wordCount === 0)) sections.shift();
  return { sections, headings };
}

/**
 * The exact focus keyphrase forced into most sections and subheadings: a
 * model told to "use the keyword" repeats it verbatim where a person would
 * vary the wording.
 */
export const keyphraseStuffing: Rule<KeyphraseStuffingOptions> = {
  meta: {
    id: "draft/keyphrase-stuffing",
    description: "The exact focus keyphrase should not be forced into most sections and subheadings.",
    severity: "warn",
    presets: ["recommended"],
    messages: {
      sections:
        'The exact keyphrase "{{keyphrase}}" is in {{count}} of {{total}} sections ({{percent}}%). Forced repetition reads as stuffing: vary the wording here, with synonyms or a pronoun.',
      headings:
        'The exact keyphrase "{{keyphrase}}" is in {{count}} of {{total}} subheadings ({{percent}}%). Keep it in a few; let the others say what their section covers.',
    },
    options,
  },
  check(ctx) {
    const keyphrase = ctx.article.meta.focusKeyword?.text.trim();
    if (!keyphrase) return;
    const phrase = keyphraseWords(keyphrase);
    if (phrase.length === 0) return;
    const { words } = ctx.text;
    const { maxHeadingShare, maxSectionShare, minSections } = ctx.options;
    const { sections, headings } = bodySections(ctx.text, ctx.article.faqSpan);
    const found = (seg: Segment): number => findExact(words, phrase, seg.firstWord, seg.firstWord + seg.wordCount);
    const reported = new Set<number>();

    const withPhrase = headings.filter((h) => found(h) >= 0);
    if (headings.length >= minSections && withPhrase.length / headings.length > maxHeadingShare) {
      const data = {
        keyphrase,
        count: withPhrase.length,
        total: headings.length,
        percent: percent(withPhrase.length, headings.length),
      };
      for (const h of withPhrase) {
        const at = found(h);
        reported.add(at);
        ctx.report({
          messageId: "headings",
          data,
          span: { start: words[at]!.start, end: words[at + phrase.length - 1]!.end },
        });
      }
    }

    // first occurrence per section, in its text before its heading
    const hits = sections.map((section) => {
      // two passes over the section instead of building its segments reordered
      const { segments } = section;
      for (let i = 0; i < segments.length; i++) {
        const seg = segments[i]!;
        if (seg.kind === "heading") continue;
        const at = found(seg);
        if (at >= 0) return at;
      }
      for (let i = 0; i < segments.length; i++) {
        const seg = segments[i]!;
        if (seg.kind !== "heading") continue;
        const at = found(seg);
        if (at >= 0) return at;
      }
      return -1;
    });
    const count = hits.filter((h) => h >= 0).length;
    if (sections.length < minSections || count / sections.length <= maxSectionShare) return;
    const data = { keyphrase, count, total: sections.length, percent: percent(count, sections.length) };
    hits.forEach((at, i) => {
      // the introduction is where the keyphrase belongs (Yoast's introduction check)
      if (at < 0 || reported.has(at) || (i === 0 && sections[0]!.heading === undefined)) return;
      ctx.report({
        messageId: "sections",
        data,
        span: { start: words[at]!.start, end: words[at + phrase.length - 1]!.end },
      });
    });
  },
};

function percent(part: number, whole: number): number {
  return Math.round((part / whole) * 100);
}
