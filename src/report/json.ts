import type { Diagnostic, Fix } from "../engine/types.js";
import { type ChunkedReporter, type Counts, countResult, type FileResult, joinChunks } from "./types.js";

/** ESLint's numeric severities; info (which ESLint lacks) is 0. */
const SEVERITY = { info: 0, warn: 1, error: 2 } as const;

/** ESLint's single-range fix: the edits merged into one replacement of the source between them. */
export function eslintFix(fix: Fix, source: string): { range: [number, number]; text: string } {
  const edits = [...fix.edits].sort((a, b) => a.span.start - b.span.start);
  const start = edits[0]?.span.start ?? 0;
  const end = edits.reduce((max, e) => Math.max(max, e.span.end), start);
  let text = "";
  let pos = start;
  for (const e of edits) {
    text += source.slice(pos, e.span.start) + e.text;
    pos = e.span.end;
  }
  return { range: [start, end], text };
}

function message(d: Diagnostic, source: string) {
  return {
    ruleId: d.ruleId,
    severity: SEVERITY[d.severity],
    message: d.message,
    messageId: d.messageId,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    ...(d.fix ? { fix: eslintFix(d.fix, source) } : {}),
    ...(d.suggestions?.length
      ? { suggestions: d.suggestions.map((s) => ({ desc: s.message, fix: eslintFix(s.fix, source) })) }
      : {}),
  };
}

/** One diagnostic as ESLint's JSON formatter writes it (`source`: the file's text, "" when the report has none). */
export function jsonMessage(d: Diagnostic, source: string): string {
  return JSON.stringify(message(d, source));
}

/** What follows the counts in a file's entry: its stats and scores when present. */
export function jsonTail(r: Pick<FileResult, "stats" | "scores">): string {
  return (
    (r.stats !== undefined ? `,"stats":${JSON.stringify(r.stats)}` : "") +
    (r.scores !== undefined ? `,"scores":${JSON.stringify(r.scores)}` : "")
  );
}

/**
 * A file's entry is written field by field: byte for byte `JSON.stringify` of ESLint's shape, put
 * together from messages already in JSON (a re-run serves them from the cache as they are). This is
 * what comes before the messages; `entryRest` what follows them, up to the tail.
 */
function entryHead(path: string): string {
  return `{"filePath":${JSON.stringify(path)},"messages":[`;
}

function entryRest(c: Counts): string {
  return (
    `],"suppressedMessages":[]` +
    `,"errorCount":${c.errorCount},"fatalErrorCount":${c.fatalErrorCount},"warningCount":${c.warningCount}` +
    `,"fixableErrorCount":${c.fixableErrorCount},"fixableWarningCount":${c.fixableWarningCount}` +
    `,"usedDeprecatedRules":[]`
  );
}

function fileEntry(r: FileResult): string {
  const source = r.source ?? "";
  let messages = "";
  // a file that could not be read: ESLint's fatal parse error shape (ruleId null, severity 2)
  if (r.fatal !== undefined)
    messages = JSON.stringify({ ruleId: null, fatal: true, severity: 2, message: r.fatal, line: 1, column: 1 });
  for (const d of r.diagnostics) messages += (messages ? "," : "") + jsonMessage(d, source);
  return `${entryHead(r.path)}${messages}${entryRest(countResult(r))}${jsonTail(r)}}`;
}

/** ESLint's JSON formatter shape, plus `stats` and `scores` per file when present: one JSON array, one file per chunk. */
export const jsonChunks: ChunkedReporter = function* (results) {
  yield "[";
  let first = true;
  for (const result of results) {
    const comma = first ? "" : ",";
    first = false;
    const pre = result.prerendered;
    if (!pre) {
      yield comma + fileEntry(result);
      continue;
    }
    // bytes are yielded as they are; text is gathered between them
    let text = comma + entryHead(result.path);
    let i = 0;
    for (const part of pre.parts) {
      if (i++ > 0) text += ",";
      if (part instanceof Uint8Array) {
        yield text;
        yield part;
        text = "";
      } else text += typeof part === "string" ? part : jsonMessage(part, "");
    }
    text += entryRest(pre.counts);
    if (typeof pre.tail === "string") yield `${text}${pre.tail}}`;
    else {
      yield text;
      yield pre.tail;
      yield "}";
    }
  }
  yield "]\n";
};

export const jsonReporter = joinChunks(jsonChunks);
