import { mkdtempSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RecordCache } from "../src/engine/cache.js";

const dir = () => mkdtempSync(join(tmpdir(), "copydesk-cache-append-"));
const key = (n: number) => RecordCache.key(`content ${n}`);
const payload = (n: number) => `record ${n}\n${"x".repeat(n * 7)}`;

/** A cache file holding records 0..n-1. */
function filled(d: string, n: number): string {
  const c = new RecordCache(d, "check", "s");
  for (let i = 0; i < n; i++) c.set(key(i), payload(i));
  c.save();
  c.close();
  return c.path;
}

/** What a fresh load of the cache serves for each of these records (undefined: a miss). */
function served(d: string, ids: number[]) {
  const c = new RecordCache(d, "check", "s");
  try {
    const out = ids.map((i) => {
      const stored = c.get(key(i));
      return stored ? stored.file.read(stored.span).toString() : undefined;
    });
    return { out, rebuilt: c.stats.rebuilt };
  } finally {
    c.close();
  }
}

/** A run that serves records `used` and adds `added`, then saves. */
function rerun(d: string, used: number[], added: number[]): RecordCache {
  const c = new RecordCache(d, "check", "s");
  for (const i of used) expect(c.get(key(i))).toBeDefined();
  for (const i of added) {
    const stored = c.set(key(i), payload(i));
    expect(stored.file.read(stored.span).toString()).toBe(payload(i));
  }
  c.save();
  return c;
}

describe("RecordCache appends a run's few new records to the file it loaded", () => {
  it("one record changed of ten: the file grows by that record alone and serves all eleven", () => {
    const d = dir();
    const path = filled(d, 10);
    const before = readFileSync(path);
    rerun(d, [0, 1, 2, 3, 4, 5, 6, 7, 8], [10]).close();
    const after = readFileSync(path);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    const framed = 64 + 19 + Buffer.byteLength(payload(10)) + 1;
    expect(after.length).toBe(before.length + framed);
    expect(after.subarray(before.length, before.length + 64).toString()).toBe(key(10));
    expect(served(d, [0, 9, 10])).toEqual({ out: [payload(0), payload(9), payload(10)], rebuilt: false });
    // no temporary file stays behind
    expect(readdirSync(d).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("writes the file afresh once the records no run served would pass a quarter of it", () => {
    const d = dir();
    const path = filled(d, 10);
    // 2 dead of 11: appended
    rerun(d, [0, 1, 2, 3, 4, 5, 6, 7], [10]).close();
    expect(served(d, [8, 9, 10]).out).toEqual([payload(8), payload(9), payload(10)]);
    const grown = statSync(path).size;
    // 3 dead of 11 (8, 9 and 0) plus one new: 3 <= 12 / 4, still appended
    rerun(d, [1, 2, 3, 4, 5, 6, 7, 10], [11]).close();
    expect(statSync(path).size).toBeGreaterThan(grown);
    // 5 dead of 12 plus one new: written afresh with the served and the new only
    rerun(d, [1, 2, 3, 4, 5, 6, 7], [12]).close();
    expect(served(d, [0, 8, 9, 10, 11]).out).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(served(d, [1, 7, 12]).out).toEqual([payload(1), payload(7), payload(12)]);
    expect(readdirSync(d).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a run that only lost a few files leaves the file as it is", () => {
    const d = dir();
    const path = filled(d, 10);
    const before = readFileSync(path);
    rerun(d, [0, 1, 2, 3, 4, 5, 6, 7, 8], []).close();
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it("an append cut short (a torn last record) is detected: the cache is rebuilt, never trusted", () => {
    const d = dir();
    const path = filled(d, 10);
    const before = statSync(path).size;
    rerun(d, [0, 1, 2, 3, 4, 5, 6, 7, 8], [10]).close();
    const after = statSync(path).size;
    // cut inside the appended record's payload, inside its prefix, and just before its newline
    for (const size of [after - 5, before + 40, after - 1]) {
      const d2 = dir();
      const copy = join(d2, path.slice(d.length + 1));
      writeFileSync(copy, readFileSync(path).subarray(0, after));
      truncateSync(copy, size);
      expect(served(d2, [0, 10])).toEqual({ out: [undefined, undefined], rebuilt: true });
      // the run that found it so writes a whole file again
      rerun(d2, [], [0, 10]).close();
      expect(served(d2, [0, 10])).toEqual({ out: [payload(0), payload(10)], rebuilt: false });
    }
    // a torn append that left a whole record's prefix with a wrong checksum is refused the same way
    const d3 = dir();
    const copy = join(d3, path.slice(d.length + 1));
    const bytes = readFileSync(path);
    bytes[after - 3] = bytes[after - 3] === 120 ? 121 : 120;
    writeFileSync(copy, bytes);
    expect(served(d3, [0, 10])).toEqual({ out: [undefined, undefined], rebuilt: true });
  });

  it("does not append to a file another run replaced or grew since it was loaded: writes it afresh", () => {
    const d = dir();
    const path = filled(d, 10);
    const c = new RecordCache(d, "check", "s");
    for (let i = 0; i < 9; i++) c.get(key(i));
    c.set(key(20), payload(20));
    // meanwhile another run appends a record of its own
    rerun(d, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [21]).close();
    const grownByOther = statSync(path).size;
    c.save();
    c.close();
    // this run's file: its own records, whole; the other's record is gone with the file it replaced
    expect(statSync(path).size).not.toBe(grownByOther);
    expect(served(d, [0, 8, 20, 21])).toEqual({
      out: [payload(0), payload(8), payload(20), undefined],
      rebuilt: false,
    });
  });
});
