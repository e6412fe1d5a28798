import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
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

  it("never serves results written under another salt, and keeps each salt's file", () => {
    const d = dir();
    const a = new ResultCache<number>(d, "check", "v1");
    a.set(ResultCache.key("x"), 1);
    a.save();
    const b = new ResultCache<number>(d, "check", "v2");
    expect(b.get(ResultCache.key("x"))).toBeUndefined();
    b.set(ResultCache.key("x"), 2);
    b.save();
    // a run with the first options again still finds its own results
    expect(new ResultCache<number>(d, "check", "v1").get(ResultCache.key("x"))).toBe(1);
    expect(readdirSync(d).filter((f) => f.startsWith("check-"))).toHaveLength(2);
  });

  it("keeps only the newest few files of a namespace", () => {
    const d = dir();
    for (let i = 0; i < 6; i++) {
      const c = new ResultCache<number>(d, "check", `salt-${i}`);
      c.set(ResultCache.key("x"), i);
      c.save();
      // distinct mtimes, oldest first
      utimesSync(c.path, new Date(1_000_000 + i * 1000), new Date(1_000_000 + i * 1000));
    }
    const last = new ResultCache<number>(d, "check", "salt-6");
    last.set(ResultCache.key("x"), 6);
    last.save();
    const names = readdirSync(d).filter((f) => f.startsWith("check-"));
    expect(names).toHaveLength(3);
    expect(new ResultCache<number>(d, "check", "salt-5").get(ResultCache.key("x"))).toBe(5);
    expect(new ResultCache<number>(d, "check", "salt-0").get(ResultCache.key("x"))).toBeUndefined();
  });

  it("detects a tampered body (checksum) and a corrupted file, and rebuilds", () => {
    const d = dir();
    const a = new ResultCache<number>(d, "check", "s");
    a.set(ResultCache.key("x"), 1);
    a.set(ResultCache.key("y"), 2);
    a.save();
    const raw = readFileSync(a.path, "utf8");
    writeFileSync(a.path, raw.replace(":2}", ":99}"));
    const b = new ResultCache<number>(d, "check", "s");
    expect(b.get(ResultCache.key("x"))).toBeUndefined();
    expect(b.get(ResultCache.key("y"))).toBeUndefined();
    expect(b.stats.rebuilt).toBe(true);
    b.set(ResultCache.key("x"), 1);
    b.save();
    expect(new ResultCache<number>(d, "check", "s").get(ResultCache.key("x"))).toBe(1);

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
