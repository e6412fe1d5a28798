import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
// @ts-expect-error: plain ESM script without types
import { generateCorpus } from "../bench/corpus/generate.mjs";
import { type CheckSpec, checkFiles, checkStream } from "../src/engine/batch.js";
import { CHUNKED_REPORTERS, type FileResult, type ReportMeta } from "../src/report/index.js";
import { chunkText, countAll } from "../src/report/types.js";

const meta = (cwd: string): ReportMeta => ({ cwd, color: false, rules: [], toolVersion: "0.0.0" });

function report(format: keyof typeof CHUNKED_REPORTERS, results: Iterable<FileResult>, cwd: string): string {
  let out = "";
  for (const chunk of CHUNKED_REPORTERS[format](results, meta(cwd))) out += chunkText(chunk);
  return out;
}

/** Two runs of `checkStream` over the same cache: each run's JSON report and cache stats. */
async function twoJsonRuns(paths: string[], spec: CheckSpec, cacheDir: string, cwd: string) {
  const runs: string[] = [];
  const stats: unknown[] = [];
  for (let i = 0; i < 2; i++) {
    const stream = await checkStream(paths, spec, { workers: 1, cache: { dir: cacheDir } });
    runs.push(report("json", { [Symbol.iterator]: () => stream.results() }, cwd));
    stats.push(stream.cache);
    stream.close();
  }
  return { runs, stats };
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
    const { runs, stats } = await twoJsonRuns(paths, spec, join(dir, "cache"), dir);
    // the missing file is never looked up (it has no content to hash)
    expect(stats).toEqual([
      { hits: 0, misses: 11, rebuilt: false },
      { hits: 11, misses: 0, rebuilt: false },
    ]);
    expect(runs[1]).toBe(runs[0]);
    const plain = await checkFiles(paths, spec, { workers: 1 });
    expect(runs[0]).toBe(report("json", plain.results, dir));
  });

  it("renders the JSON messages where files are checked: the same report, first run and cached re-run", async () => {
    const rendered = { ...spec, extras: true, render: "json" as const };
    const { runs, stats } = await twoJsonRuns(paths, rendered, join(dir, "cache-render"), dir);
    expect(stats).toEqual([
      { hits: 0, misses: 11, rebuilt: false },
      { hits: 11, misses: 0, rebuilt: false },
    ]);
    const plain = await checkFiles(paths, { ...spec, extras: true }, { workers: 1 });
    expect(runs[0]).toBe(report("json", plain.results, dir));
    expect(runs[1]).toBe(runs[0]);
    // the duplicate pair's corpus findings are among the messages
    expect(runs[0]).toContain('"ruleId":"seo/duplicate-title"');
  });

  it("renders stylish messages and frames where files are checked: the same report, without reading a file on re-run", async () => {
    for (const [render, color] of [
      ["stylish", false],
      ["stylish-color", true],
    ] as const) {
      const cache = { dir: join(dir, `cache-${render}`) };
      const rendered = { ...spec, render };
      const runs: string[] = [];
      const stats: unknown[] = [];
      const plain = await checkFiles(paths, spec, { workers: 1, keepSource: true });
      const expected = CHUNKED_REPORTERS.stylish(plain.results, { ...meta(dir), color });
      for (let i = 0; i < 2; i++) {
        const stream = await checkStream(paths, rendered, { workers: 1, cache, keepSource: true });
        const results = [...stream.results()];
        // no source held: every frame, corpus findings' included, came from the records
        expect(results.filter((r) => r.source !== undefined)).toEqual([]);
        runs.push([...CHUNKED_REPORTERS.stylish(results, { ...meta(dir), color })].map(chunkText).join(""));
        stats.push(stream.cache);
        stream.close();
      }
      expect(stats[1]).toEqual({ hits: 11, misses: 0, rebuilt: false });
      expect(runs[0]).toBe([...expected].map(chunkText).join(""));
      expect(runs[1]).toBe(runs[0]);
      expect(runs[0]).toContain("seo/duplicate-title");
      expect(runs[0]?.includes("\u001b[")).toBe(color);
    }
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

describe("checkFiles with the cache on and the sources kept (build)", () => {
  let dir: string;
  let spec: CheckSpec;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "copydesk-once-"));
    generateCorpus({ n: 2, seed: 9, out: join(dir, "corpus"), words: 600 });
    spec = { cwd: dir, now: "2026-11-24T00:00:00Z" };
  });

  it("checks the bytes it hashed instead of loading the draft a second time", async () => {
    const [first, second] = readdirSync(join(dir, "corpus"))
      .sort()
      .map((f) => join(dir, "corpus", f)) as [string, string];
    const cache = { dir: join(dir, "cache") };
    const expected = (await checkFiles([second], spec, { workers: 1, keepSource: true })).results[0];
    await checkFiles([first], spec, { workers: 1, cache });
    const text = readFileSync(second, "utf8");
    // `first` is served from the cache while the batch hashes its inputs, before `second` is checked:
    // the draft is gone by then, and its text was read already
    const { results } = await checkFiles([second, first], spec, {
      workers: 1,
      cache,
      keepSource: true,
      onProgress: (done) => {
        if (done === 1) rmSync(second);
      },
    });
    writeFileSync(second, text);
    expect(results[0]?.fatal).toBeUndefined();
    expect(results[0]).toEqual(expected);
    expect(results[0]?.source).toBe(text);
  });

  it("reports undecodable drafts as it does without the cache", async () => {
    const bad = join(dir, "bad");
    rmSync(bad, { recursive: true, force: true });
    execFileSync("mkdir", [bad]);
    const files = {
      "nul.md": Buffer.from("# Title\n\nText\u0000more\n"),
      "latin1.md": Buffer.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]),
      "blank.md": Buffer.from("  \n\t\n"),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(bad, name), bytes);
    const paths = Object.keys(files).map((name) => join(bad, name));
    const fatal = async (cache: { dir: string } | false) =>
      (await checkFiles(paths, spec, { workers: 1, cache, keepSource: true })).results.map((r) => r.fatal);
    const plain = await fatal(false);
    expect(plain).toEqual([
      "binary file (NUL byte at offset 13)",
      "not valid UTF-8 (at byte 5)",
      "empty file (only whitespace)",
    ]);
    expect(await fatal({ dir: join(dir, "cache-bad") })).toEqual(plain);
  });
});

