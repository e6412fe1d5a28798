import type { Diagnostic, Fix } from "../engine/types.js";
import { type ChunkedReporter, countResult, type FileResult, joinChunks } from "./types.js";

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

function fileEntry(r: FileResult) {
  const source = r.source ?? "";
  const counts = countResult(r);
  const messages: Array<Record<string, unknown>> = r.diagnostics.map((d) => message(d, source));
  // a file that could not be read: ESLint's fatal parse error shape (ruleId null, severity 2)
  if (r.fatal !== undefined)
    messages.unshift({ ruleId: null, fatal: true, severity: 2, message: r.fatal, line: 1, column: 1 });
  return {
    filePath: r.path,
    messages,
    suppressedMessages: [],
    errorCount: counts.errorCount,
    fatalErrorCount: counts.fatalErrorCount,
    warningCount: counts.warningCount,
    fixableErrorCount: counts.fixableErrorCount,
    fixableWarningCount: counts.fixableWarningCount,
    usedDeprecatedRules: [],
    ...(r.stats !== undefined ? { stats: r.stats } : {}),
    ...(r.scores !== undefined ? { scores: r.scores } : {}),
  };
}

/** ESLint's JSON formatter shape, plus `stats` and `scores` per file when present: one JSON array, one file per chunk. */
export const jsonChunks: ChunkedReporter = function* (results) {
  yield "[";
  let first = true;
  for (const result of results) {
    yield (first ? "" : ",") + JSON.stringify(fileEntry(result));
    first = false;
  }
  yield "]\n";
};

export const jsonReporter = joinChunks(jsonChunks);
