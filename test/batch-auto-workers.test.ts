import { appendFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
// @ts-expect-error: plain ESM script without types
import { generateCorpus } from "../bench/corpus/generate.mjs";
import { type CheckSpec, checkStream } from "../src/engine/batch.js";
import { autoWorkers } from "../src/engine/pool.js";

// the pool's size for "auto", watched (always one thread here: the test is about what it is asked)
vi.mock("../src/engine/pool.js", async (original) => {
  const real = await original<typeof import("../src/engine/pool.js")>();
  return { ...real, autoWorkers: vi.fn(() => 1) };
});

describe("checkStream with workers: auto", () => {
  it("sizes the pool by the files left to check, not by the files of the run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "copydesk-auto-"));
    generateCorpus({ n: 5, seed: 4, out: join(dir, "drafts"), words: 500 });
    const paths = readdirSync(join(dir, "drafts"))
      .sort()
      .map((f) => join(dir, "drafts", f));
    const spec: CheckSpec = { cwd: dir, now: "2026-11-24T00:00:00Z" };
    const cache = { dir: join(dir, ".copydesk-cache") };
    const run = async () => (await checkStream(paths, spec, { workers: "auto", cache })).close();
    await run();
    expect(vi.mocked(autoWorkers)).toHaveBeenLastCalledWith(5);
    appendFileSync(paths[3] as string, "\nOne more sentence at the end.\n");
    await run();
    expect(vi.mocked(autoWorkers)).toHaveBeenLastCalledWith(1);
    await run();
    expect(vi.mocked(autoWorkers)).toHaveBeenLastCalledWith(0);
  });
});
