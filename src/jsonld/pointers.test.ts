import { parseTree } from "jsonc-parser";
import { describe, expect, it } from "vitest";
import type { Span } from "../model/span.js";
import { scanPointers } from "./pointers.js";
import { prepass } from "./prepass.js";
import { collectPointers, repairJsonAt } from "./repair.js";

/** What collectPointers gives over jsonc-parser's tree: the reference the scan must equal, key order included. */
function viaTree(text: string): Array<[string, Span]> {
  const out: Record<string, Span> = {};
  const tree = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (tree) collectPointers(tree, "", undefined, out);
  return Object.entries(out);
}

function viaScan(text: string): Array<[string, Span]> {
  const out: Record<string, Span> = {};
  scanPointers(text, (o) => o, out);
  return Object.entries(out);
}

describe("scanPointers", () => {
  it("gives collectPointers' table on awkward valid JSON", () => {
    for (const text of [
      '{"a":1}',
      "[]",
      "{ }",
      '{ "a/b" : [ 1 , -2.5e+3 , true , null , { } , [ ] ] , "t~x" : "s\\"q" }',
      '{"k\\u0041\\n": {"x": false}, "dup": 1, "dup": {"y": [0]}}',
      '[\n  {"@type": "Question", "name": "Why?\\\\"},\n  "x"\n]',
    ]) {
      expect(viaScan(text), text).toEqual(viaTree(text));
    }
  });

  it("gives collectPointers' table on random JSON values", () => {
    let seed = 11;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const ws = () => [" ", "", "\n  ", "\t"][rand(4)] as string;
    const keys = ["a", "b", "a", "x/y", "m~n", "é", 'q\\"', ""];
    const gen = (depth: number): string => {
      const k = depth > 3 ? rand(4) : rand(6);
      if (k === 0) return ['"s"', '"t\\\\u"', '"“x”"', '""'][rand(4)] as string;
      if (k === 1) return ["0", "-1", "2.5", "1e9", "true", "false", "null"][rand(7)] as string;
      if (k === 2 || k === 3) return [`"v${rand(9)}"`, `${rand(99)}`][rand(2)] as string;
      if (k === 4) {
        const n = rand(4);
        return `[${ws()}${Array.from({ length: n }, () => gen(depth + 1)).join(`${ws()},${ws()}`)}${ws()}]`;
      }
      const n = rand(4);
      const members = Array.from({ length: n }, () => `"${keys[rand(keys.length)]}"${ws()}:${ws()}${gen(depth + 1)}`);
      return `{${ws()}${members.join(`${ws()},${ws()}`)}${ws()}}`;
    };
    for (let t = 0; t < 500; t++) {
      const text = rand(2) ? `{"root": ${gen(0)}}` : `[${gen(0)}]`;
      expect(() => JSON.parse(text)).not.toThrow();
      expect(viaScan(text), text).toEqual(viaTree(text));
    }
  });

  it("maps through the pre-pass offsets, as the tree path does", () => {
    const L = "\u201c";
    const R = "\u201d";
    const src = `{${L}a${R}: [${L}x\ny${R}, {${L}b${R}: 2}]}`;
    const pp = prepass(src, 0, src.length, 10);
    const scanned: Record<string, Span> = {};
    scanPointers(pp.text, pp.map.ascending(), scanned);
    const tree: Record<string, Span> = {};
    collectPointers(parseTree(pp.text) as never, "", pp.map, tree);
    expect(Object.entries(scanned)).toEqual(Object.entries(tree));
    const { block } = repairJsonAt(src, 0, src.length, "leading");
    expect(src.slice(block.pointers["/a/0"]!.start, block.pointers["/a/0"]!.end)).toBe(`${L}x\ny${R}`);
  });
});
