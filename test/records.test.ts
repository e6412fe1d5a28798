import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AppendFile } from "../src/engine/records.js";

const file = () => AppendFile.create(join(mkdtempSync(join(tmpdir(), "copydesk-records-")), "r.tmp"));

describe("AppendFile", () => {
  it("reads back what was appended, buffered or written, forward or not", () => {
    const f = file();
    const spans = Array.from({ length: 3000 }, (_, i) => f.append(`record ${i} ${"é".repeat(i % 500)}\n`));
    // some of it is still buffered: a read flushes what it needs
    const text = (i: number, forward: boolean) => f.read(spans[i] as (typeof spans)[number], forward).toString();
    expect(text(2999, false)).toBe(`record 2999 ${"é".repeat(2999 % 500)}\n`);
    for (let i = 0; i < 3000; i++) expect(text(i, true)).toBe(`record ${i} ${"é".repeat(i % 500)}\n`);
    // appends after a forward read are still found (the window never reaches past the written bytes)
    const late = f.append("late\n");
    expect(text(10, true)).toBe(`record 10 ${"é".repeat(10)}\n`);
    expect(f.read(late, true).toString()).toBe("late\n");
    expect(text(5, false)).toBe(`record 5 ${"é".repeat(5)}\n`);
    f.close();
  });

  it("stages strings and buffers as bytes, writes one too big to stage at once, and keeps their order", () => {
    const f = file();
    const big = `${"ü".repeat(600_000)}!`; // 1,200,001 bytes: over the 1 MB stage
    const parts = ["head\t", Buffer.from("büffer"), "x".repeat(1_048_570), big, "tail", Buffer.alloc(0)];
    const spans = parts.map((p) => f.append(p));
    expect(spans.map((s) => s.length)).toEqual([5, 7, 1_048_570, 1_200_001, 4, 0]);
    expect(spans.map((s) => s.offset)).toEqual([0, 5, 12, 1_048_582, 2_248_583, 2_248_587]);
    expect(f.size).toBe(2_248_587);
    const read = (i: number) => f.read(spans[i] as (typeof spans)[number]).toString();
    expect(read(3)).toBe(big);
    expect(read(1)).toBe("büffer");
    expect(read(4)).toBe("tail");
    expect(read(0)).toBe("head\t");
    // a staged string is copied: the bytes read are its bytes even after the stage is reused
    const again = f.append("again");
    expect(f.read(again).toString()).toBe("again");
    expect(read(2)).toBe("x".repeat(1_048_570));
    f.close();
  });

  it("reads a transient caller's windows into one buffer, and never over another caller's window", () => {
    const f = file();
    // records of 100 KB: a 1 MB window holds ten of them
    const spans = Array.from({ length: 30 }, (_, i) =>
      f.append(`${String(i).padStart(4, "0")}${"x".repeat(99_995)}\n`),
    );
    f.flush();
    const kept = f.read(spans[0] as (typeof spans)[number], true); // an ordinary forward window
    const buffers = new Set<ArrayBufferLike>();
    for (let i = 10; i < 30; i++) {
      const view = f.read(spans[i] as (typeof spans)[number], true, true);
      expect(view.toString("latin1", 0, 4)).toBe(String(i).padStart(4, "0"));
      expect(view.length).toBe(100_000);
      buffers.add(view.buffer);
    }
    // windows at records 10 and 20 (and the last one, shorter), all in the first transient buffer
    expect(buffers.size).toBe(1);
    expect(buffers.has(kept.buffer)).toBe(false);
    expect(kept.toString("latin1", 0, 4)).toBe("0000");
    f.close();
  });
});
