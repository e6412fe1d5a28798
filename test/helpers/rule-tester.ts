import { describe, expect, it } from "vitest";
import { corpusEntry, lintCorpus } from "../../src/engine/corpus.js";
import { applyFixes } from "../../src/engine/fix.js";
import { lintArticle } from "../../src/engine/lint.js";
import type { CorpusRule, Diagnostic, ResolvedRule, Rule, RuleMeta, RunSettings } from "../../src/engine/types.js";
import type { Article, SourceFormat } from "../../src/model/article.js";
import { readArticle } from "../../src/read/index.js";

/** Fixed "today" for every rule test, so date rules are deterministic. */
export const TEST_NOW = new Date("2026-06-15T12:00:00Z");

export interface ExpectedError {
  messageId: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  data?: Record<string, string | number>;
}

interface CaseBase {
  name?: string;
  options?: Record<string, unknown>;
  settings?: Partial<RunSettings>;
}

/** A draft text read with `readArticle`, or a hand-built Article (for tests independent of the readers). */
export type Case = CaseBase &
  (
    | { code: string; from?: SourceFormat; path?: string; article?: never }
    | { article: Article; code?: never; from?: never; path?: never }
  ) & {
    errors?: ExpectedError[];
    /** the text after one pass of fixes: required when the rule fixes, must differ from the input */
    output?: string;
  };

export interface RuleTests {
  valid: Case[];
  invalid: Case[];
}

function caseArticle(c: Case): Article {
  if (c.article) return c.article;
  return readArticle({ path: c.path ?? "draft.txt", text: c.code as string }, c.from ? { from: c.from } : {});
}

function caseName(c: Case, i: number): string {
  if (c.name) return c.name;
  const text = c.code ?? c.article?.source.text ?? "";
  const line = text.replace(/\s+/g, " ").trim();
  return `#${i + 1}: ${line.length > 60 ? `${line.slice(0, 57)}...` : line}`;
}

function settingsOf(c: Case): RunSettings {
  return { now: TEST_NOW, health: "auto", ...c.settings };
}

function resolveOptions(meta: RuleMeta<any>, options: Record<string, unknown> | undefined) {
  if (!meta.options) {
    if (options && Object.keys(options).length > 0) throw new Error(`${meta.id} takes no options`);
    return {};
  }
  // throws on invalid options, like ESLint's RuleTester validating against meta.schema
  return meta.options.parse(options ?? {}) as Record<string, unknown>;
}

function assertErrors(meta: RuleMeta<any>, got: Diagnostic[], expected: ExpectedError[]): void {
  const { id: ruleId, messages } = meta;
  for (const e of expected) {
    if (!(e.messageId in messages)) throw new Error(`case expects unknown messageId "${e.messageId}" of ${ruleId}`);
  }
  const summary = got.map((d) => `${d.messageId} ${d.line}:${d.column}-${d.endLine}:${d.endColumn}`);
  expect(got.length, `expected ${expected.length} error(s), got ${got.length}: ${summary.join("; ")}`).toBe(
    expected.length,
  );
  expected.forEach((e, i) => {
    const d = got[i] as Diagnostic;
    const actual: Record<string, unknown> = { messageId: d.messageId };
    const wanted: Record<string, unknown> = { messageId: e.messageId };
    for (const key of ["line", "column", "endLine", "endColumn"] as const) {
      if (e[key] !== undefined) {
        actual[key] = d[key];
        wanted[key] = e[key];
      }
    }
    expect(actual, `error ${i + 1}`).toEqual(wanted);
    if (e.data) {
      const template = messages[e.messageId] as string;
      for (const [k, v] of Object.entries(e.data)) {
        expect(d.message, `error ${i + 1}: data.${k}`).toContain(String(v));
        expect(
          template.includes(`{{${k}}}`) || template.includes(`{{ ${k} }}`),
          `message ${e.messageId} has no {{${k}}}`,
        ).toBe(true);
      }
    }
  });
}

function assertOutput(source: string, got: Diagnostic[], c: Case): void {
  const fixable = got.some((d) => d.fix);
  if (!fixable) {
    if (c.output !== undefined && c.output !== source) {
      throw new Error("the case has an `output` but the rule produced no fix");
    }
    return;
  }
  if (c.output === undefined) throw new Error("The rule fixed the text. Please add an `output` property.");
  if (c.output === source) throw new Error("`output` equals the input; a fix must change the text.");
  expect(applyFixes(source, got).output).toBe(c.output);
}

