import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
// @ts-expect-error: a plain ES module without types
import { generateCorpus } from "../bench/corpus/generate.mjs";
import { main } from "../src/cli/main.js";
import { type CheckSpec, cacheSaltOf, checkStream } from "../src/engine/batch.js";
import { DEFAULT_CACHE_DIR } from "../src/engine/cache-dir.js";
import { FileStamps, type Stamp, stampOf } from "../src/engine/file-stamps.js";
import { rememberedSalt, rememberSalt } from "../src/engine/setup-memo.js";
import { type StatedInputs, stateInputs, unchangedRun } from "../src/engine/unchanged-run.js";
import { CHUNKED_REPORTERS, type FileResult } from "../src/report/index.js";
import { chunkText } from "../src/report/types.js";
import { memoryIo } from "./build-helpers.js";

// the real function, watched: the CLI test sees which runs it served
vi.mock("../src/engine/unchanged-run.js", async (original) => {
  const real = await original<typeof import("../src/engine/unchanged-run.js")>();
  return { ...real, unchangedRun: vi.fn(real.unchangedRun) };
});

/** Whether the last CLI run was served by `unchangedRun` (called, and answered). */
function served(): boolean {
  const calls = vi.mocked(unchangedRun).mock.results;
  const last = calls.at(-1)?.value;
  vi.mocked(unchangedRun).mockClear();
  return last !== undefined;
}

let root: string;
let paths: string[];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "copydesk-unchanged-"));
  // look-alike drafts: the corpus rules find duplicates, so the memo's findings are merged too
  generateCorpus({ n: 6, seed: 9, out: join(root, "drafts"), words: 800 });
  paths = readdirSync(join(root, "drafts"))
    .sort()
    .map((f) => join(root, "drafts", f));
});
afterEach(() => {
  vi.useRealTimers();
});

/** The clock 10 s ahead while `fn` runs, so no draft is racily new and every stamp is kept. */
async function later<T>(fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + 10_000);
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

async function cli(args: string[], cwd = root) {
  const io = memoryIo(cwd);
  const code = await later(() => main(["check", ...args], io));
  return { code, out: io.out, err: io.err };
}

function json(results: Iterable<FileResult>): string {
  let out = "";
  for (const chunk of CHUNKED_REPORTERS.json(results, { cwd: root, color: false, rules: [], toolVersion: "t" }))
    out += chunkText(chunk);
  return out;
}

describe("unchangedRun", () => {
  it("serves a run whose stamps, keys and corpus memo all hold, with checkStream's report; nothing once one differs", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "copydesk-unchanged-cache-"));
    const spec: CheckSpec = { cwd: root, now: "2026-11-24T00:00:00Z", extras: true, render: "json" };
    const first = await later(() =>
      checkStream(paths, spec, { workers: 1, cache: { dir: cacheDir, strategy: "metadata" } }),
    );
    const expected = json({ [Symbol.iterator]: () => first.results() });
    const counts = first.counts;
    first.close();
    const salt = await cacheSaltOf(spec);
    const run = await later(async () => unchangedRun(paths, root, { dir: cacheDir, salt }, false));
    expect(run).toBeDefined();
    expect(json({ [Symbol.iterator]: () => (run as NonNullable<typeof run>).results() })).toBe(expected);
    expect(run?.counts).toEqual(counts);
    expect(run?.size).toBe(6);
    run?.close();
    // another salt (another setup): no cache file of it
    expect(await later(async () => unchangedRun(paths, root, { dir: cacheDir, salt: "x" }, false))).toBeUndefined();
    // other paths: the memo was kept for these six
    expect(await later(async () => unchangedRun(paths.slice(1), root, { dir: cacheDir, salt }, false))).toBeUndefined();
    // a damaged corpus memo
    const memo = join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith(".corpus")) as string);
    writeFileSync(memo, readFileSync(memo, "utf8").replace('"errorCount":', '"errorCount":1'));
    expect(await later(async () => unchangedRun(paths, root, { dir: cacheDir, salt }, false))).toBeUndefined();
  });
});

