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
});
