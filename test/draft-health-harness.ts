/**
 * Fixture helpers for the draft/* and health/* rule tests: bundle drafts,
 * positions of a needle in a fixture, named case tables for the shared rule
 * tester (test/helpers/rule-tester.ts), and a one-rule lint for checks the
 * tester does not cover (suggestions, the seed).
 */
import { lintArticle } from "../src/engine/lint.js";
import type { Diagnostic, Rule, RunSettings } from "../src/engine/types.js";
import type { SourceFormat } from "../src/model/article.js";
import { readArticle } from "../src/read/index.js";
import { type Case, type RuleTests, TEST_NOW } from "./helpers/rule-tester.js";

export { TEST_NOW };

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

/**
 * Named cases → the shared tester's valid/invalid tables: a case with no
 * expected errors is valid. Health rules run with health "on" unless the
 * case says otherwise, so a fixture need not also prove detection.
 */
export function tables(cases: Array<[string, RuleCase]>, health: RunSettings["health"] = "auto"): RuleTests {
  const valid: Case[] = [];
  const invalid: Case[] = [];
  for (const [name, c] of cases) {
    const tc: Case = { name, code: c.code, settings: { health, ...c.settings } };
    if (c.from) tc.from = c.from;
    if (c.options) tc.options = c.options;
    if (c.errors.length === 0) valid.push(tc);
    else invalid.push({ ...tc, errors: c.errors });
  }
  return { valid, invalid };
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
