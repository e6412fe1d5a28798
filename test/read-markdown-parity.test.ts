import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readMarkdown } from "../src/read/markdown.js";
import { markdownTree } from "../src/read/markdown-tree.js";

// expected.json holds what the mdast/micromark reader returned for these files
// (LF and CRLF), recorded before the switch to marked's lexer: the marked
// reader must give the same article, span for span.
const expected: Record<string, unknown> = JSON.parse(
  readFileSync("test/fixtures/markdown-parity/expected.json", "utf8"),
);

describe("markdown reader on marked keeps the mdast reader's output", () => {
  for (const [key, want] of Object.entries(expected)) {
    it(key, () => {
      const path = key.replace(/ \(CRLF\)$/, "");
      let text = readFileSync(path, "utf8");
      if (key.endsWith("(CRLF)")) text = text.replace(/\r?\n/g, "\r\n");
      expect(JSON.parse(JSON.stringify(readMarkdown({ path, text })))).toEqual(want);
    });
  }
});

describe("markdownTree offsets", () => {
  // these offsets and values are what mdast-util-from-markdown gives for the same source
  it("maps quote and list children back through their prefixes, and CRLF", () => {
    const src = "> q *e*\n>  r\r\n\r\n- a\r\n  b  \\\r\n  c\r\n";
    const [quote, list] = markdownTree(src);
    expect(quote?.type).toBe("blockquote");
    if (quote?.type !== "blockquote" || list?.type !== "list") throw new Error("shape");
    const para = quote.children[0];
    if (para?.type !== "paragraph") throw new Error("shape");
    expect(para.pos).toEqual({ start: 2, end: 12 });
    expect(para.children.map((c) => [c.type, c.pos.start, c.pos.end])).toEqual([
      ["text", 2, 4],
      ["emphasis", 4, 7],
      ["text", 7, 12],
    ]);
    expect(para.children[2]).toMatchObject({ value: "\nr" });
    const item = list.children[0];
    expect(item?.pos).toEqual({ start: 16, end: 32 });
    const ip = item?.children[0];
    if (ip?.type !== "paragraph") throw new Error("shape");
    expect(ip.children.map((c) => [c.type, c.pos.start, c.pos.end, "value" in c ? c.value : ""])).toEqual([
      ["text", 18, 26, "a\r\nb  "],
      ["break", 26, 29, ""],
      ["text", 31, 32, "c"],
    ]);
  });
});
