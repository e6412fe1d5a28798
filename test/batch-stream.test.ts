import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: plain ESM script without types
import { generateCorpus } from "../bench/corpus/generate.mjs";
import { type CheckSpec, checkFiles, checkStream } from "../src/engine/batch.js";
import { CHUNKED_REPORTERS, type FileResult, type ReportMeta } from "../src/report/index.js";
import { countAll } from "../src/report/types.js";

const meta = (cwd: string): ReportMeta => ({ cwd, color: false, rules: [], toolVersion: "0.0.0" });

function report(format: keyof typeof CHUNKED_REPORTERS, results: Iterable<FileResult>, cwd: string): string {
  let out = "";
  for (const chunk of CHUNKED_REPORTERS[format](results, meta(cwd))) out += chunk;
  return out;
}

describe("checkStream (results spilled to disk)", () => {
  let dir: string;
  let paths: string[];
  let spec: CheckSpec;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "copydesk-stream-"));
    const corpus = join(dir, "corpus");
    generateCorpus({ n: 10, seed: 5, out: corpus, words: 800 });
    // the same draft under a second name: the corpus rules flag the pair
    copyFileSync(join(corpus, "000002-markdown.md"), join(corpus, "zz-copy.md"));
    paths = [
      ...readdirSync(corpus)
        .sort()
        .map((f) => join(corpus, f)),
      join(corpus, "missing.md"),
    ];
    spec = { cwd: dir, now: "2026-11-24T00:00:00Z" };
  });

  it("gives the same reports and counts as checkFiles, corpus findings and unreadable files included", async () => {
    const all = await checkFiles(paths, spec, { workers: 1, keepSource: true });
    const stream = await checkStream(paths, spec, { workers: 1, keepSource: true });
    try {
      const copy = all.results.find((r) => r.path.endsWith("zz-copy.md"));
      expect(copy?.diagnostics.some((d) => d.ruleId === "seo/duplicate-title")).toBe(true);
      expect(all.results.at(-1)?.fatal).toMatch(/./);
      expect(stream.size).toBe(paths.length);
      expect(stream.counts).toEqual(countAll(all.results));
      expect(stream.counts.fatalErrorCount).toBe(1);
      const results = { [Symbol.iterator]: () => stream.results() };
      for (const format of ["stylish", "json", "sarif"] as const)
        expect(report(format, results, dir)).toBe(report(format, all.results, dir));
      expect([...stream.results()].map((r) => r.path)).toEqual(paths);
    } finally {
      stream.close();
    }
  });

  it("serves an unchanged re-run from the cache, the same content at two paths included", async () => {
    const cache = { dir: join(dir, "cache") };
    const runs: string[] = [];
    const stats: unknown[] = [];
    for (let i = 0; i < 2; i++) {
      const stream = await checkStream(paths, spec, { workers: 1, cache });
      runs.push(report("json", { [Symbol.iterator]: () => stream.results() }, dir));
      stats.push(stream.cache);
      stream.close();
    }
    // the missing file is never looked up (it has no content to hash)
    expect(stats).toEqual([
      { hits: 0, misses: 11, rebuilt: false },
      { hits: 11, misses: 0, rebuilt: false },
    ]);
    expect(runs[1]).toBe(runs[0]);
    const plain = await checkFiles(paths, spec, { workers: 1 });
    expect(runs[0]).toBe(report("json", plain.results, dir));
  });

  it("refuses a FIFO among the inputs instead of waiting on it, with the cache on and kept sources", async () => {
    const fifo = join(dir, "pipe.md");
    execFileSync("mkfifo", [fifo]);
    const cache = { dir: join(dir, "cache-fifo") };
    for (const workers of [1, 2]) {
      const { results } = await checkFiles([paths[0] as string, fifo], spec, { workers, cache, keepSource: true });
      expect(results.map((r) => r.fatal ?? "ok")).toEqual(["ok", "not a regular file"]);
    }
  });
});
