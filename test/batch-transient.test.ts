import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: plain ESM script without types
import { generateCorpus } from "../bench/corpus/generate.mjs";
import { type CheckSpec, checkStream } from "../src/engine/batch.js";
import { CHUNKED_REPORTERS, type FileResult } from "../src/report/index.js";
import { chunkText } from "../src/report/types.js";

/** a report written as the CLI writes it: each chunk turned into text before the next is asked for */
function report(format: "json" | "stylish", results: () => Iterator<FileResult>, cwd: string): string {
  let out = "";
  const meta = { cwd, color: false, rules: [], toolVersion: "0.0.0" };
  for (const chunk of CHUNKED_REPORTERS[format]({ [Symbol.iterator]: results }, meta)) out += chunkText(chunk);
  return out;
}

describe("checkStream's results read into one buffer (`transient`)", () => {
  let dir: string;
  let paths: string[];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "copydesk-transient-"));
    const corpus = join(dir, "corpus");
    generateCorpus({ n: 150, seed: 11, out: corpus, words: 900 });
    // copies of a draft at the start and at the end: corpus findings on records in the first window and the last
    const names = readdirSync(corpus).sort();
    copyFileSync(join(corpus, names[1] as string), join(corpus, "zz-copy-first.md"));
    copyFileSync(
      join(corpus, names.at(-1) as string),
      join(corpus, `zz-copy-last${(names.at(-1) as string).slice(-3)}`),
    );
    paths = readdirSync(corpus)
      .sort()
      .map((f) => join(corpus, f));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const format of ["json", "stylish"] as const) {
    it(`writes the same ${format} report as results held apart, over more than one megabyte of records`, async () => {
      const spec: CheckSpec = {
        cwd: dir,
        now: "2026-11-24T00:00:00Z",
        render: format,
        ...(format === "json" ? { extras: true } : {}),
      };
      const stream = await checkStream(paths, spec, { workers: 1, cache: false, keepSource: format === "stylish" });
      try {
        const held = report(format, () => stream.results(), dir);
        const transient = report(format, () => stream.results(true), dir);
        expect(transient).toBe(held);
        expect(held.length).toBeGreaterThan(1 << 20);
        // the copies' corpus findings are in it
        expect(held.match(/zz-copy-(first|last)/g)?.length).toBeGreaterThanOrEqual(2);
        expect(stream.counts.errorCount + stream.counts.warningCount).toBeGreaterThan(0);
      } finally {
        stream.close();
      }
    }, 120_000);
  }
});