describe("checkStream with the metadata cache strategy (file stamps)", () => {
  let corpus: string;
  let paths: string[];
  let spec: CheckSpec;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), "copydesk-stamps-"));
    corpus = join(dir, "corpus");
    generateCorpus({ n: 6, seed: 9, out: corpus, words: 800 });
    paths = readdirSync(corpus)
      .sort()
      .map((f) => join(corpus, f));
    spec = { cwd: dir, now: "2026-11-24T00:00:00Z" };
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Runs the batch with the metadata strategy; `later`: the clock 10 s ahead, so no file is racily new. */
  async function run(cacheDir: string, later: boolean) {
    if (later) {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(Date.now() + 10_000);
    }
    try {
      const stream = await checkStream(paths, spec, { workers: 1, cache: { dir: cacheDir, strategy: "metadata" } });
      try {
        return { json: report("json", { [Symbol.iterator]: () => stream.results() }, spec.cwd), stats: stream.cache };
      } finally {
        stream.close();
      }
    } finally {
      vi.useRealTimers();
    }
  }
  const plain = async () => report("json", (await checkFiles(paths, spec, { workers: 1 })).results, spec.cwd);

  it("serves an unchanged re-run without reading the files, with the same report as no cache", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "copydesk-stamps-cache-"));
    const first = await run(cacheDir, true);
    const second = await run(cacheDir, true);
    expect(first.stats).toEqual({ hits: 0, misses: 6, rebuilt: false, unread: 0 });
    expect(second.stats).toEqual({ hits: 6, misses: 0, rebuilt: false, unread: 6 });
    expect(second.json).toBe(first.json);
    expect(first.json).toBe(await plain());
  });

  it("hashes files modified within two seconds of the run (racy timestamps) instead of trusting their stamps", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "copydesk-stamps-cache-"));
    // the files were just written: at the real clock their stamps are too new to keep
    await run(cacheDir, false);
    const second = await run(cacheDir, false);
    expect(second.stats).toEqual({ hits: 6, misses: 0, rebuilt: false, unread: 0 });
  });

  it("detects an edit that keeps the size and puts the mtime back (the ctime moved)", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "copydesk-stamps-cache-"));
    const victim = paths[1] as string;
    // a whole second, so that putting it back restores it to the nanosecond
    const second = 1_700_000_000;
    utimesSync(victim, second, second);
    await run(cacheDir, true);
    const before = statSync(victim, { bigint: true });
    const text = readFileSync(victim, "utf8");
    // same length, different words: swap the first "the" for "THE"
    const at = text.indexOf("the ");
    writeFileSync(victim, `${text.slice(0, at)}THE${text.slice(at + 3)}`);
    utimesSync(victim, second, second);
    const now = statSync(victim, { bigint: true });
    expect([now.size, now.mtimeNs, now.ino]).toEqual([before.size, before.mtimeNs, before.ino]);
    expect(now.ctimeNs).not.toBe(before.ctimeNs);
    const after = await run(cacheDir, true);
    expect(after.stats).toEqual({ hits: 5, misses: 1, rebuilt: false, unread: 5 });
    expect(after.json).toBe(await plain());
  });

  it("hashes every file when the stamps file is corrupted, and rewrites it", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "copydesk-stamps-cache-"));
    await run(cacheDir, true);
    const stampsFile = join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith(".stamps")) as string);
    const good = readFileSync(stampsFile);
    // one bit of the last number changed: the checksum no longer matches
    const bad = Buffer.from(good);
    bad[bad.length - 3] = (bad[bad.length - 3] as number) ^ 1;
    writeFileSync(stampsFile, bad);
    const second = await run(cacheDir, true);
    expect(second.stats).toEqual({ hits: 6, misses: 0, rebuilt: false, unread: 0 });
    expect(readFileSync(stampsFile)).toEqual(good);
    expect((await run(cacheDir, true)).stats?.unread).toBe(6);
  });

  it("never serves a stamp's key that the cache no longer holds: the file is read and checked", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "copydesk-stamps-cache-"));
    const first = await run(cacheDir, true);
    for (const f of readdirSync(cacheDir)) if (f.endsWith(".cache")) rmSync(join(cacheDir, f));
    const second = await run(cacheDir, true);
    expect(second.stats).toEqual({ hits: 0, misses: 6, rebuilt: false, unread: 0 });
    expect(second.json).toBe(first.json);
  });
});
