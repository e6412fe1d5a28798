import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ResultCache } from "../src/engine/cache.js";

const dir = () => mkdtempSync(join(tmpdir(), "copydesk-cache-"));

describe("ResultCache", () => {
  it("returns what was stored for the same content, salt and namespace", () => {
    const d = dir();
    const first = new ResultCache<{ n: number }>(d, "check", "v1");
    const key = ResultCache.key("hello");
    expect(first.get(key)).toBeUndefined();
    first.set(key, { n: 3 });
    first.save();
    const second = new ResultCache<{ n: number }>(d, "check", "v1");
    expect(second.get(key)).toEqual({ n: 3 });
    expect(second.stats).toEqual({ hits: 1, misses: 0, rebuilt: false });
  });

  it("ignores a cache written with another salt (version or config changed)", () => {
    const d = dir();
    const a = new ResultCache<number>(d, "check", "v1");
    a.set(ResultCache.key("x"), 1);
    a.save();
    const b = new ResultCache<number>(d, "check", "v2");
    expect(b.get(ResultCache.key("x"))).toBeUndefined();
    expect(b.stats.rebuilt).toBe(true);
  });

  it("detects a corrupted file and an entry whose checksum fails", () => {
    const d = dir();
    const a = new ResultCache<number>(d, "check", "s");
    a.set(ResultCache.key("x"), 1);
    a.set(ResultCache.key("y"), 2);
    a.save();
    const raw = JSON.parse(readFileSync(a.path, "utf8"));
    raw.entries[ResultCache.key("y")].data = 99; // tampered
    writeFileSync(a.path, JSON.stringify(raw));
    const b = new ResultCache<number>(d, "check", "s");
    expect(b.get(ResultCache.key("x"))).toBe(1);
    expect(b.get(ResultCache.key("y"))).toBeUndefined();
    expect(b.stats.rebuilt).toBe(true);

    writeFileSync(a.path, "{not json");
    const c = new ResultCache<number>(d, "check", "s");
    expect(c.get(ResultCache.key("x"))).toBeUndefined();
    expect(c.stats.rebuilt).toBe(true);
  });

  it("drops entries not used in the last run when saving", () => {
    const d = dir();
    const a = new ResultCache<number>(d, "check", "s");
    a.set(ResultCache.key("old"), 1);
    a.save();
    const b = new ResultCache<number>(d, "check", "s");
    b.set(ResultCache.key("new"), 2);
    b.save();
    const c = new ResultCache<number>(d, "check", "s");
    expect(c.get(ResultCache.key("old"))).toBeUndefined();
    expect(c.get(ResultCache.key("new"))).toBe(2);
  });
});
