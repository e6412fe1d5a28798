import { beforeEach, describe, expect, it, vi } from "vitest";
import { lintArticle } from "../src/engine/lint.js";
import type { ResolvedRule, Rule, RunSettings } from "../src/engine/types.js";
import { makeArticle, partOf } from "./helpers/article.js";

const analyzeCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock("../src/text/analyze.js", () => ({
  analyzeText: (article: { lang?: string }) => {
    analyzeCalls.count++;
    return { lang: article.lang ?? "en", words: [], sentences: [], segments: [] };
  },
}));

const settings: RunSettings = { now: new Date("2026-01-01T00:00:00Z"), health: "auto" };

function on(rule: Rule<any>, options: Record<string, unknown> = {}): ResolvedRule {
  return { rule, severity: rule.meta.severity, options };
}

/** A fake rule that reports every occurrence of a word. */
function wordRule(id: string, word: string, extra: Partial<Rule["meta"]> = {}): Rule {
  return {
    meta: {
      id,
      description: "test",
      severity: "warn",
      presets: [],
      messages: { found: "Found {{word}} ({{missing}})." },
      ...extra,
    },
    check(ctx) {
      const text = ctx.article.source.text;
      for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
        ctx.report({ messageId: "found", data: { word }, span: { start: i, end: i + word.length } });
      }
    },
  };
}

const TEXT = "# Growing basil\n\nBasil likes sun.\r\nWater basil at dawn.\n";

