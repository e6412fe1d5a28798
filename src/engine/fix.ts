import type { Diagnostic, Edit, Fix } from "./types.js";

/** ESLint's bound: a fix that keeps producing new fixes stops here instead of looping. */
export const MAX_FIX_PASSES = 10;

export interface FixPassResult {
  output: string;
  /** diagnostics whose fix was applied */
  applied: Diagnostic[];
  /** diagnostics not fixed in this pass (no fix, or their fix overlapped an earlier one) */
  remaining: Diagnostic[];
}

function fixRange(fix: Fix): { start: number; end: number } {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const e of fix.edits) {
    if (e.span.start < start) start = e.span.start;
    if (e.span.end > end) end = e.span.end;
  }
  return { start, end };
}

/**
 * One pass: applies every fix that does not overlap (or touch) an earlier
 * one, in source order. Suggestions are never applied. Touching fixes wait
 * for the next pass, as in ESLint, so two insertions at one point never race.
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): FixPassResult {
  const fixable = diagnostics
    .filter((d) => d.fix && d.fix.edits.length > 0)
    .map((d) => ({ d, range: fixRange(d.fix as Fix) }))
    .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const applied = new Set<Diagnostic>();
  const edits: Edit[] = [];
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (const { d, range } of fixable) {
    if (range.start <= lastEnd) continue;
    edits.push(...(d.fix as Fix).edits);
    applied.add(d);
    lastEnd = range.end;
  }
  edits.sort((a, b) => a.span.start - b.span.start);
  let output = "";
  let pos = 0;
  for (const edit of edits) {
    output += text.slice(pos, edit.span.start) + edit.text;
    pos = edit.span.end;
  }
  output += text.slice(pos);
  return {
    output,
    applied: diagnostics.filter((d) => applied.has(d)),
    remaining: diagnostics.filter((d) => !applied.has(d)),
  };
}

export interface FixResult {
  output: string;
  /** every diagnostic fixed, over all passes (positions refer to the text of their own pass) */
  applied: Diagnostic[];
  /** what the final text still has */
  remaining: Diagnostic[];
  passes: number;
}

/**
 * Fixes until nothing more is fixable or MAX_FIX_PASSES is reached.
 * `lint` re-reads and re-lints a text (the caller owns reading and config),
 * because one fix can reveal or move another problem.
 */
export function fixText(text: string, lint: (text: string) => Diagnostic[], maxPasses = MAX_FIX_PASSES): FixResult {
  let current = text;
  let diagnostics = lint(current);
  const applied: Diagnostic[] = [];
  let passes = 0;
  while (passes < maxPasses) {
    const pass = applyFixes(current, diagnostics);
    if (pass.applied.length === 0 || pass.output === current) break;
    passes++;
    applied.push(...pass.applied);
    current = pass.output;
    diagnostics = lint(current);
  }
  return { output: current, applied, remaining: diagnostics, passes };
}
