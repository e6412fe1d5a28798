import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkFiles } from "../src/engine/batch.js";
import { RecordCache } from "../src/engine/cache.js";

// The reader is chosen by the file name as well as the bytes (read/detect.ts): the same bytes saved as
// `.html` and as `.md` are two different drafts, and the cache must not hand one the other's results.
const dir = mkdtempSync(join(tmpdir(), "copydesk-format-key-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const summary = (r: { diagnostics: ReadonlyArray<{ ruleId: string; line: number; column: number }> }) =>
  r.diagnostics.map((d) => `${d.ruleId}@${d.line}:${d.column}`);

describe("content keys and the reader the file name picks", () => {
  it("differ for the same bytes under an .html, a .md and a .txt name, and agree for the same kind", () => {
    const bytes = Buffer.from("<p>Same bytes</p>\n");
    const html = RecordCache.key(bytes, "a/draft.html");
    expect(RecordCache.key(bytes, "b/other.HTM")).toBe(html);
    expect(RecordCache.key(bytes, "a/draft.md")).not.toBe(html);
    expect(RecordCache.key(bytes, "a/draft.txt")).not.toBe(html);
    expect(RecordCache.key(bytes, "a/draft.txt")).toBe(RecordCache.key(bytes, "a/notes"));
  });

  it("a cached run gives an HTML draft copied to .md the results a run without the cache gives", async () => {
    const html = join(dir, "draft.html");
    const md = join(dir, "draft.md");
    copyFileSync(new URL("../examples/budgeting-irregular-income.html", import.meta.url), html);
    copyFileSync(html, md);
    const spec = { cwd: dir, now: "2026-11-24T00:00:00Z" };
    const cache = { dir: join(dir, ".copydesk-cache") };
    await checkFiles([html], spec, { workers: 1, cache });
    const cached = await checkFiles([html, md], spec, { workers: 1, cache });
    const fresh = await checkFiles([html, md], spec, { workers: 1, cache: false });
    expect(cached.results.map(summary)).toEqual(fresh.results.map(summary));
    // the two readers see different drafts: the point of the test is lost if they agree
    expect(summary(fresh.results[1] as never)).not.toEqual(summary(fresh.results[0] as never));
  });
});
