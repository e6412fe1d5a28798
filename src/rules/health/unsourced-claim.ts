import { z } from "zod";
import type { Rule } from "../../engine/types.js";
import type { Article } from "../../model/article.js";
import { findAttribution, namesSource } from "./_claims.js";

const options = z.object({});
export type UnsourcedClaimOptions = z.infer<typeof options>;

/**
 * A sentence that credits a finding to unnamed research, data, literature,
 * experts or studies ("studies show", "clinical data points to", "has shown
 * significant efficacy") and names no source: no link, no citation, no
 * journal, organisation or author.
 */
export const unsourcedClaim: Rule<UnsourcedClaimOptions> = {
  meta: {
    id: "health/unsourced-claim",
    description: "Claims credited to unnamed research, data, experts or studies need a named, checkable source.",
    severity: "warn",
    presets: ["recommended"],
    messages: {
      unsourced:
        '"{{phrase}}" credits a health claim to an unnamed source. Readers and Google\'s quality raters cannot check it: cite the study, guideline or organisation (with a link), or state it as plain advice.',
    },
    options,
    languages: ["en"],
    healthOnly: true,
  },
  check(ctx) {
    const { words, sentences, segments } = ctx.text;
    const seen = new Set<number>();
    // index loops: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
    for (let s = 0; s < sentences.length; s++) {
      const sentence = sentences[s]!;
      // a reader may list one FAQ twice (body blocks and faq items): one sentence, one report
      if (seen.has(sentence.start)) continue;
      seen.add(sentence.start);
      const kind = segments[sentence.segment]?.kind;
      if (kind === "title" || kind === "heading" || kind === "faq-question") continue;
      const from = sentence.firstWord;
      const hit = findAttribution(words, from, from + sentence.wordCount);
      if (!hit || namesSource(sentence.text) || hasLink(ctx.article, sentence.start, sentence.end)) continue;
      const first = words[hit.first]!;
      const last = words[hit.last]!;
      ctx.report({
        messageId: "unsourced",
        data: { phrase: ctx.article.source.text.slice(first.start, last.end) },
        span: { start: sentence.start, end: sentence.end },
      });
    }
  },
};

/** Whether a link in the article's paragraphs sits inside [start, end). */
function hasLink(article: Article, start: number, end: number): boolean {
  const { blocks } = article;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.kind !== "paragraph" || !block.links) continue;
    const links = block.links;
    for (let l = 0; l < links.length; l++) {
      const at = links[l]!.span.start;
      if (at >= start && at < end) return true;
    }
  }
  return false;
}
