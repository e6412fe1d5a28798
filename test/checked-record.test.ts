import { describe, expect, it } from "vitest";
import { decodeHead, encodeChecked, prerenderedOf } from "../src/engine/checked-record.js";
import { compareDiagnostics } from "../src/engine/diagnostic.js";
import type { Diagnostic } from "../src/engine/types.js";
import { jsonMessage, jsonReporter } from "../src/report/json.js";
import { stylishReporter } from "../src/report/stylish.js";
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
    expect(pre.parts.filter((p) => typeof p !== "string" && !(p instanceof Uint8Array))).toEqual(extra);
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

  it("without corpus findings, serves the messages as the bytes they were stored, and the counts as encoded", () => {
    // `<head>\t<meta>\t<order><names><messages><tail>`, JSON without names
    const [, metaText, rest] = record.toString().split("\t");
    const messages = own.map((d) => jsonMessage(d, "")).join(",");
    const orderText = JSON.stringify({
      ends: [0, 1, 2, 3].map((i) =>
        Buffer.byteLength(
          messages
            .split(",{")
            .slice(0, i + 1)
            .join(",{"),
        ),
      ),
      spans: own.flatMap((d) => [d.span.start, d.span.end]),
    });
    expect(rest).toBe(`${orderText}${messages},"stats":{"words":3},"scores":{"seo":1}`);
    expect(JSON.parse(metaText as string)).toEqual({
      counts: decodeHead(record).counts,
      sizes: [Buffer.byteLength(orderText), 0, Buffer.byteLength(messages)],
    });
    const pre = prerenderedOf(record, undefined);
    expect(pre.parts).toHaveLength(1);
    const bytes = pre.parts[0] as Uint8Array;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes).toString()).toBe(own.map((d) => jsonMessage(d, "")).join(","));
    expect(pre.counts).toEqual(decodeHead(record).counts);
    expect(Buffer.from(pre.tail as Uint8Array).toString()).toBe(',"stats":{"words":3},"scores":{"seo":1}');
    const fast = jsonReporter([{ path: result.path, diagnostics: [], prerendered: pre }], meta);
    expect(fast).toBe(jsonReporter([result], meta));
  });

  it("with no messages, has no parts (reporters skip the file)", () => {
    const empty = Buffer.from(encodeChecked({ path: "/d/e.md", diagnostics: [] }, undefined, "x", "stylish"));
    expect(prerenderedOf(empty, undefined).parts).toEqual([]);
    const fast = jsonReporter(
      [{ path: "/d/e.md", diagnostics: [], prerendered: prerenderedOf(empty, undefined) }],
      meta,
    );
    expect(fast).toBe(jsonReporter([{ path: "/d/e.md", diagnostics: [] }], meta));
  });

  it("stores stylish messages (line breaks, tabs and all) as they print, frames of the summary's lines included", () => {
    const text = "# Title\there\n\nBody\ttext “here”.\n";
    const d = { ...diag("x/tab", 10, 14, "a\tmessage\nover lines"), line: 3, column: 2, endLine: 3, endColumn: 6 };
    const d2 = { ...diag("y/two", 20, 22, "second"), line: 3, column: 12, endLine: 3, endColumn: 14 };
    const entry = { path: "/d/t.md", title: { text: "Title here", span: { start: 2, end: 12 } } };
    const rec = Buffer.from(encodeChecked({ path: "/d/t.md", diagnostics: [d, d2] }, entry, text, "stylish"));
    const first = "  3:2  warning  a\tmessage\nover lines  x/tab\n    3 | Body text “here”.\n      |  ^^^^\n";
    const second = "  3:12  warning  second  y/two\n    3 | Body text “here”.\n      |            ^^\n";
    const pre = prerenderedOf(rec, undefined);
    expect(pre.parts.map((p) => Buffer.from(p as Uint8Array).toString())).toEqual([first + second]);
    expect(pre.lines).toBeUndefined();
    // a corpus finding between the two: the bytes are cut at the message boundary, the frame from the stored line
    const title = { ...diag("seo/dup", 15, 16, "dup"), line: 1, column: 3, endLine: 1, endColumn: 13 };
    const merged = prerenderedOf(rec, [title]);
    expect(merged.parts.map((p) => (p instanceof Uint8Array ? Buffer.from(p).toString() : p))).toEqual([
      first,
      title,
      second,
    ]);
    expect(merged.lines).toEqual({ 1: "# Title here" });
    expect(merged.counts.warningCount).toBe(3);
  });

  it("places stylish corpus findings that tie on span by rule id, then by message, as the sort does", () => {
    const text = "0123456789abcdefghij0123456789\n";
    const at = (d: Diagnostic) => ({ ...d, line: 1, column: d.span.start + 1, endLine: 1, endColumn: d.span.end + 1 });
    const own = [
      diag("a/one", 0, 5, "first"),
      diag("m/tie", 10, 20, "middle message"),
      diag("z/tie", 10, 20, "same span, rule after"),
      diag("c/late", 25, 26, "late"),
    ]
      .map(at)
      .sort(compareDiagnostics);
    const rec = Buffer.from(encodeChecked({ path: "/d/s.md", diagnostics: own }, undefined, text, "stylish"));
    const extra = [
      diag("m/tie", 10, 20, "a message before"), // same span and rule: by message, before the own one
      diag("m/tie", 10, 20, "middle message"), // equal: after the own one (stable sort)
      diag("m/tie", 10, 20, "zz message after"),
      diag("n/tie", 10, 20, "between by rule"),
      diag("b/early", 0, 4, "before everything"),
    ]
      .map(at)
      .sort(compareDiagnostics);
    const pre = prerenderedOf(rec, extra);
    const fast = stylishReporter([{ path: "/d/s.md", diagnostics: [], prerendered: pre, source: text }], meta);
    const merged = [...own, ...extra].sort(compareDiagnostics);
    expect(fast).toBe(stylishReporter([{ path: "/d/s.md", diagnostics: merged, source: text }], meta));
    expect(fast.indexOf("a message before")).toBeLessThan(fast.indexOf("middle message"));
    expect(fast.indexOf("zz message after")).toBeLessThan(fast.indexOf("between by rule"));
  });
});
