import { describe, expect, it } from "vitest";
import { corpusEntry, entryMarks, KnownLines, lintCorpus } from "../src/engine/corpus.js";
import type { CorpusRule } from "../src/engine/types.js";
import { LineIndex } from "../src/model/span.js";
import { makeArticle, partOf } from "./helpers/article.js";

/** Fake corpus rule: flags every title seen before in the run. */
const duplicateTitle: CorpusRule = {
  meta: {
    id: "seo/dup-title",
    description: "t",
    severity: "warn",
    presets: [],
    messages: { dup: "Same title as {{other}}." },
  },
  checkCorpus(ctx) {
    const seen = new Map<string, string>();
    ctx.articles.forEach((a, i) => {
      if (!a.title) return;
      const other = seen.get(a.title.text);
      if (other) ctx.report(i, { messageId: "dup", data: { other }, span: a.title.span });
      else seen.set(a.title.text, a.path);
    });
  },
};

function titled(path: string, text: string, title: string) {
  return makeArticle(text, { path, title: partOf(text, title) });
}

describe("corpus rules", () => {
  const a = titled("a.md", "# Pruning roses\n\nBody.\n", "Pruning roses");
  const b = titled("b.md", "---\nslug: x\n---\n\n# Pruning roses\n", "Pruning roses");
  const c = titled("c.md", "# Planting tulips\n", "Planting tulips");

  it("builds a small entry from an article", () => {
    b.meta.slug = partOf(b.source.text, "x");
    expect(corpusEntry(b)).toEqual({
      path: "b.md",
      title: { text: "Pruning roses", span: { start: 19, end: 32 } },
      slug: "x",
    });
  });

  it("maps reports back to each file with that file's line numbers", () => {
    const perFile = lintCorpus([a, b, c].map(corpusEntry), {
      rules: [{ rule: duplicateTitle, severity: "error", options: {} }],
      texts: [a, b, c].map((x) => x.source.text),
    });
    expect(perFile.map((list) => list.map((d) => [d.ruleId, d.severity, d.message, d.line, d.column]))).toEqual([
      [],
      [["seo/dup-title", "error", "Same title as a.md.", 5, 3]],
      [],
    ]);
  });

  it("reports a crashing corpus rule on the first file instead of stopping", () => {
    const crash: CorpusRule = {
      meta: { id: "seo/crash", description: "t", severity: "warn", presets: [], messages: {} },
      checkCorpus() {
        throw new Error("boom");
      },
    };
    const perFile = lintCorpus([a, c].map(corpusEntry), {
      rules: [{ rule: crash, severity: "warn", options: {} }],
      texts: [a.source.text, c.source.text],
    });
    expect(perFile.map((l) => l.map((d) => d.ruleId))).toEqual([["internal/rule-crash"], []]);
    expect(perFile[0]?.[0]?.message).toContain("Corpus rule seo/crash crashed (boom)");
  });

  it("places findings from the entry's known lines without the text, and hands them to a sink", () => {
    const texts = [a, b, c].map((x) => x.source.text);
    const read: number[] = [];
    const sunk: Array<[number, string, number, number, number, number]> = [];
    const perFile = lintCorpus([a, b, c].map(corpusEntry), {
      rules: [{ rule: duplicateTitle, severity: "error", options: {} }],
      texts: (i) => {
        read.push(i);
        return texts[i] ?? "";
      },
      located: (i) => {
        const entry = corpusEntry([a, b, c][i] as typeof a);
        const text = () => texts[i] ?? "";
        return { lines: new KnownLines(entryMarks(entry, new LineIndex(text())), text), length: text().length };
      },
      sink: (i, d) => sunk.push([i, d.ruleId, d.line, d.column, d.endLine, d.endColumn]),
    });
    expect(perFile).toEqual([[], [], []]);
    expect(sunk).toEqual([[1, "seo/dup-title", 5, 3, 5, 16]]);
    expect(read).toEqual([]);
  });

  it("KnownLines answers known offsets from its marks and reads the text for any other", () => {
    const text = "one\r\ntwo\nthree\rfour";
    const full = new LineIndex(text);
    let reads = 0;
    const known = new KnownLines([10, 3, 9], () => {
      reads++;
      return text;
    });
    expect([known.line(10), known.lineStart(3)]).toEqual([3, 9]);
    expect(reads).toBe(0);
    for (const offset of [0, 4, 5, 12, 16, 20])
      expect([known.line(offset), known.position(offset)]).toEqual([full.line(offset), full.position(offset)]);
    expect([known.lineStart(4), known.lineCount]).toEqual([full.lineStart(4), full.lineCount]);
    expect(reads).toBe(1);
  });
});
