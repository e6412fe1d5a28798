/**
 * loadSourceSync's probe: a draft that ends within the reused buffer costs open, one read and
 * close (no fstat); others still go through fstat and its checks.
 */
import type * as fs from "node:fs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";

const calls = vi.hoisted(() => ({ fstat: 0 }));
vi.mock("node:fs", async (original) => {
  const real = await original<typeof fs>();
  return {
    ...real,
    fstatSync: (...args: Parameters<typeof fs.fstatSync>) => {
      calls.fstat++;
      return real.fstatSync(...args);
    },
  };
});

const { loadBytesSync, loadSourceSync } = await import("./source.js");

const dir = mkdtempSync(join(tmpdir(), "copydesk-probe-"));
const file = (name: string, data: string) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

function fstats(load: () => unknown): number {
  const before = calls.fstat;
  load();
  return calls.fstat - before;
}

describe("loadSourceSync's probe", () => {
  it("reads a draft that fits the buffer without an fstat, text and own bytes alike", () => {
    const path = file("fits.txt", "\uFEFFTitle\nBody é.");
    let text = "";
    expect(fstats(() => (text = loadSourceSync(path).text))).toBe(0);
    expect(text).toBe("\uFEFFTitle\nBody é.");
    let bytes: Buffer = Buffer.alloc(0);
    expect(fstats(() => (bytes = loadBytesSync(path)))).toBe(0);
    loadSourceSync(file("other.txt", "something else entirely"));
    expect(bytes.toString("utf8")).toBe("\uFEFFTitle\nBody é.");
  });

  it("goes through fstat when the probe fills the buffer, reads nothing or meets a limit", () => {
    // 64 KB fills the first buffer exactly: the size comes from fstat, the bytes from a full read
    const full = "y".repeat(64 * 1024);
    let text = "";
    expect(fstats(() => (text = loadSourceSync(file("full.txt", full)).text))).toBe(1);
    expect(text).toBe(full);
    const empty = file("empty.txt", "");
    expect(fstats(() => expect(() => loadSourceSync(empty)).toThrow(`${empty}: empty file`))).toBe(1);
    const big = file("big.txt", "z".repeat(2048));
    expect(
      fstats(() =>
        expect(() => loadBytesSync(big, { maxBytes: 1024 })).toThrow(`${big}: file is 2.0 KB, over the 1.0 KB limit`),
      ),
    ).toBe(1);
    expect(fstats(() => expect(() => loadSourceSync(dir)).toThrow(`${dir}: is a directory, not a draft file`))).toBe(1);
  });
});
