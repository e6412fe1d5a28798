import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { remainingAfter, SiteWriter, stageFile, writeFileAtomicSync } from "../src/io/write.js";

const dir = mkdtempSync(join(tmpdir(), "copydesk-atomic-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("writeFileAtomicSync", () => {
  it("replaces the file and leaves no temp file behind", () => {
    const p = join(dir, "out.html");
    writeFileSync(p, "old");
    writeFileAtomicSync(p, "new ü text\n");
    expect(readFileSync(p, "utf8")).toBe("new ü text\n");
    expect(readdirSync(dir)).toEqual(["out.html"]);
  });

  it("throws without creating the target or a temp file when the directory does not exist", () => {
    expect(() => writeFileAtomicSync(join(dir, "missing", "x.html"), "x")).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual(["out.html"]);
  });

  it("removes its temp file when the rename fails (the target is a directory)", () => {
    const target = join(dir, "taken");
    // a non-empty directory cannot be replaced by a file
    mkdirSync(join(target, "inner"), { recursive: true });
    expect(() => writeFileAtomicSync(target, "x")).toThrow();
    expect(readdirSync(dir).sort()).toEqual(["out.html", "taken"]);
  });
});

describe("SiteWriter", () => {
  it("writes files into their folders, and places staged ones under the name given later", () => {
    const out = join(dir, "site");
    const writer = new SiteWriter(out);
    const first = stageFile(writer.stagingFolder(), new TextEncoder().encode("<p>first</p>"));
    const second = stageFile(writer.stagingFolder(), "<p>second</p>");
    const dropped = stageFile(writer.stagingFolder(), "<p>held back</p>");
    // staged inside the output folder (same file system: a rename places it), one hidden folder
    expect(readdirSync(out).filter((f) => f.startsWith(".copydesk-staging-"))).toHaveLength(1);
    writer.place(second, "b/index.html");
    writer.place(first, "a/index.html");
    writer.write("index.html", "home");
    writer.write("a/extra.txt", "x");
    writer.close();
    expect(readdirSync(out).sort()).toEqual(["a", "b", "index.html"]);
    expect(readFileSync(join(out, "a", "index.html"), "utf8")).toBe("<p>first</p>");
    expect(readFileSync(join(out, "b", "index.html"), "utf8")).toBe("<p>second</p>");
    expect(readdirSync(join(out, "a")).sort()).toEqual(["extra.txt", "index.html"]);
    expect(() => readFileSync(dropped)).toThrow(/ENOENT/);
  });

  it("makes no staging folder when nothing is staged", () => {
    const out = join(dir, "plain");
    const writer = new SiteWriter(out);
    writer.write("robots.txt", "User-agent: *\n");
    writer.close();
    expect(readdirSync(out)).toEqual(["robots.txt"]);
  });

  it("places a page into a folder a site built before has, keeping that folder's other files", () => {
    const out = join(dir, "again");
    mkdirSync(join(out, "a"), { recursive: true });
    writeFileSync(join(out, "a", "index.html"), "<p>old</p>");
    writeFileSync(join(out, "a", "photo.txt"), "kept");
    mkdirSync(join(out, "empty"));
    writeFileSync(join(out, "file"), "not a folder");
    const writer = new SiteWriter(out);
    const page = stageFile(writer.stagingFolder(), "<p>new</p>");
    const other = stageFile(writer.stagingFolder(), "<p>other</p>");
    const clash = stageFile(writer.stagingFolder(), "<p>clash</p>");
    writer.place(page, "a/index.html");
    writer.place(other, "empty/index.html");
    expect(() => writer.place(clash, "file/index.html")).toThrow();
    writer.close();
    expect(readdirSync(join(out, "a")).sort()).toEqual(["index.html", "photo.txt"]);
    expect(readFileSync(join(out, "a", "index.html"), "utf8")).toBe("<p>new</p>");
    expect(readFileSync(join(out, "empty", "index.html"), "utf8")).toBe("<p>other</p>");
    expect(readFileSync(join(out, "file"), "utf8")).toBe("not a folder");
    expect(readdirSync(out).sort()).toEqual(["a", "empty", "file"]);
  });

  it("removes staging folders a killed build left, and keeps those of builds still running", () => {
    const out = join(dir, "abandoned");
    // a process that has ended: its id names no running process (unless reused at once, unlikely here)
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    const stale = [`.copydesk-staging-${dead}-a1b2c3`, ".copydesk-staging-Qx9z7k"]; // the second: before ids
    const live = [`.copydesk-staging-${process.ppid}-d4e5f6`, `.copydesk-staging-${process.pid}-g7h8i9`];
    for (const name of [...stale, ...live]) {
      mkdirSync(join(out, name, "1"), { recursive: true });
      writeFileSync(join(out, name, "1", "0"), "<p>left</p>");
    }
    writeFileSync(join(out, "index.html"), "home");
    const writer = new SiteWriter(out);
    stageFile(writer.stagingFolder(), "<p>new</p>");
    const own = readdirSync(out).filter((f) => f.startsWith(`.copydesk-staging-${process.pid}-`) && !live.includes(f));
    expect(own).toHaveLength(1);
    writer.close();
    expect(readdirSync(out).sort()).toEqual([...live, "index.html"].sort());
  });

  it("stages each thread's files in a folder of its own inside the staging folder", () => {
    const out = join(dir, "threads");
    const writer = new SiteWriter(out);
    const first = stageFile(writer.stagingFolder(), "<p>one</p>");
    const second = stageFile(writer.stagingFolder(), "<p>two</p>");
    expect(first).not.toBe(second);
    expect(readdirSync(writer.stagingFolder())).toEqual([String(threadId)]);
    expect(readdirSync(join(writer.stagingFolder(), String(threadId)))).toHaveLength(2);
    writer.place(first, "x/index.html");
    writer.place(second, "y/index.html");
    expect(readdirSync(join(writer.stagingFolder(), String(threadId)))).toEqual([]);
    writer.close();
    expect(readdirSync(out).sort()).toEqual(["x", "y"]);
    expect(readFileSync(join(out, "y", "index.html"), "utf8")).toBe("<p>two</p>");
    // a later build's staging folder gets this thread's folder again
    const again = new SiteWriter(join(dir, "threads-2"));
    again.place(stageFile(again.stagingFolder(), "<p>three</p>"), "z/index.html");
    again.close();
    expect(readFileSync(join(dir, "threads-2", "z", "index.html"), "utf8")).toBe("<p>three</p>");
  });
});

describe("remainingAfter (what a short gathered write left)", () => {
  it("gives the bytes not written yet, across part boundaries", () => {
    const parts = [Buffer.from("head\n"), Buffer.from("one\ntwo\n")];
    const text = (bs: Uint8Array[]) => Buffer.concat(bs).toString();
    expect(text(remainingAfter(parts, 0))).toBe("head\none\ntwo\n");
    expect(text(remainingAfter(parts, 3))).toBe("d\none\ntwo\n");
    expect(text(remainingAfter(parts, 5))).toBe("one\ntwo\n");
    expect(remainingAfter(parts, 5)).toHaveLength(1);
    expect(text(remainingAfter(parts, 9))).toBe("two\n");
    expect(remainingAfter(parts, 13)).toEqual([]);
  });

  it("lets writeFileAtomicSync write parts one after the other, as one file", () => {
    const path = join(dir, "parts.txt");
    writeFileAtomicSync(path, [Buffer.from("head\n"), new Uint8Array(), Buffer.from("one\ntwo\n")]);
    expect(readFileSync(path, "utf8")).toBe("head\none\ntwo\n");
    expect(readdirSync(dir).filter((f) => f.includes("parts.txt"))).toEqual(["parts.txt"]);
  });
});