describe("unchangedRun and files whose stamps moved", () => {
  it("hashes them and serves the run when their contents are the last run's, not when one differs", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "copydesk-unchanged-cache-"));
    const spec: CheckSpec = { cwd: root, now: "2026-11-24T00:00:00Z", extras: true, render: "json" };
    // run with the clock at the drafts' writing: racily new, so no stamp is kept
    for (const path of paths) writeFileSync(path, readFileSync(path));
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(statSync(paths[0] as string).ctimeMs);
    const first = await checkStream(paths, spec, { workers: 1, cache: { dir: cacheDir, strategy: "metadata" } });
    vi.useRealTimers();
    const expected = json({ [Symbol.iterator]: () => first.results() });
    first.close();
    const stampsFile = () => join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith(".stamps")) as string);
    // their keys are kept, under a ctime no file has: no stamp is trusted, every draft is hashed next run
    const racy = FileStamps.load(stampsFile());
    for (const path of paths) {
      expect(racy.previousKey(path)).toMatch(/^[0-9a-f]{64}$/);
      expect(racy.keyOf(path, stampOf(path) as Stamp)).toBeUndefined();
    }
    const salt = await cacheSaltOf(spec);
    const run = await later(async () => unchangedRun(paths, root, { dir: cacheDir, salt }, false));
    expect(json({ [Symbol.iterator]: () => (run as NonNullable<typeof run>).results() })).toBe(expected);
    run?.close();
    // and it kept their stamps for the next run
    const kept = FileStamps.load(stampsFile());
    for (const path of paths) expect(kept.keyOf(path, stampOf(path) as Stamp)).toBe(racy.previousKey(path));
    // a draft written again with the same bytes: served; with one byte more: not
    const victim = paths[2] as string;
    const text = readFileSync(victim, "utf8");
    try {
      writeFileSync(victim, text);
      const again = await later(async () => unchangedRun(paths, root, { dir: cacheDir, salt }, false));
      expect(again).toBeDefined();
      again?.close();
      writeFileSync(victim, `${text}\n`);
      expect(await later(async () => unchangedRun(paths, root, { dir: cacheDir, salt }, false))).toBeUndefined();
    } finally {
      writeFileSync(victim, text);
    }
  });
});

describe("checkStream after stateInputs", () => {
  it("takes the stamps and keys found (not statting again) when they are of its cache and salt only", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "copydesk-unchanged-cache-"));
    const spec: CheckSpec = { cwd: root, now: "2026-11-24T00:00:00Z", extras: true, render: "json" };
    const stream = async (stated?: StatedInputs) => {
      const s = await later(() =>
        checkStream(paths, spec, {
          workers: 1,
          cache: { dir: cacheDir, strategy: "metadata", ...(stated ? { stated } : {}) },
        }),
      );
      try {
        return { report: json({ [Symbol.iterator]: () => s.results() }), stats: s.cache };
      } finally {
        s.close();
      }
    };
    const first = await stream();
    const salt = await cacheSaltOf(spec);
    const stated = await later(async () => stateInputs(paths, root, { dir: cacheDir, salt }));
    expect(await stream(stated)).toEqual({ ...first, stats: { hits: 6, misses: 0, rebuilt: false, unread: 6 } });
    // a draft changed after the look: the run goes by what the look found (the draft as it was)...
    const victim = paths[1] as string;
    const text = readFileSync(victim, "utf8");
    try {
      writeFileSync(victim, `A line more.\n\n${text}`);
      expect(await stream(stated)).toEqual({ ...first, stats: { hits: 6, misses: 0, rebuilt: false, unread: 6 } });
      // ...unless it was of another salt or folder: then every file is statted again, and the change seen
      for (const other of [
        { ...stated, salt: "x" },
        { ...stated, dir: root },
      ]) {
        const changed = await stream(other);
        // (the changed draft's stamp moved: it alone is read)
        expect(changed.stats?.unread).toBe(5);
        expect(changed.report).not.toBe(first.report);
        writeFileSync(victim, text);
        await stream();
        writeFileSync(victim, `A line more.\n\n${text}`);
      }
    } finally {
      writeFileSync(victim, text);
    }
  });
});

