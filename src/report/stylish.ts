import pc from "picocolors";
import type { Diagnostic } from "../engine/types.js";
import { LineIndex } from "../model/span.js";
import { displayPath } from "./paths.js";
import {
  addCounts,
  type ChunkedReporter,
  countResult,
  type FileResult,
  joinChunks,
  type Prerendered,
} from "./types.js";

/** Longest excerpt of a source line shown in a code frame (draft paragraphs are often one long line). */
export const FRAME_WIDTH = 100;

type Paint = (s: string) => string;

/** The source line a diagnostic starts on, as a code frame shows it (no line break, tabs as spaces). */
export function frameLine(source: string, lines: LineIndex, line: number): string {
  const lineStart = lines.lineStart(line);
  const next = line < lines.lineCount ? lines.lineStart(line + 1) : source.length;
  return source
    .slice(lineStart, next)
    .replace(/\r?\n$|\r$/, "")
    .replaceAll("\t", " ");
}

/**
 * The source line of a diagnostic with a caret underline, windowed around
 * the column so a 2,000-character paragraph shows only the relevant part.
 */
export function codeFrame(source: string, lines: LineIndex, d: Diagnostic, paint: { dim: Paint; mark: Paint }): string {
  return frameOf(frameLine(source, lines, d.line), d, paint);
}

function frameOf(lineText: string, d: Diagnostic, paint: { dim: Paint; mark: Paint }): string {
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

function paintsFor(color: boolean) {
  // createColors: the caller decides (NO_COLOR, TTY), not picocolors' own detection
  const c = pc.createColors(color);
  return { dim: c.dim, underline: c.underline, sev: { error: c.red, warn: c.yellow, info: c.blue } };
}
type Paints = ReturnType<typeof paintsFor>;
const PAINTS = { plain: paintsFor(false), color: paintsFor(true) };

/**
 * One diagnostic in the stylish layout: its line and, when its source line is known, the code frame
 * (files are rendered this way where they are checked, so a cached re-run need not read them).
 */
export function stylishMessage(d: Diagnostic, lineText: string | undefined, color: boolean): string {
  const paint = color ? PAINTS.color : PAINTS.plain;
  const where = `${d.line}:${d.column}`;
  const out = `  ${paint.dim(where)}  ${paint.sev[d.severity](LABEL[d.severity])}  ${d.message}  ${paint.dim(d.ruleId)}\n`;
  return lineText === undefined ? out : out + frameOf(lineText, d, { dim: paint.dim, mark: paint.sev[d.severity] });
}

/** A file's source lines as code frames show them, indexed on the first question; none without a source. */
function frameLines(source: string | undefined): (line: number) => string | undefined {
  let lines: LineIndex | undefined;
  return (line) => {
    if (source === undefined) return undefined;
    lines ??= new LineIndex(source);
    return frameLine(source, lines, line);
  };
}

/** A file's messages, from its diagnostics. */
function fileMessages(r: FileResult, paint: Paints, color: boolean): string {
  let out = "";
  const lineOf = frameLines(r.source);
  if (r.fatal !== undefined) out += `  ${paint.sev.error("error")}  ${r.fatal}\n`;
  for (const d of r.diagnostics) out += stylishMessage(d, lineOf(d.line), color);
  return out;
}

/**
 * The pieces written where the file was checked, as they are (bytes are copied to the output, never
 * decoded), with corpus findings written among them.
 */
function* prerenderedMessages(r: FileResult, pre: Prerendered, color: boolean): Generator<string | Uint8Array> {
  const lineOf = frameLines(r.source);
  for (const part of pre.parts)
    yield typeof part === "string" || part instanceof Uint8Array
      ? part
      : stylishMessage(part, pre.lines?.[part.line] ?? lineOf(part.line), color);
}

/** ESLint's stylish layout with a code frame under each message. */
export const stylishChunks: ChunkedReporter = function* (results, meta) {
  const paint = meta.color ? PAINTS.color : PAINTS.plain;
  // counted on the way: the results may be read back from disk, so they are gone through once
  const n = countResult({ path: "", diagnostics: [] });
  for (const r of results) {
    const pre = r.prerendered;
    if (pre ? pre.parts.length === 0 : r.diagnostics.length === 0 && r.fatal === undefined) continue;
    const title = `\n${paint.underline(displayPath(r.path, meta.cwd))}\n`;
    if (pre) {
      addCounts(n, pre.counts);
      yield title;
      yield* prerenderedMessages(r, pre, meta.color);
      continue;
    }
    addCounts(n, countResult(r));
    yield title + fileMessages(r, paint, meta.color);
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
