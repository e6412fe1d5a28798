/**
 * Table-test runner for the draft/* and health/* rules: each case is a draft
 * read by the real reader, linted by the real engine with one rule, and
 * compared by messageId and exact 1-based positions (the case shape of the
 * shared rule tester, so tables can move there unchanged).
 */
import { lintArticle } from "../src/engine/lint.js";
import type { Diagnostic, Rule, RunSettings } from "../src/engine/types.js";
import type { SourceFormat } from "../src/model/article.js";
import { readArticle } from "../src/read/index.js";

export interface ExpectedError {
  messageId: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface RuleCase {
  /** the draft as written */
  code: string;
  from?: SourceFormat;
  options?: Record<string, unknown>;
  settings?: Partial<RunSettings>;
  errors: ExpectedError[];
}

/** A fixed "today" so date checks never depend on the clock. */
export const TEST_NOW = new Date("2026-11-24T12:00:00Z");

export function lintWith(rule: Rule<any>, c: Omit<RuleCase, "errors">): Diagnostic[] {
  const article = readArticle({ path: "case.txt", text: c.code }, c.from ? { from: c.from } : {});
  const options = rule.meta.options ? (rule.meta.options.parse(c.options ?? {}) as Record<string, unknown>) : {};
  const settings: RunSettings = { now: TEST_NOW, health: "on", ...c.settings };
  const { diagnostics } = lintArticle(article, {
    rules: [{ rule, severity: rule.meta.severity, options }],
    settings,
    throwOnCrash: true,
  });
  return diagnostics.filter((d) => d.ruleId === rule.meta.id);
}

/** The diagnostics of one case in the shape of `ExpectedError`, keeping only the fields the case asserts. */
export function actualErrors(rule: Rule<any>, c: RuleCase): ExpectedError[] {
  return lintWith(rule, c).map((d, i) => {
    const want = c.errors[i];
    const got: ExpectedError = { messageId: d.messageId, line: d.line, column: d.column };
    if (want?.endLine !== undefined) got.endLine = d.endLine;
    if (want?.endColumn !== undefined) got.endColumn = d.endColumn;
    return got;
  });
}

/** A bundle draft: title line, body lines, then a metadata block with the focus keyphrase and extra fields. */
export function bundle(lines: string[], meta: Record<string, unknown> = {}): string {
  return `${lines.join("\n")}\n===SCHEMA_JSON_START===\n${JSON.stringify(meta, null, 1)}\n===SCHEMA_JSON_END===\n`;
}

/**
 * 1-based start and end of the `nth` occurrence of `needle` in `code`, for
 * expected errors that say "exactly this text" without hand-counted columns.
 */
export function loc(code: string, needle: string, nth = 1): Omit<ExpectedError, "messageId"> {
  let start = -1;
  for (let i = 0; i < nth; i++) {
    start = code.indexOf(needle, start + 1);
    if (start < 0) throw new Error(`fixture: occurrence ${nth} of ${JSON.stringify(needle)} not found`);
  }
  const point = (offset: number) => {
    const before = code.slice(0, offset);
    const line = before.split("\n").length;
    return { line, column: offset - before.lastIndexOf("\n") };
  };
  const s = point(start);
  const e = point(start + needle.length);
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}
