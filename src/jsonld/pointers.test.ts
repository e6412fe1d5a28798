import { parseTree } from "jsonc-parser";
import { describe, expect, it } from "vitest";
import type { Span } from "../model/span.js";
import { extractRegion } from "./extract.js";
import { findPointer, PointerFinder, scanPointers } from "./pointers.js";
import { prepass } from "./prepass.js";
import { collectPointers, pointerSpan, repairJsonAt, subPointers } from "./repair.js";

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

/** `count` random JSON texts (seeded: the same every run) with object keys drawn from `keys`. */
function randomJson(count: number, keys: string[]): string[] {
  let seed = 11;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const ws = () => [" ", "", "\n  ", "\t"][rand(4)] as string;
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
  return Array.from({ length: count }, () => (rand(2) ? `{"root": ${gen(0)}}` : `[${gen(0)}]`));
}

/** findPointer's answer for a pointer written as a string (the way tables are keyed). */
function find(text: string, pointer: string): ReturnType<typeof findPointer> {
  const key = pointer.endsWith("#key");
  const base = key ? pointer.slice(0, -4) : pointer;
  return findPointer(text, (o) => o, base === "" ? [] : base.slice(1).split("/"), key);
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
    for (const text of randomJson(500, ["a", "b", "a", "x/y", "m~n", "é", 'q\\"', ""])) {
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

describe("findPointer", () => {
  it("answers every pointer of the table as the table does, and misses what it lacks", () => {
    for (const text of randomJson(400, ["a", "b", "a", "x/y", "m~n", "é", 'q\\"', ""])) {
      const table = Object.fromEntries(viaScan(text));
      for (const [pointer, span] of Object.entries(table))
        expect(find(text, pointer), `${text} ${pointer}`).toEqual(span);
      for (const pointer of ["/zz", "/root/zz", "/0/zz", "/7", "/root/a/9", "/root#key", "/0#key"])
        if (!(pointer in table)) expect(find(text, pointer), `${text} ${pointer}`).toBeUndefined();
    }
  });

  it("answers a key written twice with its last occurrence that has the pointer, as the table does", () => {
    const text = '{"a": {"x": 1, "y": 2}, "b": 0, "a": {"x": 3}}';
    expect(find(text, "/a")).toEqual({ start: 37, end: 45 });
    expect(find(text, "/a#key")).toEqual({ start: 32, end: 35 });
    expect(find(text, "/a/x")).toEqual({ start: 43, end: 44 });
    // only the first "a" has y: the table keeps its span
    expect(find(text, "/a/y")).toEqual({ start: 20, end: 21 });
    expect(find(text, "/a/y")).toEqual(Object.fromEntries(viaScan(text))["/a/y"]);
  });

  it("leaves a key that contains # to the table, where `/x#key` may be either", () => {
    const text = '{"x": 1, "x#key": 2}';
    expect(find(text, "/x#key")).toBeNull();
    expect(find(text, "/x")).toBeNull();
    expect(find('{"a": {"b#": 1}}', "/a/b#")).toBeNull();
    expect(find('{"a#": 1, "b": 2}', "/b")).toBeNull();
  });

  it("reads keys with escapes, and keeps looking for them past an escape in a value", () => {
    const text = '{"v": "a\\"b", "k\\u0041": [true, {"~/": null}]}';
    expect(find(text, "/kA/1/~0~1")).toEqual(Object.fromEntries(viaScan(text))["/kA/1/~0~1"]);
    expect(find(text, "/kA/1/~0~1")).toEqual({ start: 39, end: 43 });
    expect(find(text, "/kA#key")).toEqual({ start: 14, end: 23 });
  });
});

describe("PointerFinder", () => {
  /** The finder's answer for a pointer written as a string. */
  const ask = (finder: PointerFinder, pointer: string) => {
    const key = pointer.endsWith("#key");
    const base = key ? pointer.slice(0, -4) : pointer;
    return finder.find(base === "" ? [] : base.slice(1).split("/"), key);
  };

  it("answers as findPointer does, pointers asked in any order of one finder", () => {
    let n = 0;
    for (const text of randomJson(400, ["a", "b", "a", "x/y", "m~n", "k\\u0041", 'q\\"', "", "h#"])) {
      const finder = new PointerFinder(text, () => (o) => o);
      const pointers = [
        ...Object.keys(Object.fromEntries(viaScan(text))),
        "/zz",
        "/root/01",
        "/0/-0",
        "/root/a#key",
        "/0.5",
        "/1.5",
        "/0/1.5",
      ];
      // backwards, then forwards: indexes are built in both orders
      for (const pointer of [...pointers].reverse().concat(pointers)) {
        expect(ask(finder, pointer), `${text} ${pointer}`).toEqual(find(text, pointer));
        n++;
      }
    }
    expect(n).toBeGreaterThan(4000);
  });

  it("reads an escaped key met after a later key was read", () => {
    const text = '{"a": {"k\\u0041": 1}, "b": {"c": 2}}';
    const finder = new PointerFinder(text, () => (o) => o);
    expect(ask(finder, "/b/c")).toEqual({ start: 33, end: 34 });
    expect(ask(finder, "/a/kA")).toEqual({ start: 18, end: 19 });
    expect(ask(finder, "/a/kA#key")).toEqual({ start: 7, end: 16 });
  });
});

describe("pointerSpan", () => {
  it("finds spans in a repaired block without building its table, mapped through the pre-pass", () => {
    const L = "\u201c";
    const R = "\u201d";
    const src = `{${L}a${R}: [${L}x\ny${R}, {${L}b${R}: 2}]}`;
    const { block } = repairJsonAt(src, 0, src.length, "leading");
    const fresh = () => repairJsonAt(src, 0, src.length, "leading").block;
    for (const pointer of Object.keys(block.pointers)) {
      const b = fresh();
      let built = false;
      const spans = Object.getOwnPropertyDescriptor(b, "pointers")?.get;
      Object.defineProperty(b, "pointers", {
        get() {
          built = true;
          return spans?.call(b);
        },
      });
      expect(pointerSpan(b, pointer), pointer).toEqual(block.pointers[pointer]);
      expect(built, pointer).toBe(false);
    }
    expect(pointerSpan(fresh(), "")).toEqual({ start: 0, end: src.length });
    expect(pointerSpan(fresh(), "/a/5")).toBeUndefined();
  });

  it("finds spans in the members of a wrapper as their re-rooted tables hold them", () => {
    const src =
      '{"meta_title": "T", "article_schema": {"@type": "Article", "author": {"name": "N"}}, "faq_schema": {"@type": "FAQPage", "mainEntity": [{"name": "Q"}]}}';
    const read = () => extractRegion(src, repairJsonAt(src, 0, src.length, "leading").block, {});
    const whole = repairJsonAt(src, 0, src.length, "leading").block.pointers;
    const [article, faq] = read();
    expect(article?.span).toEqual(whole["/article_schema"]);
    expect(faq?.span).toEqual(whole["/faq_schema"]);
    for (const [i, prefix] of [
      [0, "/article_schema"],
      [1, "/faq_schema"],
    ] as const) {
      const table = subPointers(whole, prefix);
      for (const pointer of [...Object.keys(table), "#key", "/nothing"]) {
        const block = read()[i];
        expect(block && pointerSpan(block, pointer), `${prefix} ${pointer}`).toEqual(table[pointer]);
      }
    }
  });
});
