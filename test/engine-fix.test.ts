import { describe, expect, it } from "vitest";
import { applyFixes, fixText, MAX_FIX_PASSES } from "../src/engine/fix.js";
import { lintArticle } from "../src/engine/lint.js";
import type { Diagnostic, Fix, Rule } from "../src/engine/types.js";
import { makeArticle } from "./helpers/article.js";

function diag(fix?: Fix, suggestions?: Diagnostic["suggestions"]): Diagnostic {
  const d: Diagnostic = {
    ruleId: "draft/t",
    severity: "warn",
    messageId: "m",
    message: "m",
    url: "",
    span: { start: 0, end: 0 },
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
  };
  if (fix) d.fix = fix;
  if (suggestions) d.suggestions = suggestions;
  return d;
}
const edit = (start: number, end: number, text: string) => ({ span: { start, end }, text });

describe("applyFixes", () => {
  it("applies non-overlapping fixes in one pass, whatever their order", () => {
    const a = diag({ edits: [edit(10, 13, "ten")] });
    const b = diag({ edits: [edit(0, 3, "one")] });
    const r = applyFixes("abc defghiXYZ tail", [a, b]);
    expect(r.output).toBe("one defghiten tail");
    expect(r.applied).toEqual([a, b]);
    expect(r.remaining).toEqual([]);
  });

  it("applies all edits of a multi-edit fix together", () => {
    const r = applyFixes("“quoted”", [diag({ edits: [edit(0, 1, '"'), edit(7, 8, '"')] })]);
    expect(r.output).toBe('"quoted"');
  });

  it("skips fixes that overlap or touch an earlier one, leaving them for the next pass", () => {
    const first = diag({ edits: [edit(0, 5, "AAAAA")] });
    const overlapping = diag({ edits: [edit(3, 7, "B")] });
    const touching = diag({ edits: [edit(5, 6, "C")] });
    const later = diag({ edits: [edit(8, 9, "D")] });
    const r = applyFixes("0123456789", [overlapping, later, touching, first]);
    expect(r.output).toBe("AAAAA567D9");
    expect(r.applied).toEqual([later, first]);
    expect(r.remaining).toEqual([overlapping, touching]);
  });

  it("never applies suggestions", () => {
    const d = diag(undefined, [{ message: "s", fix: { edits: [edit(0, 1, "Z")] } }]);
    const r = applyFixes("abc", [d]);
    expect(r.output).toBe("abc");
    expect(r.remaining).toEqual([d]);
  });
});

/** Replaces the first "  " (double space) with " ": each pass fixes one, so it needs several passes. */
const doubleSpace: Rule = {
  meta: { id: "draft/double-space", description: "t", severity: "warn", presets: [], messages: { m: "double space" } },
  check(ctx) {
    const i = ctx.article.source.text.indexOf("  ");
    if (i >= 0) ctx.report({ messageId: "m", span: { start: i, end: i + 2 }, fix: { edits: [edit(i, i + 2, " ")] } });
  },
};

/** Always fixable: appends "!" forever, so only the pass bound stops it. */
const runaway: Rule = {
  meta: { id: "draft/runaway", description: "t", severity: "warn", presets: [], messages: { m: "more" } },
  check(ctx) {
    const n = ctx.article.source.text.length;
    ctx.report({ messageId: "m", span: { start: n, end: n }, fix: { edits: [edit(n, n, "!")] } });
  },
};

function linter(rule: Rule) {
  return (text: string) =>
    lintArticle(makeArticle(text), {
      rules: [{ rule, severity: "warn", options: {} }],
      settings: { now: new Date(0), health: "off" },
    }).diagnostics;
}

describe("fixText", () => {
  it("re-lints between passes until nothing is fixable", () => {
    const r = fixText("a    b  c", linter(doubleSpace));
    expect(r.output).toBe("a b c");
    expect(r.passes).toBe(4);
    expect(r.applied).toHaveLength(4);
    expect(r.remaining).toEqual([]);
  });

  it(`stops after ${MAX_FIX_PASSES} passes and reports what remains`, () => {
    const r = fixText("x", linter(runaway));
    expect(r.output).toBe(`x${"!".repeat(MAX_FIX_PASSES)}`);
    expect(r.passes).toBe(MAX_FIX_PASSES);
    expect(r.remaining.map((d) => d.ruleId)).toEqual(["draft/runaway"]);
  });
});
