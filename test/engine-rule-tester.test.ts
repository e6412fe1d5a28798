import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { CorpusRule, Rule } from "../src/engine/types.js";
import { makeArticle } from "./helpers/article.js";
import { checkDuplicates, runInvalidCase, runValidCase, testCorpusRule, testRule } from "./helpers/rule-tester.js";

/** Fake rule: flags "teh" (fixable to "the") and, over `max` exclamation marks, suggests removing them. */
const typo: Rule<{ max: number }> = {
  meta: {
    id: "draft/teh",
    description: "test",
    severity: "warn",
    presets: [],
    fixable: "safe",
    messages: { typo: "Write “the”, not “{{word}}”.", shouty: "{{count}} exclamation marks.", drop: "Remove them." },
    options: z.strictObject({ max: z.number().int().default(1) }),
  },
  check(ctx) {
    const text = ctx.article.source.text;
    for (const m of text.matchAll(/\bteh\b/g)) {
      const span = { start: m.index, end: m.index + 3 };
      ctx.report({ messageId: "typo", data: { word: "teh" }, span, fix: { edits: [{ span, text: "the" }] } });
    }
    const bangs = [...text.matchAll(/!/g)];
    if (bangs.length > ctx.options.max) {
      const first = bangs[0]?.index ?? 0;
      ctx.report({
        messageId: "shouty",
        data: { count: bangs.length },
        span: { start: first, end: first + 1 },
        suggestions: [{ messageId: "drop", fix: { edits: [{ span: { start: first, end: first + 1 }, text: "" }] } }],
      });
    }
  },
};

// The tester's own table, run as it would be for a real rule.
testRule(typo, {
  valid: [
    { code: "# Sowing beans\n\nSow the beans in spring.\n" },
    { name: "options raise the limit", code: "# Wow\n\nGreat! Really!\n", options: { max: 2 } },
    { name: "hand-built article", article: makeArticle("Plain text.") },
  ],
  invalid: [
    {
      code: "# Sowing beans\n\nSow teh beans in teh spring.\n",
      errors: [
        { messageId: "typo", line: 3, column: 5, endLine: 3, endColumn: 8, data: { word: "teh" } },
        { messageId: "typo", line: 3, column: 18, endLine: 3, endColumn: 21 },
      ],
      output: "# Sowing beans\n\nSow the beans in the spring.\n",
    },
    {
      name: "suggestions are not applied, so no output is needed",
      article: makeArticle("Stop! Now!"),
      errors: [{ messageId: "shouty", line: 1, column: 5, data: { count: 2 } }],
    },
  ],
});

describe("rule tester semantics (ESLint RuleTester rules)", () => {
  const fixed = { code: "# T\n\nteh end\n", errors: [{ messageId: "typo", line: 3, column: 1 }] };

  it("fails when the rule fixes and the case has no output", () => {
    expect(() => runInvalidCase(typo, fixed)).toThrow("The rule fixed the text. Please add an `output` property.");
  });

  it("fails when output equals the input", () => {
    expect(() => runInvalidCase(typo, { ...fixed, output: fixed.code })).toThrow("`output` equals the input");
  });

  it("fails on a wrong fixed output", () => {
    expect(() => runInvalidCase(typo, { ...fixed, output: "# T\n\nThe end\n" })).toThrow();
  });

  it("fails on unknown messageIds, wrong positions and wrong counts", () => {
    expect(() =>
      runInvalidCase(typo, { ...fixed, errors: [{ messageId: "typos" }], output: "# T\n\nthe end\n" }),
    ).toThrow('case expects unknown messageId "typos" of draft/teh');
    expect(() =>
      runInvalidCase(typo, {
        ...fixed,
        errors: [{ messageId: "typo", line: 3, column: 2 }],
        output: "# T\n\nthe end\n",
      }),
    ).toThrow();
    expect(() =>
      runInvalidCase(typo, {
        ...fixed,
        errors: [{ messageId: "typo" }, { messageId: "typo" }],
        output: "# T\n\nthe end\n",
      }),
    ).toThrow("expected 2 error(s), got 1: typo 3:1-3:4");
  });

  it("fails a valid case that reports, an invalid case without errors, and bad options", () => {
    expect(() => runValidCase(typo, { code: "teh" })).toThrow();
    expect(() => runInvalidCase(typo, { code: "teh", output: "the" })).toThrow("needs at least one expected error");
    expect(() => runValidCase(typo, { code: "fine", options: { max: "two" } })).toThrow();
  });

  it("fails a rule that mutates the article, and lets a crash through with its stack", () => {
    const mutating: Rule = {
      meta: { id: "draft/mutate", description: "t", severity: "warn", presets: [], messages: {} },
      check(ctx) {
        ctx.article.faq.push({
          question: { text: "q", span: { start: 0, end: 0 } },
          answer: { text: "a", span: { start: 0, end: 0 } },
          span: { start: 0, end: 0 },
        });
      },
    };
    expect(() => runValidCase(mutating, { article: makeArticle("x") })).toThrow("the rule mutated the article");
    const crashing: Rule = {
      meta: { id: "draft/crash", description: "t", severity: "warn", presets: [], messages: {} },
      check() {
        throw new RangeError("boom");
      },
    };
    expect(() => runValidCase(crashing, { article: makeArticle("x") })).toThrow(RangeError);
  });

  it("rejects duplicate cases", () => {
    expect(() => checkDuplicates([{ code: "same" }, { code: "same" }])).toThrow("duplicate test case");
  });
});

/** Fake corpus rule: a title already used by an earlier article. */
const sameTitle: CorpusRule = {
  meta: {
    id: "seo/same-title",
    description: "t",
    severity: "warn",
    presets: [],
    messages: { dup: "Also the title of {{path}}." },
  },
  checkCorpus(ctx) {
    const first = new Map<string, string>();
    ctx.articles.forEach((a, i) => {
      if (!a.title) return;
      const path = first.get(a.title.text);
      if (path) ctx.report(i, { messageId: "dup", data: { path }, span: a.title.span });
      else first.set(a.title.text, a.path);
    });
  },
};

testCorpusRule(sameTitle, {
  valid: [{ articles: [{ code: "# Sowing beans\n\nText.\n" }, { code: "# Sowing peas\n\nText.\n" }] }],
  invalid: [
    {
      articles: [{ code: "# Sowing beans\n\nText.\n" }, { code: "\n# Sowing beans\n\nOther text.\n" }],
      errors: {
        1: [{ messageId: "dup", line: 2, column: 3, endLine: 2, endColumn: 15, data: { path: "draft-1.txt" } }],
      },
    },
  ],
});
