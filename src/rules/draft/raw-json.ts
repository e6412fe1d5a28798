import { z } from "zod";
import type { Rule } from "../../engine/types.js";
import { visibleParts } from "./_visible-parts.js";

const options = z.object({});
export type RawJsonOptions = z.infer<typeof options>;

/** `"key": value` (a JSON-shaped value) with straight or typographic quotes, at the start of the text or after `{`, `[` or `,`. */
const KEY_VALUE = /^[{[]?\s*["“”][^"“”\n]{1,60}["“”]\s*:\s*(?:["“”{[]|-?\d|true\b|false\b|null\b)/u;
/** A line that is only JSON punctuation: `}`, `]`, `},`, `}{`. */
const BRACKETS_ONLY = /^[\s{}[\],]+$/u;

/** Whether a visible paragraph is JSON that leaked out of the metadata (a reader missed a marker, a model printed its output). */
export function looksLikeJson(text: string): boolean {
  const t = text.trim();
  if (t.length < 2) return t === "{" || t === "}" || t === "[" || t === "]";
  const first = t.charCodeAt(0);
  if (first === 123 /* { */ || first === 91 /* [ */) {
    const last = t.charCodeAt(t.length - 1);
    if (last === 125 || last === 93) {
      try {
        const value: unknown = JSON.parse(t);
        if (typeof value === "object" && value !== null) return true;
      } catch {
        // not strict JSON: fall through to the shape test
      }
    }
  }
  return KEY_VALUE.test(t) || BRACKETS_ONLY.test(t);
}

/** Raw JSON in the visible body. */
export const rawJson: Rule<RawJsonOptions> = {
  meta: {
    id: "draft/raw-json",
    description: "JSON printed in the body is metadata that leaked into the page.",
    severity: "error",
    presets: ["recommended"],
    messages: {
      rawJson:
        "This paragraph is raw JSON. Readers would see code: move it into the metadata block (or a JSON-LD script) or delete it.",
    },
    options,
  },
  check(ctx) {
    const parts = visibleParts(ctx.article);
    // an index loop: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
    for (let p = 0; p < parts.length; p++) {
      const { part } = parts[p]!;
      if (looksLikeJson(part.text)) ctx.report({ messageId: "rawJson", span: part.span });
    }
  },
};
