import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { endianness, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { RecordCache, ResultCache } from "../src/engine/cache.js";
import { FileStamps, RACY_MS, type Stamp } from "../src/engine/file-stamps.js";

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

  it("keeps only the newest few files of a namespace, with the stamps and corpus memo beside them", () => {
    const d = dir();
    for (let i = 0; i < 6; i++) {
      const c = new ResultCache<number>(d, "check", `salt-${i}`);
      c.set(ResultCache.key("x"), i);
      c.save();
      // distinct mtimes, oldest first
      utimesSync(c.path, new Date(1_000_000 + i * 1000), new Date(1_000_000 + i * 1000));
      // what a metadata run and the corpus pass write beside the records
      const base = c.path.slice(0, -".cache".length);
      writeFileSync(`${base}.stamps`, "s");
      writeFileSync(`${base}.corpus`, "c");
    }
    const last = new ResultCache<number>(d, "check", "salt-6");
    last.set(ResultCache.key("x"), 6);
    last.save();
    const names = readdirSync(d).filter((f) => f.startsWith("check-"));
    // salt-5's and salt-4's records with their stamps and memo, and salt-6's records
    expect(names.filter((f) => f.endsWith(".cache"))).toHaveLength(3);
    expect(names).toHaveLength(7);
    expect(new ResultCache<number>(d, "check", "salt-5").get(ResultCache.key("x"))).toBe(5);
    expect(new ResultCache<number>(d, "check", "salt-0").get(ResultCache.key("x"))).toBeUndefined();
  });

  it("deletes the unsaved records a killed run left a day ago, never a running one's", () => {
    const d = dir();
    const stale = join(d, "check-0123456789abcdef.cache.4242.1000.tmp");
    const fresh = join(d, "check-0123456789abcdef.cache.4343.2000.tmp");
    writeFileSync(stale, "x");
    writeFileSync(fresh, "y");
    const dayAndMore = new Date(Date.now() - 25 * 60 * 60 * 1000);
    utimesSync(stale, dayAndMore, dayAndMore);
    const c = new ResultCache<number>(d, "check", "v1");
    c.set(ResultCache.key("x"), 1);
    c.save();
    expect(readdirSync(d).sort()).toEqual([basename(c.path), basename(fresh)].sort());
  });

  it("detects a tampered record (checksum), a truncated file and a corrupted one, and rebuilds", () => {
    const d = dir();
    const a = new ResultCache<number>(d, "check", "s");
    a.set(ResultCache.key("x"), 1);
    a.set(ResultCache.key("y"), 2);
    a.save();
    const raw = readFileSync(a.path, "utf8");
    // header, then `<key> <crc32> <length> <payload>\n` per record
    expect(raw.split("\n")).toEqual([
      '{"format":4,"salt":"s"}',
      `${ResultCache.key("x")} ${crc32("1").toString(16).padStart(8, "0")} 00000001 1`,
      `${ResultCache.key("y")} ${crc32("2").toString(16).padStart(8, "0")} 00000001 2`,
      "",
    ]);
    // a cache of the line-per-record format before: another format, rebuilt
    writeFileSync(a.path, raw.replace('"format":4', '"format":3').replaceAll(" 00000001 ", " "));
    const old = new ResultCache<number>(d, "check", "s");
    expect(old.get(ResultCache.key("x"))).toBeUndefined();
    expect(old.stats.rebuilt).toBe(true);
    // a length that reaches past the end of the file
    writeFileSync(a.path, raw.replace(" 00000001 2", " 00000009 2"));
    const long = new ResultCache<number>(d, "check", "s");
    expect(long.get(ResultCache.key("x"))).toBeUndefined();
    expect(long.stats.rebuilt).toBe(true);
    // a length that falls short of the record: no newline where it ends
    writeFileSync(a.path, raw.replace(" 00000001 1", " 00000000 1"));
    expect(new ResultCache<number>(d, "check", "s").stats.rebuilt).toBe(true);
    // one record's payload changed: the whole file is distrusted, the intact record included
    writeFileSync(a.path, raw.replace(/ 2\n$/, " 9\n"));
    const b = new ResultCache<number>(d, "check", "s");
    expect(b.get(ResultCache.key("x"))).toBeUndefined();
    expect(b.get(ResultCache.key("y"))).toBeUndefined();
    expect(b.stats.rebuilt).toBe(true);
    b.set(ResultCache.key("x"), 1);
    b.save();
    expect(new ResultCache<number>(d, "check", "s").get(ResultCache.key("x"))).toBe(1);

    // a write cut short: the last line lacks its newline
    writeFileSync(a.path, raw.slice(0, -1));
    const t = new ResultCache<number>(d, "check", "s");
    expect(t.get(ResultCache.key("x"))).toBeUndefined();
    expect(t.stats.rebuilt).toBe(true);

    writeFileSync(a.path, "{not json");
    const c = new ResultCache<number>(d, "check", "s");
    expect(c.get(ResultCache.key("x"))).toBeUndefined();
    expect(c.stats.rebuilt).toBe(true);
  });

  it("does not rewrite the file when a run used every entry and added none", () => {
    const d = dir();
    const a = new ResultCache<number>(d, "check", "s");
    a.set(ResultCache.key("x"), 1);
    a.save();
    utimesSync(a.path, new Date(1_000_000), new Date(1_000_000));
    const b = new ResultCache<number>(d, "check", "s");
    expect(b.get(ResultCache.key("x"))).toBe(1);
    b.save();
    expect(statSync(b.path).mtimeMs).toBe(1_000_000);
    expect(readdirSync(d)).toEqual([basename(a.path)]);
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

describe("RecordCache", () => {
  it("keeps the payloads it handed out readable after save, until close", () => {
    const d = dir();
    const a = new RecordCache(d, "check", "s");
    const added = a.set(RecordCache.key("new"), "ñ payload");
    a.save();
    const b = new RecordCache(d, "check", "s");
    const hit = b.get(RecordCache.key("new"));
    const other = b.set(RecordCache.key("other"), "second");
    b.save(); // replaces the file the hit was read from
    expect(hit?.file.read(hit.span).toString()).toBe("ñ payload");
    expect(other.file.read(other.span).toString()).toBe("second");
    expect(added.span.length).toBe(Buffer.byteLength("ñ payload"));
    b.close();
    const c = new RecordCache(d, "check", "s");
    expect(c.get(RecordCache.key("other"))).toBeDefined();
    expect(c.get(RecordCache.key("new"))).toBeDefined();
    c.close();
  });

  it("frames payloads by length: line breaks, tabs and records longer than a read come back as stored", () => {
    const d = dir();
    const a = new RecordCache(d, "check", "s");
    const payloads = ["a\nb\n", "\n", "", "tab\there “q”\r\n", `${"é\n".repeat(700_000)}end`, "last"];
    for (const [i, p] of payloads.entries()) a.set(RecordCache.key(String(i)), p);
    a.save();
    a.close();
    const b = new RecordCache(d, "check", "s");
    expect(b.stats.rebuilt).toBe(false);
    payloads.forEach((p, i) => {
      const hit = b.get(RecordCache.key(String(i)));
      expect(hit?.file.read(hit.span).toString()).toBe(p);
    });
    b.close();
  });

  it("leaves no file behind when a run is closed without saving", () => {
    const d = dir();
    const a = new RecordCache(d, "check", "s");
    a.set(RecordCache.key("x"), "1");
    a.close();
    expect(readdirSync(d)).toEqual([]);
  });
});

describe("FileStamps", () => {
  const stamp = (mtimeMs: number, ctimeMs = mtimeMs): Stamp => ({ size: 10, mtimeMs, ctimeMs, ino: 7, dev: 1 });
  const at = 1_700_000_000_000;

  it("keeps a stamp only when mtime and ctime are more than RACY_MS older than the stat", () => {
    const d = dir();
    const stamps = FileStamps.load(join(d, "none.stamps"));
    stamps.remember("/a", stamp(at - RACY_MS - 1), "a".repeat(64), at);
    stamps.remember("/b", stamp(at - RACY_MS), "b".repeat(64), at);
    stamps.remember("/c", stamp(at - RACY_MS - 1, at - 1), "c".repeat(64), at);
    stamps.save(join(d, "x.stamps"));
    const back = FileStamps.load(join(d, "x.stamps"));
    expect(back.keyOf("/a", stamp(at - RACY_MS - 1))).toBe("a".repeat(64));
    expect(back.keyOf("/b", stamp(at - RACY_MS))).toBeUndefined();
    expect(back.keyOf("/c", stamp(at - RACY_MS - 1, at - 1))).toBeUndefined();
    // a racy file's stamp is never trusted, but what it held is known: a second edit is seen as a change
    expect(back.previousKey("/b")).toBe("b".repeat(64));
    expect(back.previousKey("/c")).toBe("c".repeat(64));
    expect(back.previousKey("/d")).toBeUndefined();
    // any field that moved: no key
    expect(back.keyOf("/a", { ...stamp(at - RACY_MS - 1), ino: 8 })).toBeUndefined();
    expect(back.keyOf("/a", { ...stamp(at - RACY_MS - 1), size: 11 })).toBeUndefined();
  });

  it("reads back fractional times, large ids and paths that JSON escapes exactly", () => {
    const d = dir();
    const path = join(d, "x.stamps");
    const stamps = FileStamps.load(path);
    const odd: Stamp = {
      size: 123456789,
      mtimeMs: 1_600_000_000_123 + 0.4567,
      ctimeMs: 1_600_000_000_999 + 0.0001,
      ino: 2 ** 52 + 3,
      dev: 66306,
    };
    // the longest integer summed digit by digit, and a time without a fraction
    const whole: Stamp = { size: 999_999_999_999_999, mtimeMs: 1_600_000_000_000, ctimeMs: 1, ino: 0, dev: 10 ** 15 };
    stamps.remember("/whole", whole, "f".repeat(64), at);
    const paths = ['/a "q" \\b', "/t\tab", "/é ü/x", "/new\nline"];
    for (const p of paths) stamps.remember(p, odd, "e".repeat(64), at);
    stamps.save(path);
    const back = FileStamps.load(path);
    for (const p of paths) expect(back.keyOf(p, odd)).toBe("e".repeat(64));
    expect(back.keyOf("/whole", whole)).toBe("f".repeat(64));
    expect(back.keyOf("/whole", { ...whole, size: whole.size - 1 })).toBeUndefined();
    expect(back.keyOf("/whole", { ...whole, dev: whole.dev + 1 })).toBeUndefined();
    expect(back.keyOf(paths[0] as string, { ...odd, mtimeMs: odd.mtimeMs + 0.001 })).toBeUndefined();
    expect(back.keyOf(paths[0] as string, { ...odd, ctimeMs: odd.ctimeMs - 0.001 })).toBeUndefined();
    expect(back.keyOf(paths[0] as string, { ...odd, dev: 1 })).toBeUndefined();
  });

  it("trusts nothing from a stamps file with a bad checksum, header, length, key or path", () => {
    const d = dir();
    const path = join(d, "x.stamps");
    const stamps = FileStamps.load(path);
    stamps.remember("/a b", stamp(1), "a".repeat(64), at);
    stamps.save(path);
    const good = readFileSync(path);
    const nl = good.indexOf(10);
    const header = JSON.parse(good.toString("latin1", 0, nl)) as Record<string, unknown>;
    const body = good.subarray(nl + 1);
    // the layout: key NUL path NUL, then the five numbers as float64
    expect(header).toEqual({ format: 3, count: 1, text: 70, endian: endianness(), crc: crc32(body) });
    expect(body.toString("latin1", 0, 70)).toBe(`${"a".repeat(64)}\0/a b\0`);
    expect([...new Float64Array(new Uint8Array(body.subarray(70)).buffer)]).toEqual([10, 1, 1, 7, 1]);
    expect(FileStamps.load(path).keyOf("/a b", stamp(1))).toBe("a".repeat(64));
    const file = (h: Record<string, unknown>, b: Buffer) => Buffer.concat([Buffer.from(`${JSON.stringify(h)}\n`), b]);
    /** a file with a right checksum over `b` */
    const summed = (b: Buffer, h: Record<string, unknown> = {}) => file({ ...header, crc: crc32(b), ...h }, b);
    const changed = (at: number, byte: number) => {
      const b = Buffer.from(body);
      b[at] = byte;
      return b;
    };
    const numbers = body.subarray(70);
    for (const bad of [
      file(header, changed(75, 1)),
      good.subarray(0, good.length - 1),
      body,
      summed(body, { count: 2 }),
      summed(body, { text: 69 }),
      summed(body, { format: 2 }),
      summed(body, { endian: endianness() === "LE" ? "BE" : "LE" }),
      summed(body.subarray(0, body.length - 8)),
      summed(Buffer.concat([body, Buffer.alloc(8)])),
      // right checksums over entries not as written: a key in capitals or cut short, no NUL after it, no path
      summed(changed(0, "A".charCodeAt(0))),
      summed(Buffer.concat([Buffer.from(`${"a".repeat(63)}\0/a b\0`), numbers]), { text: 69 }),
      summed(changed(64, "x".charCodeAt(0))),
      summed(Buffer.concat([Buffer.from(`${"a".repeat(64)}\0\0`), numbers]), { text: 66 }),
      // one path twice
      summed(Buffer.concat([Buffer.from(`${"a".repeat(64)}\0/a b\0`.repeat(2)), numbers, numbers]), {
        count: 2,
        text: 140,
      }),
    ]) {
      writeFileSync(path, bad);
      expect(FileStamps.load(path).keyOf("/a b", stamp(1))).toBeUndefined();
    }
    // and what the helpers make of the good bytes is the good file
    writeFileSync(path, summed(body));
    expect(FileStamps.load(path).keyOf("/a b", stamp(1))).toBe("a".repeat(64));
  });

  it("is deleted with the old cache file it sits beside", () => {
    const d = dir();
    for (let i = 0; i < 4; i++) {
      const c = new RecordCache(d, "check", `salt-${i}`, "metadata");
      c.set(RecordCache.key("x"), "1");
      writeFileSync(c.path.replace(/\.cache$/, ".stamps"), "");
      c.save();
      c.close();
      utimesSync(c.path, new Date(1_000_000 + i * 1000), new Date(1_000_000 + i * 1000));
    }
    const last = new RecordCache(d, "check", "salt-5");
    last.set(RecordCache.key("x"), "1");
    last.save();
    last.close();
    const names = readdirSync(d).sort();
    expect(names.filter((f) => f.endsWith(".cache"))).toHaveLength(3);
    expect(names.filter((f) => f.endsWith(".stamps")).map((f) => f.replace(".stamps", ".cache"))).toEqual(
      names.filter((f) => f.endsWith(".cache") && f !== basename(last.path)),
    );
  });
});
