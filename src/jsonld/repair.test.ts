import { describe, expect, it } from "vitest";
import { prepass } from "./prepass.js";
import { knownNotStrictJson, repairJsonAt, repairSequence } from "./repair.js";

const L = "\u201c";
const R = "\u201d";
const curly = (s: string) =>
  s.replace(/"/g, (_m, i: number, all: string) => (all.slice(0, i).split('"').length % 2 ? L : R));

describe("typographic pre-pass", () => {
  it("turns curly delimiters into JSON quotes and keeps inner curly quotes byte for byte", () => {
    const src = `{${L}a${R}: ${L}This ${L}guarding${R} mechanism${R}, ${L}b${R}: 1}`;
    const r = repairJsonAt(src, 0, src.length, "leading");
    expect(r.block.repair).toBe("prepass");
    expect(r.block.value).toEqual({ a: `This ${L}guarding${R} mechanism`, b: 1 });
  });

  it("handles an inner quote before a comma (lookahead decides the end)", () => {
    const src = `{${L}a${R}: ${L}This ${L}guarding${R}, he said, ${L}works${R} well${R}, ${L}b${R}: 1}`;
    const r = repairJsonAt(src, 0, src.length, "leading");
    expect(r.block.value).toEqual({ a: `This ${L}guarding${R}, he said, ${L}works${R} well`, b: 1 });
  });

  it("escapes stray straight quotes inside a value", () => {
    const src = '{"a": "He said "stop", then left", "b": 1}';
    const r = repairJsonAt(src, 0, src.length, "fenced");
    expect(r.block.repair).toBe("prepass");
    expect(r.block.value).toEqual({ a: 'He said "stop", then left', b: 1 });
  });

  it("keeps an all-right-quote string", () => {
    const src = `{${R}a${R}: ${R}x ${R}y${R} z${R}}`;
    expect(repairJsonAt(src, 0, src.length, "leading").block.value).toEqual({ a: `x ${R}y${R} z` });
  });

  it("maps every output character back to the source", () => {
    const src = `{${L}k${R}:${L}v${R}}`;
    const p = prepass(src, 0, src.length, 10);
    expect(p.text).toBe('{"k":"v"}');
    expect(Array.from({ length: p.text.length + 1 }, (_, k) => p.map.at(k))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(p.changed).toBe(4);
  });

  it("maps straight and rewritten quotes, escapes and raw newlines alike, starting past a prefix", () => {
    // straight quotes stay in the verbatim runs; curly delimiters, a stray quote and a newline are written
    const src = `x = {"a": ${L}b${R}, "c": "say "hi"\nnow", "d": [1, "e"]} tail`;
    const p = prepass(src, 4, src.length, 10);
    expect(p.text).toBe('{"a": "b", "c": "say \\"hi\\"\\nnow", "d": [1, "e"]}');
    const at = Array.from({ length: p.text.length + 1 }, (_, k) => p.map.at(k));
    // text → source: 1:1 up to the stray quote (text 21); each written pair maps to its one source char
    const expected = [
      ...Array.from({ length: 21 }, (_, k) => 4 + k),
      ...[25, 25, 26, 27, 28, 28, 29, 29],
      ...Array.from({ length: 21 }, (_, k) => 30 + k),
    ];
    expect(at).toEqual(expected);
    expect([p.end, p.changed, p.notStrict]).toEqual([50, 4, true]);
  });

  it("escapes raw newlines inside strings", () => {
    const src = '{"a": "one\ntwo"}';
    const r = repairJsonAt(src, 0, src.length, "leading");
    expect(r.block.repair).toBe("prepass");
    expect(r.block.value).toEqual({ a: "one\ntwo" });
  });
});

describe("skipping the strict parse", () => {
  it("knows curly delimiters, stray quotes and raw newlines cannot be strict JSON", () => {
    expect(prepass(`{${L}a${R}: 1}`, 0, 7, 10).notStrict).toBe(true);
    expect(prepass('{"a": "x "y" z"}', 0, 16, 10).notStrict).toBe(true);
    expect(prepass('{"a": "x\ny"}', 0, 12, 10).notStrict).toBe(true);
  });

  it("still tries strict JSON when the first rewrite may be text of a valid string", () => {
    // valid JSON (strings `x${R}, 1`, `say ${L}hi`) that the pre-pass reads otherwise
    for (const src of [`["x${R}, 1", 2]`, `{"a": "say ${L}hi", "b": 1}`]) {
      expect(() => JSON.parse(src)).not.toThrow();
      expect(prepass(src, 0, src.length, 10).notStrict).toBe(false);
    }
  });
});

describe("knownNotStrictJson", () => {
  it("is true only where strict JSON failed or the pre-pass proved it cannot parse", () => {
    const curlySrc = `{${L}a${R}: 1}`;
    expect(knownNotStrictJson(repairJsonAt(curlySrc, 0, curlySrc.length, "leading").block)).toBe(true);
    const comma = '{"a": 1,}';
    expect(knownNotStrictJson(repairJsonAt(comma, 0, comma.length, "leading").block)).toBe(true);
    const valid = '{"a": 1}';
    expect(knownNotStrictJson(repairJsonAt(valid, 0, valid.length, "leading").block)).toBe(false);
    // truncated: the ladder never tried the raw text, so nothing is known
    const cut = '{"a": [1';
    expect(knownNotStrictJson(repairJsonAt(cut, 0, cut.length, "leading").block)).toBe(false);
  });
});

describe("lazy pointers", () => {
  it("serialises like an eager block: pointers in place, before notes", () => {
    const src = `{${L}a${R}: [1, {${L}b${R}: null}]}`;
    const { block } = repairJsonAt(src, 0, src.length, "leading");
    expect(Object.keys(block)).toEqual(["span", "origin", "value", "repair", "pointers", "notes"]);
    expect(JSON.parse(JSON.stringify(block)).pointers).toEqual({
      "": { start: 0, end: src.length },
      "/a#key": { start: 1, end: 4 },
      "/a": { start: 6, end: 22 },
      "/a/0": { start: 7, end: 8 },
      "/a/1": { start: 10, end: 21 },
      "/a/1/b#key": { start: 11, end: 14 },
      "/a/1/b": { start: 16, end: 20 },
    });
    block.pointers = {};
    expect(block.pointers).toEqual({});
  });

  it("shares one getter and setter among all blocks, so blocks share their hidden class", () => {
    const accessors = (src: string) => {
      const { block } = repairJsonAt(src, 0, src.length, "leading");
      const { get, set, enumerable, configurable } = Object.getOwnPropertyDescriptor(block, "pointers") ?? {};
      return { get, set, enumerable, configurable };
    };
    const one = accessors(`{${L}a${R}: 1}`);
    const other = accessors('{"b": [2]}');
    expect(one.get).toBeTypeOf("function");
    expect(one.set).toBeTypeOf("function");
    expect(other).toEqual(one);
    expect(other.get).toBe(one.get);
    expect(other.set).toBe(one.set);
    expect(one.enumerable && one.configurable).toBe(true);
  });
});

describe("repair ladder", () => {
  it("records strict for valid JSON", () => {
    const src = '{"@type": "Article", "headline": "Roasting"}';
    const r = repairJsonAt(src, 0, src.length, "script");
    expect(r.block.repair).toBe("strict");
    expect(r.block.notes).toEqual([]);
    expect(r.block.pointers["/headline"]).toEqual({ start: 33, end: 43 });
    expect(r.block.pointers["/headline#key"]).toEqual({ start: 21, end: 31 });
  });

  it("fixes trailing commas and comments with jsonrepair after the pre-pass", () => {
    const src = `{${L}a${R}: 1, // note\n ${L}b${R}: [1, 2,],}`;
    const r = repairJsonAt(src, 0, src.length, "fenced");
    expect(r.block.repair).toBe("prepass+jsonrepair");
    expect(r.block.value).toEqual({ a: 1, b: [1, 2] });
    expect(r.block.notes.some((n) => n.startsWith("jsonrepair fixed"))).toBe(true);
    expect(src.slice(r.block.pointers["/b"]!.start, r.block.pointers["/b"]!.end)).toBe("[1, 2,]");
  });

  it("closes a truncated object and says so", () => {
    const src = curly('{"name": "Cold brew", "recipe": {"steps": ["grind", "stee');
    const r = repairJsonAt(src, 0, src.length, "leading");
    expect(r.truncated).toBe(true);
    expect(r.block.repair).toBe("prepass+jsonrepair");
    expect(r.block.value).toEqual({ name: "Cold brew", recipe: { steps: ["grind", "stee"] } });
    expect(r.block.notes).toContain("the JSON ends before its closing bracket (truncated); closed by jsonrepair");
  });

  it("maps pointers to the original curly-quoted source, inner quotes included", () => {
    const value = `Keep the ${L}first crack${R} short`;
    const src = curly('{"@type": "HowTo", "text": "X"}').replace("X", value);
    const r = repairJsonAt(src, 0, src.length, "leading");
    const sp = r.block.pointers["/text"]!;
    expect(src.slice(sp.start, sp.end)).toBe(`${L}${value}${R}`);
    expect(src.slice(r.block.pointers["/@type"]!.start, r.block.pointers["/@type"]!.end)).toBe(`${L}HowTo${R}`);
  });

  it("refuses 20,000 nested brackets quickly without overflowing the stack", () => {
    const src = "[".repeat(20000) + "]".repeat(20000);
    const t = performance.now();
    const r = repairJsonAt(src, 0, src.length, "leading", 256);
    expect(performance.now() - t).toBeLessThan(1000);
    expect(r.tooDeep).toBe(true);
    expect(r.block.repair).toBe("failed");
    expect(r.block.notes).toEqual(["brackets nested deeper than 256 levels: not parsed"]);
  });

  it("gives up with `failed` on text that is not JSON", () => {
    const src = "{ this is : not [ json } at all ]";
    const r = repairJsonAt(src, 0, src.length, "fenced");
    expect(["failed", "prepass+jsonrepair", "jsonrepair"]).toContain(r.block.repair);
  });
});

describe("glued objects", () => {
  it("splits `}{` into two blocks with their own spans", () => {
    const a = curly('{"@type": "Article", "headline": "Home roasting"}');
    const b = curly('{"@type": "FAQPage", "mainEntity": []}');
    const src = `${a}${b}\nTitle`;
    const found = repairSequence(src, 0, a.length + b.length, "leading");
    expect(found.map((f) => f.block.span)).toEqual([
      { start: 0, end: a.length },
      { start: a.length, end: a.length + b.length },
    ]);
    expect(found[1]!.block.notes).toContain("glued to the previous object (`}{`): split");
    expect(found[0]!.block.notes).not.toContain("glued to the previous object (`}{`): split");
  });
});
