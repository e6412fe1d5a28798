import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain ESM script without types
import { generateCorpus, renderArticle } from "../bench/corpus/generate.mjs";

describe("bench corpus generator", () => {
  it("writes byte-identical files for the same seed", () => {
    const a = mkdtempSync(join(tmpdir(), "corpus-a-"));
    const b = mkdtempSync(join(tmpdir(), "corpus-b-"));
    generateCorpus({ n: 12, seed: 7, out: a });
    generateCorpus({ n: 12, seed: 7, out: b });
    const names = readdirSync(a).sort();
    expect(names).toEqual(readdirSync(b).sort());
    expect(names).toHaveLength(12);
    for (const name of names) expect(readFileSync(join(a, name), "utf8")).toBe(readFileSync(join(b, name), "utf8"));
  });

  it("differs for another seed and covers all four formats", () => {
    const one = renderArticle(1, 0).text;
    const two = renderArticle(2, 0).text;
    expect(one).not.toBe(two);
    const formats = [0, 1, 2, 3].map((i) => renderArticle(1, i).format);
    expect(formats).toEqual(["bundle", "bundle-md", "markdown", "html"]);
  });

  it("keeps body length within 800-2,500 words", () => {
    for (let i = 0; i < 20; i++) {
      const { article } = renderArticle(3, i, 1700);
      const body = [article.intro, ...article.sections.flatMap((s: { paragraphs: string[] }) => s.paragraphs)].join(
        " ",
      );
      const count = body.split(/\s+/).filter(Boolean).length;
      expect(count).toBeGreaterThanOrEqual(800);
      expect(count).toBeLessThanOrEqual(2500);
    }
  });
});
