import { DEFAULT_MAX_NESTING, type RepairedRegion, repairSequence } from "../jsonld/repair.js";
import type { JsonLdBlock, ReadNote } from "../model/article.js";

const SCRIPT = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;

/** Parses every `<script type="application/ld+json">` in `src[start, end)` (raw HTML inside Markdown). */
export function readScripts(
  src: string,
  start: number,
  end: number,
  maxNesting: number = DEFAULT_MAX_NESTING,
  notes: ReadNote[] = [],
): JsonLdBlock[] {
  const out: JsonLdBlock[] = [];
  const chunk = src.slice(start, end);
  SCRIPT.lastIndex = 0;
  for (let m = SCRIPT.exec(chunk); m; m = SCRIPT.exec(chunk)) {
    const bodyStart = start + m.index + m[0].indexOf(">") + 1;
    out.push(...scriptBlocks(src, bodyStart, bodyStart + (m[1] ?? "").length, maxNesting, notes));
  }
  return out;
}

/** The JSON-LD values in one script body at `src[start, end)`. */
export function scriptBlocks(
  src: string,
  start: number,
  end: number,
  maxNesting: number,
  notes: ReadNote[],
): JsonLdBlock[] {
  const found = repairSequence(src, start, end, "script", maxNesting);
  if (found.length === 0 && src.slice(start, end).trim() !== "")
    notes.push({
      id: "read/json-not-found",
      message: "an ld+json script holds no JSON object or array",
      span: { start, end },
      severity: "warn",
    });
  noteRegions(found, maxNesting, notes);
  return found.map((r) => r.block);
}

/** Read notes for regions that were too deep or truncated. */
export function noteRegions(found: RepairedRegion[], maxNesting: number, notes: ReadNote[]): void {
  for (const r of found) {
    if (r.tooDeep)
      notes.push({
        id: "read/json-too-deep",
        message: `JSON nested deeper than ${maxNesting} levels was not parsed`,
        span: r.block.span,
        severity: "error",
      });
    else if (r.truncated)
      notes.push({
        id: "read/json-truncated",
        message: "JSON ends before its closing bracket (truncated)",
        span: r.block.span,
        severity: "warn",
      });
  }
}
