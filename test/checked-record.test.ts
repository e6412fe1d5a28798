import { describe, expect, it } from "vitest";
import { decodeHead, encodeChecked, prerenderedOf } from "../src/engine/checked-record.js";
import { compareDiagnostics } from "../src/engine/diagnostic.js";
import type { Diagnostic } from "../src/engine/types.js";
import { jsonReporter } from "../src/report/json.js";
import type { FileResult, ReportMeta } from "../src/report/types.js";

const meta: ReportMeta = { cwd: "/", color: false, rules: [], toolVersion: "0" };

function diag(ruleId: string, start: number, end: number, message: string, severity: Diagnostic["severity"] = "warn") {
  return {
    ruleId,
    severity,
    messageId: "m",
    message,
    url: "u",
    span: { start, end },
    line: 1,
    column: start + 1,
    endLine: 1,
    endColumn: end + 1,
    ...(severity === "error" ? { fix: { edits: [{ span: { start, end }, text: 'é\t"x"' }] } } : {}),
  } satisfies Diagnostic;
}

describe("records made for the JSON report", () => {
  // own diagnostics, sorted as a file's are; two of them share a span with corpus findings below
  const own = [
    diag("a/one", 0, 5, "first"),
    diag("m/tie", 10, 20, "same span, rule before", "error"),
    diag("z/tie", 10, 20, "same span, rule after"),
    diag("c/late", 40, 41, "tabs\tand “quotes”"),
  ].sort(compareDiagnostics);
  const result = { path: "/d/a.md", diagnostics: own, stats: { words: 3 }, scores: { seo: 1 } };
  const record = Buffer.from(encodeChecked(result, undefined, undefined, "json"));

  it("writes the same entry as the reporter does from the diagnostics, corpus findings merged in order", () => {
    const extra = [
      diag("m/tie", 10, 20, "same span, rule before"), // equal to an own one: after it (stable sort)
      diag("n/tie", 10, 20, "same span, between"),
      diag("b/early", 0, 4, "before everything", "error"),
      diag("x/end", 50, 60, "after everything"),
    ].sort(compareDiagnostics);
    const pre = prerenderedOf(record, extra);
    expect(pre.parts.filter((p) => typeof p !== "string")).toEqual(extra);
    const merged: FileResult = { ...result, diagnostics: [...own, ...extra].sort(compareDiagnostics) };
    const fast = jsonReporter([{ path: result.path, diagnostics: [], prerendered: pre }], meta);
    expect(fast).toBe(jsonReporter([merged], meta));
    expect(JSON.parse(fast)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual([
      "b/early",
      "a/one",
      "m/tie",
      "m/tie",
      "n/tie",
      "z/tie",
      "c/late",
      "x/end",
    ]);
    expect(JSON.parse(fast)[0].errorCount).toBe(2);
  });

  it("without corpus findings, serves the messages and counts as encoded, from one line with two tabs", () => {
    expect(record.includes(10)).toBe(false);
    expect([...record].filter((b) => b === 9)).toHaveLength(2);
    const pre = prerenderedOf(record, undefined);
    expect(pre.parts).toHaveLength(4);
    expect(pre.counts).toEqual(decodeHead(record).counts);
    expect(pre.tail).toBe(',"stats":{"words":3},"scores":{"seo":1}');
    const fast = jsonReporter([{ path: result.path, diagnostics: [], prerendered: pre }], meta);
    expect(fast).toBe(jsonReporter([result], meta));
  });

  it("stores stylish messages (line breaks, tabs and all) on one line, frames of the summary's lines included", () => {
    const text = "# Title\there\n\nBody\ttext “here”.\n";
    const d = { ...diag("x/tab", 10, 14, "a\tmessage\nover lines"), line: 3, column: 2, endLine: 3, endColumn: 6 };
    const entry = { path: "/d/t.md", title: { text: "Title here", span: { start: 2, end: 12 } } };
    const rec = Buffer.from(encodeChecked({ path: "/d/t.md", diagnostics: [d] }, entry, text, "stylish"));
    expect(rec.includes(10)).toBe(false);
    expect([...rec].filter((b) => b === 9)).toHaveLength(2);
    const pre = prerenderedOf(rec, undefined);
    expect(pre.parts).toEqual([
      "  3:2  warning  a\tmessage\nover lines  x/tab\n    3 | Body text “here”.\n      |  ^^^^\n",
    ]);
    expect(pre.lines).toEqual({ 1: "# Title here" });
  });
});
