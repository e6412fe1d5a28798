import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
// @ts-expect-error: plain ESM script without types
import { generateCorpus } from "../bench/corpus/generate.mjs";
import { main } from "../src/cli/main.js";
import * as source from "../src/io/source.js";
import { memoryIo, siteSnapshot as snapshot } from "./build-helpers.js";

// record which drafts a build loads, with the real loaders underneath
vi.mock("../src/io/source.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/io/source.js")>();
  return {
    ...real,
    loadSource: vi.fn(real.loadSource),
    loadSourceSync: vi.fn(real.loadSourceSync),
    loadBytesSync: vi.fn(real.loadBytesSync),
  };
});

/** The drafts loaded since the last call, by file name, sorted. */
function loaded(): string[] {
  const names = [source.loadSource, source.loadSourceSync, source.loadBytesSync].flatMap((f) =>
    vi.mocked(f).mock.calls.map(([path]) => basename(path)),
  );
  vi.clearAllMocks();
  return [...new Set(names)].sort();
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "copydesk-build-unread-"));
  generateCorpus({ n: 6, seed: 21, out: join(dir, "drafts"), words: 800 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

/**
 * One build in this process (one thread: no pool), its clock 10 s ahead so that no draft is racily new
 * and the stamps are trusted (see file-stamps.ts). Without `--allow-errors` when `strict`.
 */
async function build(out: string, ...extra: string[]) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + 10_000);
  const io = memoryIo(dir);
  io.env = { COPYDESK_VERBOSE: "1" };
  const code = await main(["build", "drafts", "--out", out, "--workers", "1", ...extra], io);
  vi.useRealTimers();
  return { code, out: io.out, err: io.err, loaded: loaded() };
}

describe("an incremental build", () => {
  it("reads no unchanged draft, only the edited one and one whose slug moved, and prints what a clean build does", async () => {
    const drafts = readdirSync(join(dir, "drafts")).sort();
    const first = await build("site", "--allow-errors");
    expect(first.loaded).toEqual(drafts);
    expect(first.err).toContain("rendered 6 page(s), 0 from the cache");

    const again = await build("site", "--allow-errors");
    expect(again.loaded).toEqual([]);
    expect(again.err).toBe(first.err.replace("rendered 6 page(s), 0", "rendered 0 page(s), 6"));
    expect(again.out).toBe(first.out);

    // one draft edited: it alone is read (and checked, planned and rendered)
    const edited = join(dir, "drafts", drafts[2] as string);
    writeFileSync(edited, readFileSync(edited, "utf8").replace("\n## ", "\nA paragraph added later.\n\n## "));
    const one = await build("site", "--allow-errors");
    expect(one.loaded).toEqual([drafts[2]]);
    expect(one.err).toContain("rendered 1 page(s), 5 from the cache");
    const clean = await build("clean", "--allow-errors", "--no-cache");
    expect(one.err).toBe(clean.err.replace("rendered 6 page(s), 0", "rendered 1 page(s), 5"));
    expect(snapshot(join(dir, "site"))).toEqual(snapshot(join(dir, "clean")));

    // a copy named before draft 3 (same format) takes its slug: draft 3, unchanged, is read to render it
    // again as <slug>-2
    const original = drafts[3] as string;
    const copy = original.replace(/^(\d+-)/, "$1a-");
    expect(copy < original).toBe(true);
    copyFileSync(join(dir, "drafts", original), join(dir, "drafts", copy));
    const moved = await build("site", "--allow-errors");
    expect(moved.loaded).toEqual([copy, original]);
    expect(moved.err).toContain("rendered 2 page(s), 5 from the cache");
    const clean2 = await build("clean2", "--allow-errors", "--no-cache");
    expect(moved.err).toBe(clean2.err.replace("rendered 7 page(s), 0", "rendered 2 page(s), 5"));
    expect(snapshot(join(dir, "site"))).toEqual(snapshot(join(dir, "clean2")));
    // no staging folder left behind
    expect(readdirSync(join(dir, "site")).filter((f) => f.startsWith("."))).toEqual([]);
  });

  it("prints held-back drafts' errors at the same lines and columns from the cache as a clean build", async () => {
    const first = await build("strict");
    expect(first.code).toBe(1);
    const held = first.err.split("\n").filter((l) => l.startsWith("  drafts/"));
    expect(held.length).toBeGreaterThan(0);
    for (const line of held) expect(line).toMatch(/^ {2}drafts\/[^:]+:\d+:\d+: error /);
    const again = await build("strict");
    expect(again.loaded).toEqual([]);
    expect(again.code).toBe(1);
    const clean = await build("strict-clean", "--no-cache");
    const counts = /rendered \d+ page\(s\), \d+ from the cache\n/;
    expect(again.err.replace(counts, "")).toBe(clean.err.replace(counts, ""));
    expect(first.err.replace(counts, "")).toBe(clean.err.replace(counts, ""));
    expect(again.out).toBe(clean.out.replace("strict-clean", "strict"));
    expect(snapshot(join(dir, "strict"))).toEqual(snapshot(join(dir, "strict-clean")));
  });
});
