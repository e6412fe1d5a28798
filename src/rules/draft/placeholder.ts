import { z } from "zod";
import type { Rule } from "../../engine/types.js";
import { type Span, sourceSpan } from "../../model/span.js";
import { PhraseMatcher } from "./_phrase-matcher.js";
import { visibleParts } from "./_visible-parts.js";

const options = z.object({});
export type PlaceholderOptions = z.infer<typeof options>;

/**
 * Leftovers in markup: template slots, bracketed editor notes and pipeline
 * markers. Every branch starts with `[`, `=` or `{`, so parts without those
 * characters are skipped before the regex runs.
 */
const MARKUP = new RegExp(
  [
    // [Insert statistic here], [citation needed], [Your Name], [TODO: …], [link], [source]
    String.raw`\[\s*(?:insert|add|your|placeholder|citation needed|citation|source|sources|link|todo|tbd|image|name|company|brand|keyword|reference|ref|fill in|unverified)\b[^\]\n]{0,100}\]`,
    String.raw`\[\s*(?:\.\.\.|…)\s*\]`,
    // ===SCHEMA_JSON_START=== and other pipeline markers left in the prose
    String.raw`={3,}[^=\n]{0,60}={3,}`,
    "={3,}",
    String.raw`\{\{[^{}\n]{0,80}\}\}`,
    String.raw`\{(?:keyword|focus keyword|topic|brand|company|name|city|product|year)\}`,
  ].join("|"),
  "gi",
);

/** Editor notes, matched as written (each starts with a capital A–Z): "todo" is an everyday Spanish and Portuguese word. */
const EDITOR_NOTES: ReadonlySet<string> = new Set(["TODO", "TBD", "FIXME"]);

/** Filler text and the model talking about itself, matched on the shared word tokens. */
const SELF_TALK = new PhraseMatcher([
  "lorem ipsum",
  "as an ai",
  "as an ai language model",
  "as a language model",
  "as a large language model",
  "i'm an ai",
  "i am an ai",
  "i'm just an ai",
  "my knowledge|training cutoff|cut-off",
  "i cannot|can't browse",
  "i hope this helps",
  "i hope this article|guide helps",
  "certainly|sure here's the|a|an|your",
  "certainly|sure here is the|a|an|your",
]);

function hasMarkupChar(text: string): boolean {
  return text.includes("[") || text.includes("=") || text.includes("{");
}

/** Template slots, editor notes, pipeline markers and model self-talk left in the visible text. */
export const placeholder: Rule<PlaceholderOptions> = {
  meta: {
    id: "draft/placeholder",
    description: "Placeholders, editor notes, pipeline markers and model self-talk must not reach the page.",
    severity: "error",
    presets: ["recommended"],
    messages: {
      placeholder:
        '"{{text}}" is a leftover placeholder or marker. Replace it with the real content or delete it before publishing.',
    },
    options,
  },
  check(ctx) {
    const report = (span: Span, text: string) => ctx.report({ messageId: "placeholder", data: { text }, span });
    const parts = visibleParts(ctx.article);
    // index loops: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
    for (let p = 0; p < parts.length; p++) {
      const { part } = parts[p]!;
      if (!hasMarkupChar(part.text)) continue;
      for (const m of part.text.matchAll(MARKUP)) report(sourceSpan(part, m.index, m.index + m[0].length), m[0]);
    }
    const { words } = ctx.text;
    const source = ctx.article.source.text;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      // the notes are capitalised: most words fail the first-letter test before the set lookup
      const first = w.text.charCodeAt(0);
      if (first >= 65 && first <= 90 && EDITOR_NOTES.has(w.text)) report({ start: w.start, end: w.end }, w.text);
    }
    const talk = SELF_TALK.findAll(words);
    for (let t = 0; t < talk.length; t++) {
      const m = talk[t]!;
      const span = { start: words[m.first]!.start, end: words[m.last]!.end };
      report(span, source.slice(span.start, span.end));
    }
  },
};
