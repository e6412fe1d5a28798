import type { z } from "zod";
import { repairJsonAt } from "../jsonld/repair.js";
import type { RepairStep } from "../model/article.js";

export type ParsedReply = { ok: true; value: unknown; repair: RepairStep } | { ok: false; reason: string };

/**
 * Reads a model's reply as JSON through the project's repair ladder (strict →
 * typographic pre-pass → jsonrepair), so curly-quoted and truncated replies
 * are recovered the same way drafts are. Prose or a code fence around the
 * object is skipped: the value starts at the first `{` or `[`.
 */
export function parseReply(text: string): ParsedReply {
  const start = text.search(/[{[]/);
  if (start < 0) return { ok: false, reason: "the reply contains no JSON object" };
  const region = repairJsonAt(text, start, text.length, "model");
  const { value, repair } = region.block;
  if (repair === "failed" || value === undefined)
    return { ok: false, reason: "the reply is not JSON and could not be repaired" };
  return { ok: true, value, repair };
}

/** One line per zod issue, with the path it sits at ("sections.0.heading: expected string"). */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/** The first `max` characters of a reply on one line, for error reports. */
export function snippet(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
