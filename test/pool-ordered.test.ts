import { describe, expect, it } from "vitest";
import { runOrdered } from "../src/engine/pool.js";

const workerFile = new URL("./fixtures/pool/square.mjs", import.meta.url);

describe("runOrdered", () => {
  it("returns results in input order from two worker threads, identical to one in-process run", async () => {
    const tasks = Array.from({ length: 200 }, (_, i) => i);
    const pooled: Array<{ n: number; square: number; thread: number }> = [];
    const order: number[] = [];
    await runOrdered(tasks, {
      workers: 2,
      workerFile,
      inProcess: () => {
        throw new Error("not used");
      },
      onResult: (r, i) => {
        pooled.push(r);
        order.push(i);
      },
      windowPerWorker: 4,
    });
    expect(order).toEqual(tasks);
    expect(pooled.map((r) => r.square)).toEqual(tasks.map((n) => n * n));
    expect(new Set(pooled.map((r) => r.thread)).size).toBe(2);

    const single: number[] = [];
    await runOrdered(tasks, { workers: 1, workerFile, inProcess: (n) => n * n, onResult: (r) => single.push(r) });
    expect(single).toEqual(pooled.map((r) => r.square));
  });

  it("rejects when a task throws, and does not hang", async () => {
    const bad = new URL("./fixtures/pool/fail-on-three.mjs", import.meta.url);
    await expect(
      runOrdered([1, 2, 3, 4, 5], { workers: 2, workerFile: bad, inProcess: (n) => n, onResult: () => {} }),
    ).rejects.toThrow("boom 3");
  });
});
