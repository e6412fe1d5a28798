import { z } from "zod";
import type { Rule } from "../../engine/types.js";
import { sourceSpan } from "../../model/span.js";
import { visibleParts } from "./visible-parts.js";

const options = z.object({});
export type PlaceholderOptions = z.infer<typeof options>;

/**
 * Leftovers a writer or a model forgot: template slots, editor notes, pipeline
 * markers and the model talking about itself. One alternation, compiled once.
 */
const PLACEHOLDER = new RegExp(
  [
    // [Insert statistic here], [citation needed], [Your Name], [TODO: …], [link], [source]
    String.raw`\[\s*(?:insert|add|your|placeholder|citation needed|citation|source|sources|link|todo|tbd|image|name|company|brand|keyword|reference|ref|fill in|unverified)\b[^\]\n]{0,100}\]`,
    String.raw`\[\s*(?:\.\.\.|…)\s*\]`,
    String.raw`\blorem ipsum\b`,
    // ===SCHEMA_JSON_START=== and other pipeline markers left in the prose
    String.raw`={3,}[^=\n]{0,60}={3,}`,
    "={3,}",
    String.raw`\{\{[^{}\n]{0,80}\}\}`,
    String.raw`\{(?:keyword|focus keyword|topic|brand|company|name|city|product|year)\}`,
    String.raw`\bas an AI(?: language model)?\b`,
    String.raw`\bas a (?:large )?language model\b`,
    String.raw`\bI(?:'m| am) (?:just )?an AI\b`,
    String.raw`\bmy (?:knowledge|training) (?:cutoff|cut-off)\b`,
    String.raw`\bI (?:cannot|can't|can’t) browse\b`,
    String.raw`\b(?:Certainly|Sure|Of course)[!,.] here(?:'s|’s| is) (?:the|an|a|your)\b`,
    String.raw`\bI hope this (?:article |guide )?helps\b`,
  ].join("|"),
  "giu",
);
/** Editor notes are upper case: "todo" is an everyday Spanish and Portuguese word. */
const EDITOR_NOTE = /\b(?:TODO|TBD|FIXME)\b/gu;

const PATTERNS = [PLACEHOLDER, EDITOR_NOTE];

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
    for (const { part } of visibleParts(ctx.article)) {
      for (const pattern of PATTERNS) {
        for (const m of part.text.matchAll(pattern)) {
          const span = sourceSpan(part, m.index, m.index + m[0].length);
          ctx.report({ messageId: "placeholder", data: { text: m[0] }, span });
        }
      }
    }
  },
};
