import { describe, expect, it } from "vitest";
import { readFrontMatter, readFrontMatterYaml } from "./front-matter.js";
import { simpleEntries } from "./front-matter-simple.js";

describe("simpleEntries", () => {
  it("reads key: value lines with the value's yaml range (quotes included, trailing blanks not)", () => {
    expect(simpleEntries('title: "A: b"\nslug: x-y  \n\nempty:\ndate: 2026-03-12')).toEqual([
      { key: "title", value: "A: b", start: 7, end: 13 },
      { key: "slug", value: "x-y", start: 20, end: 23 },
      { key: "empty", value: null, start: 33, end: 33 },
      { key: "date", value: "2026-03-12", start: 40, end: 50 },
    ]);
    expect(simpleEntries("")).toEqual([]);
  });

  it.each([
    ["an indented line", "a: b\n  c"],
    ["a list", "faq:\n- q: x"],
    ["a comment", "# c\na: b"],
    ["a trailing comment", "a: b # c"],
    ["a nested mapping", "a: b: c"],
    ["a number", "a: 1e3"],
    ["a boolean", "a: True"],
    ["a null", "a: ~"],
    ["a boolean key", "true: x"],
    ["an escape", 'a: "x\\ny"'],
    ["an inner quote", "a: 'it''s'"],
    ["an unclosed quote", 'a: "x'],
    ["a tab", "a:\tb"],
    ["a CR", "a: b\r\nc: d"],
    ["a flow mapping", "a: {name: x}"],
    ["an anchor", "a: &x b"],
    ["a block scalar", "a: |\n  b"],
    ["a directive", "%YAML 1.1\n---\na: b"],
    ["no space after the colon", "a:b"],
  ])("leaves %s to yaml", (_, text) => {
    expect(simpleEntries(text)).toBeUndefined();
  });
});

/** Values chosen to sit on both sides of every line the simple reader draws. */
const KEYS = [
  "title",
  "meta_title",
  "seo-title",
  "description",
  "date",
  "author",
  "slug",
  "Lang",
  "x",
  "true",
  "faq",
  "schema",
];
const VALUES = [
  "",
  "plain words",
  "Houseplant watering: a guide",
  "a:b",
  "x, [y] {z}",
  "-dash",
  "2026-03-12",
  "12",
  "1.5",
  ".5e3",
  "0x1F",
  "0o17",
  ".inf",
  "null",
  "False",
  "~",
  '"quoted: text"',
  '""',
  "'single'",
  "''",
  '"esc\\"aped"',
  "'it''s'",
  "é 😀 ünïcode",
  "a # comment",
  "a#b",
  "trailing   ",
  "&anchor x",
  "*alias",
  "!tag x",
  "{a: 1}",
  "[1, 2]",
  "| block",
  "@at",
  "`tick`",
  "%pct",
];

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe("readFrontMatter's simple path", () => {
  it("gives exactly what yaml's path gives, on generated front matter", () => {
    const rand = lcg(7);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)] as T;
    let simple = 0;
    for (let n = 0; n < 3000; n++) {
      const lines: string[] = [];
      const count = 1 + Math.floor(rand() * 5);
      for (let k = 0; k < count; k++) {
        const r = rand();
        if (r < 0.05) lines.push("");
        else if (r < 0.08) lines.push(`  ${pick(VALUES)}`);
        else lines.push(`${pick(KEYS)}:${rand() < 0.9 ? " " : "  "}${pick(VALUES)}`);
      }
      const yaml = lines.join("\n");
      const src = `---\n${yaml}\n---\n`;
      if (simpleEntries(yaml)) simple++;
      expect(readFrontMatter(src, yaml, 4), yaml).toEqual(readFrontMatterYaml(src, yaml, 4));
    }
    // both paths were exercised
    expect(simple).toBeGreaterThan(300);
    expect(simple).toBeLessThan(2700);
  });
});