describe("lintArticle", () => {
  beforeEach(() => {
    analyzeCalls.count = 0;
  });

  it("stamps id, severity and url, fills placeholders and computes 1-based positions across CRLF", () => {
    const { diagnostics } = lintArticle(makeArticle(TEXT), { rules: [on(wordRule("draft/basil", "basil"))], settings });
    expect(diagnostics).toEqual([
      {
        ruleId: "draft/basil",
        severity: "warn",
        messageId: "found",
        message: "Found basil ({{missing}}).",
        url: "https://github.com/copydesk/copydesk/blob/main/docs/rules/draft/basil.md",
        span: { start: 10, end: 15 },
        line: 1,
        column: 11,
        endLine: 1,
        endColumn: 16,
      },
      expect.objectContaining({ span: { start: 41, end: 46 }, line: 4, column: 7, endLine: 4, endColumn: 12 }),
    ]);
  });

  it("uses the configured severity, not the default", () => {
    const rule = wordRule("draft/basil", "sun");
    const { diagnostics } = lintArticle(makeArticle(TEXT), {
      rules: [{ rule, severity: "error", options: {} }],
      settings,
    });
    expect(diagnostics.map((d) => d.severity)).toEqual(["error"]);
  });

  it("sorts by position, then by rule id", () => {
    const { diagnostics } = lintArticle(makeArticle(TEXT), {
      rules: [on(wordRule("seo/z", "Water")), on(wordRule("seo/b", "sun")), on(wordRule("seo/a", "Water"))],
      settings,
    });
    expect(diagnostics.map((d) => `${d.ruleId}@${d.span.start}`)).toEqual(["seo/b@29", "seo/a@35", "seo/z@35"]);
  });

  it("passes options to the rule", () => {
    const seen: unknown[] = [];
    const rule: Rule = {
      meta: { id: "seo/opts", description: "t", severity: "info", presets: [], messages: {} },
      check: (ctx) => {
        seen.push(ctx.options);
      },
    };
    lintArticle(makeArticle(TEXT), { rules: [on(rule, { max: 3 })], settings });
    expect(seen).toEqual([{ max: 3 }]);
  });

  it("gives each rule of a list its own options, id and severity, each time the same list is linted", () => {
    const seen: unknown[] = [];
    const optionRule = (id: string): Rule => ({
      meta: { id, description: "t", severity: "info", presets: [], messages: { m: "{{id}} {{max}}" } },
      check: (ctx) => {
        seen.push(ctx.options);
        ctx.report({ messageId: "m", data: { id, max: String(ctx.options.max) }, span: { start: 2, end: 4 } });
      },
    });
    const corpusOnly = { meta: { id: "seo/corpus", severity: "warn" }, checkCorpus: () => [] };
    const rules: ResolvedRule[] = [
      { rule: optionRule("seo/b"), severity: "error", options: { max: 1 } },
      { rule: corpusOnly as unknown as Rule, severity: "warn", options: {} },
      { rule: optionRule("seo/a"), severity: "warn", options: { max: 2 } },
    ];
    const article = makeArticle(TEXT);
    const shown = () =>
      lintArticle(article, { rules, settings }).diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.message}`);
    expect(shown()).toEqual(["seo/a warn seo/a 2", "seo/b error seo/b 1"]);
    expect(shown()).toEqual(["seo/a warn seo/a 2", "seo/b error seo/b 1"]);
    expect(seen).toEqual([{ max: 1 }, { max: 2 }, { max: 1 }, { max: 2 }]);
  });

  it.each([
    [{ start: 5, end: 2 }, "{start: 5, end: 2}"],
    [{ start: 0, end: 999 }, "{start: 0, end: 999}"],
    [{ start: Number.NaN, end: 3 }, "{start: NaN, end: 3}"],
    [{ start: -1, end: 3 }, "{start: -1, end: 3}"],
  ])("rejects the invalid span %j with an error naming the rule", (span, shown) => {
    const rule: Rule = {
      meta: { id: "seo/bad-span", description: "t", severity: "warn", presets: [], messages: { m: "x" } },
      check: (ctx) => ctx.report({ messageId: "m", span }),
    };
    expect(() => lintArticle(makeArticle(TEXT), { rules: [on(rule)], settings, throwOnCrash: true })).toThrow(
      `rule seo/bad-span reported an invalid report span ${shown}`,
    );
  });

  it("rejects an unknown messageId and a fix with overlapping edits", () => {
    const unknown: Rule = {
      meta: { id: "seo/unknown-id", description: "t", severity: "warn", presets: [], messages: { a: "x" } },
      check: (ctx) => ctx.report({ messageId: "b", span: { start: 0, end: 1 } }),
    };
    expect(() => lintArticle(makeArticle(TEXT), { rules: [on(unknown)], settings, throwOnCrash: true })).toThrow(
      'rule seo/unknown-id reported unknown messageId "b" (known: a)',
    );
    const overlapping: Rule = {
      meta: { id: "seo/overlap", description: "t", severity: "warn", presets: [], messages: { a: "x" } },
      check: (ctx) =>
        ctx.report({
          messageId: "a",
          span: { start: 0, end: 1 },
          fix: {
            edits: [
              { span: { start: 0, end: 4 }, text: "" },
              { span: { start: 2, end: 5 }, text: "" },
            ],
          },
        }),
    };
    expect(() => lintArticle(makeArticle(TEXT), { rules: [on(overlapping)], settings, throwOnCrash: true })).toThrow(
      "rule seo/overlap reported a fix whose edits overlap",
    );
  });

  it("turns a crashing rule into one internal/rule-crash error and keeps the other rules' findings", () => {
    const crash: Rule = {
      meta: { id: "seo/crashy", description: "t", severity: "warn", presets: [], messages: {} },
      check: () => {
        throw new TypeError("cannot read properties of undefined");
      },
    };
    const { diagnostics } = lintArticle(makeArticle(TEXT), {
      rules: [on(crash), on(wordRule("seo/sun", "sun"))],
      settings,
    });
    expect(diagnostics.map((d) => [d.ruleId, d.severity, d.line, d.column])).toEqual([
      ["internal/rule-crash", "error", 1, 1],
      ["seo/sun", "warn", 3, 13],
    ]);
    expect(diagnostics[0]?.message).toContain(
      "Rule seo/crashy crashed on this file (cannot read properties of undefined)",
    );
  });

  it("skips English-only rules on a Spanish article with one info diagnostic per file naming them", () => {
    const article = makeArticle("---\nlang: es-MX\n---\nEl basil basil.\n", { lang: "es-MX" });
    article.meta.lang = partOf(article.source.text, "es-MX");
    const { diagnostics } = lintArticle(article, {
      rules: [
        on(wordRule("readability/a", "basil", { languages: ["en"] })),
        on(wordRule("readability/b", "basil", { languages: ["en"] })),
        on(wordRule("seo/any", "El")),
        on(wordRule("seo/es", "El", { languages: ["es"] })),
        // a rule's region subtag does not matter: "es-ES" covers an es-MX article
        on(wordRule("seo/es-es", "El", { languages: ["EN", "es-ES"] })),
      ],
      settings,
    });
    expect(diagnostics.map((d) => [d.ruleId, d.severity, d.line, d.column])).toEqual([
      ["internal/language-skip", "info", 2, 7],
      ["seo/any", "warn", 4, 1],
      ["seo/es", "warn", 4, 1],
      ["seo/es-es", "warn", 4, 1],
    ]);
    expect(diagnostics[0]?.message).toBe(
      'Skipped 2 rules that only support other languages than "es": readability/a, readability/b.',
    );
  });

  it("builds the text layer lazily, once per article, and only when a rule reads it", () => {
    const reader: Rule = {
      meta: { id: "readability/reader", description: "t", severity: "warn", presets: [], messages: {} },
      check: (ctx) => {
        void ctx.text.words;
        void ctx.text.sentences;
      },
    };
    lintArticle(makeArticle(TEXT, { lang: "en" }), { rules: [on(wordRule("seo/x", "sun"))], settings });
    expect(analyzeCalls.count).toBe(0);
    lintArticle(makeArticle(TEXT, { lang: "en" }), { rules: [on(reader), on(reader)], settings });
    expect(analyzeCalls.count).toBe(1);
  });

  describe("health-only rules", () => {
    const healthRule = wordRule("health/h", "the", { healthOnly: true });
    const health = makeArticle(
      "Symptoms of the flu: a doctor may suggest treatment; the patient should rest and watch the symptoms.\n",
    );
    const garden = makeArticle("Basil grows best in the sun with water at the roots.\n");
    for (const a of [health, garden]) {
      a.blocks = [
        {
          kind: "paragraph",
          content: partOf(a.source.text, a.source.text.trim()),
          span: { start: 0, end: a.source.text.length - 1 },
        },
      ];
    }
    const count = (article: typeof health, mode: RunSettings["health"]) =>
      lintArticle(article, { rules: [on(healthRule)], settings: { ...settings, health: mode } }).diagnostics.length;

    it("run on health content under auto, never under off, always under on", () => {
      expect([count(health, "auto"), count(garden, "auto")]).toEqual([3, 0]);
      expect([count(health, "off"), count(garden, "off")]).toEqual([0, 0]);
      expect([count(health, "on"), count(garden, "on")]).toEqual([3, 2]);
    });

    it("hands back its health detection (what build's page planner asks), with or without a health rule", () => {
      for (const rules of [[on(healthRule)], []])
        expect([health, garden].map((a) => lintArticle(a, { rules, settings }).health())).toEqual([true, false]);
    });
  });

  it("turns reading notes into read/<id> diagnostics", () => {
    const article = makeArticle(TEXT, {
      readNotes: [
        { id: "missing-end-marker", message: "No END marker.", span: { start: 17, end: 22 }, severity: "warn" },
      ],
    });
    const { diagnostics } = lintArticle(article, { rules: [], settings });
    expect(diagnostics).toEqual([
      {
        ruleId: "read/missing-end-marker",
        severity: "warn",
        messageId: "missing-end-marker",
        message: "No END marker.",
        url: "https://github.com/copydesk/copydesk/blob/main/docs/rules/README.md#read-missing-end-marker",
        span: { start: 17, end: 22 },
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 6,
      },
    ]);
  });
});