export function checkDuplicates(cases: Case[]): void {
  const seen = new Set<string>();
  for (const c of cases) {
    if (!c.code) continue;
    const key = JSON.stringify([c.code, c.from, c.path, c.options, c.settings]);
    if (seen.has(key)) throw new Error(`duplicate test case: ${caseName(c, 0)}`);
    seen.add(key);
  }
}

function runRule(rule: Rule<any>, c: Case) {
  const { meta } = rule;
  const article = caseArticle(c);
  const before = structuredClone(article);
  const resolved: ResolvedRule = { rule, severity: meta.severity, options: resolveOptions(meta, c.options) };
  const { diagnostics } = lintArticle(article, { rules: [resolved], settings: settingsOf(c), throwOnCrash: true });
  expect(article, "the rule mutated the article").toEqual(before);
  return { article, got: diagnostics.filter((d) => d.ruleId === meta.id) };
}

/** Runs one valid case; throws (an assertion error) when the rule reports anything. */
export function runValidCase(rule: Rule<any>, c: Case): void {
  const { got } = runRule(rule, c);
  expect(got.map((d) => `${d.messageId} ${d.line}:${d.column}`)).toEqual([]);
}

/** Runs one invalid case; throws when the reports or the fixed output differ from the case. */
export function runInvalidCase(rule: Rule<any>, c: Case): void {
  if (!c.errors || c.errors.length === 0) throw new Error("an invalid case needs at least one expected error");
  const { article, got } = runRule(rule, c);
  assertErrors(rule.meta, got, c.errors);
  assertOutput(article.source.text, got, c);
}

/**
 * ESLint-style table tests for one per-article rule: only this rule runs,
 * with its options; messageIds and positions are asserted exactly, and
 * fixes must declare their exact output. Rules must not mutate the article.
 */
export function testRule(rule: Rule<any>, tests: RuleTests): void {
  describe(rule.meta.id, () => {
    checkDuplicates([...tests.valid, ...tests.invalid]);
    tests.valid.forEach((c, i) => {
      it(`valid ${caseName(c, i)}`, () => runValidCase(rule, c));
    });
    tests.invalid.forEach((c, i) => {
      it(`invalid ${caseName(c, i)}`, () => runInvalidCase(rule, c));
    });
  });
}

/** One corpus case: several drafts, and the errors expected on each (by index). */
export interface CorpusCase extends CaseBase {
  articles: Array<{ code: string; path?: string; from?: SourceFormat } | Article>;
  /** expected errors per article index; missing indexes expect none */
  errors?: Record<number, ExpectedError[]>;
}

/** Table tests for a corpus rule: valid cases report nothing; invalid ones report exactly `errors`. */
export function testCorpusRule(rule: CorpusRule<any>, tests: { valid: CorpusCase[]; invalid: CorpusCase[] }): void {
  const { meta } = rule;
  const run = (c: CorpusCase) => {
    const articles = c.articles.map((a, i) =>
      "source" in a
        ? a
        : readArticle({ path: a.path ?? `draft-${i + 1}.txt`, text: a.code }, a.from ? { from: a.from } : {}),
    );
    const resolved: ResolvedRule = { rule, severity: meta.severity, options: resolveOptions(meta, c.options) };
    return lintCorpus(articles.map(corpusEntry), {
      rules: [resolved],
      texts: articles.map((a) => a.source.text),
      throwOnCrash: true,
    });
  };
  describe(meta.id, () => {
    tests.valid.forEach((c, i) => {
      it(`valid ${c.name ?? `#${i + 1}`}`, () => {
        expect(
          run(c)
            .flat()
            .map((d) => `${d.messageId} ${d.line}:${d.column}`),
        ).toEqual([]);
      });
    });
    tests.invalid.forEach((c, i) => {
      it(`invalid ${c.name ?? `#${i + 1}`}`, () => {
        if (!c.errors || Object.keys(c.errors).length === 0) throw new Error("an invalid case needs expected errors");
        const perFile = run(c);
        perFile.forEach((got, index) => {
          assertErrors(meta, got, c.errors?.[index] ?? []);
        });
      });
    });
  });
}