describe("the setup memo", () => {
  it("names the salt by the config file's bytes and the options, and never an ES module config", async () => {
    const dir = mkdtempSync(join(tmpdir(), "copydesk-setup-"));
    const spec: CheckSpec = { cwd: dir, now: "2026-11-24T10:00:00Z", render: "json" };
    const cacheDir = join(dir, DEFAULT_CACHE_DIR);
    writeFileSync(join(dir, "copydesk.config.json"), JSON.stringify({ extends: ["recommended"] }));
    expect(rememberedSalt(spec)).toBeUndefined();
    rememberSalt(spec, cacheDir, "salt-1"); // no folder yet: nothing written, nothing thrown
    expect(rememberedSalt(spec)).toBeUndefined();
    const { mkdirSync } = await import("node:fs");
    mkdirSync(cacheDir);
    rememberSalt(spec, cacheDir, "salt-1");
    expect(rememberedSalt(spec)).toBe("salt-1");
    expect(rememberedSalt({ ...spec, now: "2026-11-24T23:59:00Z" })).toBe("salt-1");
    expect(rememberedSalt({ ...spec, now: "2026-11-25T00:00:00Z" })).toBeUndefined();
    expect(rememberedSalt({ ...spec, render: "stylish" })).toBeUndefined();
    expect(rememberedSalt({ ...spec, overrides: { health: "on" } })).toBeUndefined();
    // a cache put elsewhere by the config is not remembered
    rememberSalt({ ...spec, extras: true }, join(dir, "elsewhere"), "salt-2");
    expect(rememberedSalt({ ...spec, extras: true })).toBeUndefined();
    // the config's bytes changed
    writeFileSync(join(dir, "copydesk.config.json"), JSON.stringify({ extends: ["strict"] }));
    expect(rememberedSalt(spec)).toBeUndefined();
    writeFileSync(join(dir, "copydesk.config.json"), JSON.stringify({ extends: ["recommended"] }));
    expect(rememberedSalt(spec)).toBe("salt-1");
    // a damaged memo
    const memo = join(cacheDir, readdirSync(cacheDir).find((f) => f.startsWith("setup-")) as string);
    writeFileSync(memo, readFileSync(memo, "utf8").replace("salt-1", "salt-9"));
    expect(rememberedSalt(spec)).toBeUndefined();
    // an ES module config may import anything: never named by its bytes
    rmSync(join(dir, "copydesk.config.json"));
    writeFileSync(join(dir, "copydesk.config.mjs"), "export default {};\n");
    rememberSalt(spec, cacheDir, "salt-3");
    expect(rememberedSalt(spec)).toBeUndefined();
  });
});

describe("copydesk check, re-run unchanged", () => {
  it("writes the same report and exit code, and follows a changed config and a changed draft", async () => {
    const dir = mkdtempSync(join(tmpdir(), "copydesk-unchanged-cli-"));
    generateCorpus({ n: 6, seed: 9, out: join(dir, "drafts"), words: 800 });
    for (const format of ["json", "stylish"]) {
      const fresh = await cli(["drafts", "--format", format, "--no-cache"], dir);
      const first = await cli(["drafts", "--format", format], dir);
      expect(served()).toBe(false);
      const second = await cli(["drafts", "--format", format], dir);
      expect(served()).toBe(true);
      expect(first).toEqual(fresh);
      expect(second).toEqual(fresh);
      // --quiet filters the messages: never served from the rendered records
      await cli(["drafts", "--format", format, "--quiet"], dir);
      expect(served()).toBe(false);
    }
    expect(readdirSync(join(dir, DEFAULT_CACHE_DIR)).filter((f) => f.startsWith("setup-"))).toHaveLength(2);
    // a config that switches a rule off: the remembered salt is not this config's
    writeFileSync(join(dir, "copydesk.config.json"), JSON.stringify({ rules: { "seo/duplicate-title": "off" } }));
    const fresh = await cli(["drafts", "--format", "json", "--no-cache"], dir);
    expect(await cli(["drafts", "--format", "json"], dir)).toEqual(fresh);
    expect(served()).toBe(false);
    expect(await cli(["drafts", "--format", "json"], dir)).toEqual(fresh);
    expect(served()).toBe(true);
    // --max-warnings is applied to the remembered totals as to fresh ones
    expect(await cli(["drafts", "--format", "json", "--max-warnings", "0"], dir)).toEqual(
      await cli(["drafts", "--format", "json", "--max-warnings", "0", "--no-cache"], dir),
    );
    // a draft edited: its stamp moved
    const victim = join(dir, "drafts", readdirSync(join(dir, "drafts")).sort()[2] as string);
    writeFileSync(victim, `${readFileSync(victim, "utf8")}\nOne more closing sentence for the readers.\n`);
    const edited = await cli(["drafts", "--format", "json", "--no-cache"], dir);
    expect(edited.out).not.toBe(fresh.out);
    expect(await cli(["drafts", "--format", "json"], dir)).toEqual(edited);
    expect(served()).toBe(false);
    expect(await cli(["drafts", "--format", "json"], dir)).toEqual(edited);
    expect(served()).toBe(true);
  });
});
