import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeFileAtomicSync } from "../src/io/write.js";

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
