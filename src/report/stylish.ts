import pc from "picocolors";
import type { Diagnostic } from "../engine/types.js";
import { LineIndex } from "../model/span.js";
import { displayPath } from "./paths.js";
import { addCounts, type ChunkedReporter, countResult, joinChunks } from "./types.js";

/** Longest excerpt of a source line shown in a code frame (draft paragraphs are often one long line). */
export const FRAME_WIDTH = 100;

type Paint = (s: string) => string;

/**
 * The source line of a diagnostic with a caret underline, windowed around
 * the column so a 2,000-character paragraph shows only the relevant part.
 */
export function codeFrame(source: string, lines: LineIndex, d: Diagnostic, paint: { dim: Paint; mark: Paint }): string {
  const lineStart = lines.lineStart(d.line);
  const next = d.line < lines.lineCount ? lines.lineStart(d.line + 1) : source.length;
  const lineText = source
    .slice(lineStart, next)
    .replace(/\r?\n$|\r$/, "")
    .replaceAll("\t", " ");
  const from = d.column - 1;
  // underline to the span end, or to the end of the line for multi-line spans; at least one caret
  const to = Math.max(from + 1, d.endLine === d.line ? d.endColumn - 1 : lineText.length);
  let winStart = 0;
  if (lineText.length > FRAME_WIDTH) winStart = Math.max(0, Math.min(from - 20, lineText.length - FRAME_WIDTH));
  const winEnd = Math.min(lineText.length, winStart + FRAME_WIDTH);
  const prefix = winStart > 0 ? "…" : "";
  const suffix = winEnd < lineText.length ? "…" : "";
  const shown = prefix + lineText.slice(winStart, winEnd) + suffix;
  const caretStart = from - winStart + prefix.length;
  const caretLen = Math.max(1, Math.min(to, winEnd) - Math.max(from, winStart));
  const gutter = String(d.line);
  const pad = " ".repeat(gutter.length);
  return (
    `    ${paint.dim(`${gutter} |`)} ${shown}\n` +
    `    ${paint.dim(`${pad} |`)} ${" ".repeat(Math.max(0, caretStart))}${paint.mark("^".repeat(caretLen))}\n`
  );
}

const LABEL = { error: "error", warn: "warning", info: "info" } as const;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** ESLint's stylish layout with a code frame under each message. */
export const stylishChunks: ChunkedReporter = function* (results, meta) {
  // createColors: the caller decides (NO_COLOR, TTY), not picocolors' own detection
  const c = pc.createColors(meta.color);
  const paint = { dim: c.dim, underline: c.underline, sev: { error: c.red, warn: c.yellow, info: c.blue } };
  // counted on the way: the results may be read back from disk, so they are gone through once
  const n = countResult({ path: "", diagnostics: [] });
  for (const r of results) {
    if (r.diagnostics.length === 0 && r.fatal === undefined) continue;
    addCounts(n, countResult(r));
    let out = `\n${paint.underline(displayPath(r.path, meta.cwd))}\n`;
    if (r.fatal !== undefined) out += `  ${paint.sev.error("error")}  ${r.fatal}\n`;
    const source = r.source ?? "";
    const lines = new LineIndex(source);
    for (const d of r.diagnostics) {
      const where = `${d.line}:${d.column}`;
      out += `  ${paint.dim(where)}  ${paint.sev[d.severity](LABEL[d.severity])}  ${d.message}  ${paint.dim(d.ruleId)}\n`;
      if (r.source !== undefined) out += codeFrame(source, lines, d, { dim: paint.dim, mark: paint.sev[d.severity] });
    }
    yield out;
  }
  const problems = n.errorCount + n.warningCount;
  if (problems === 0 && n.infoCount === 0) return;
  const summary =
    `${problems > 0 ? "✖" : "ℹ"} ${plural(problems, "problem")} (${plural(n.errorCount, "error")}, ${plural(n.warningCount, "warning")})` +
    (n.infoCount > 0 ? `, ${n.infoCount} info` : "");
  let out = `\n${(n.errorCount > 0 ? paint.sev.error : n.warningCount > 0 ? paint.sev.warn : paint.sev.info)(summary)}\n`;
  const fixable = n.fixableErrorCount + n.fixableWarningCount;
  if (fixable > 0) out += `  ${plural(fixable, "problem")} can be fixed with \`copydesk fix\`.\n`;
  yield out;
};

export const stylishReporter = joinChunks(stylishChunks);
