import { describe, expect, it } from "vitest";
import { hasEarlyPool, poolShare, runOrdered, startPoolEarly } from "../src/engine/pool.js";

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

  it("shares the tasks between one pool thread and this one, in input order, when this thread works too", async () => {
    const { threadId } = await import("node:worker_threads");
    const tasks = Array.from({ length: 300 }, (_, i) => i);
    const results: Array<{ n: number; square: number; thread: number }> = [];
    const order: number[] = [];
    await runOrdered(tasks, {
      workers: 2,
      workerFile,
      mainThreadWorks: true,
      // slower than the pool's tasks at first, so both threads take a share and results arrive out of order
      inProcess: async (n) => {
        await new Promise((r) => setTimeout(r, n % 3));
        return { n, square: n * n, thread: threadId };
      },
      onResult: (r, i) => {
        results.push(r);
        order.push(i);
      },
      windowPerWorker: 4,
    });
    expect(order).toEqual(tasks);
    expect(results.map((r) => r.n)).toEqual(tasks);
    expect(results.map((r) => r.square)).toEqual(tasks.map((n) => n * n));
    const threads = new Set(results.map((r) => r.thread));
    expect(threads.size).toBe(2); // one pool thread, and this one
    expect(threads.has(threadId)).toBe(true);
  });

  it("rejects when a task throws, and does not hang", async () => {
    const bad = new URL("./fixtures/pool/fail-on-three.mjs", import.meta.url);
    await expect(
      runOrdered([1, 2, 3, 4, 5], { workers: 2, workerFile: bad, inProcess: (n) => n, onResult: () => {} }),
    ).rejects.toThrow("boom 3");
    // the same when this thread works too, whichever thread the failing task lands on
    const inProcess = (n: number) => {
      if (n === 3) throw new Error("boom 3");
      return n;
    };
    await expect(
      runOrdered([1, 2, 3, 4, 5, 6, 7, 8], {
        workers: 2,
        workerFile: bad,
        inProcess,
        onResult: () => {},
        mainThreadWorks: true,
      }),
    ).rejects.toThrow("boom 3");
  });
});

describe("startPoolEarly", () => {
  type Square = { n: number; square: number; thread: number };
  /** a thread made now: Node numbers threads in the order they are made */
  const threadMadeNow = async () => {
    const { Worker } = await import("node:worker_threads");
    const marker = new Worker("", { eval: true });
    const id = marker.threadId; // (-1 once it has exited)
    await new Promise((r) => marker.once("exit", r));
    return id;
  };
  const run = (workers: number) => {
    const results: Square[] = [];
    const inProcess = (n: number) => ({ n, square: n * n, thread: 0 });
    return runOrdered(
      Array.from({ length: 40 }, (_, i) => i),
      {
        workers,
        workerFile,
        inProcess,
        mainThreadWorks: true,
        onResult: (r: Square) => results.push(r),
      },
    ).then(() => results);
  };

  it("starts the pool its run then takes, made before the run began", async () => {
    startPoolEarly(workerFile, 2);
    expect(hasEarlyPool()).toBe(true);
    const marker = await threadMadeNow();
    const results = await run(2);
    expect(hasEarlyPool()).toBe(false);
    expect(results.map((r) => r.square)).toEqual(results.map((r) => r.n * r.n));
    const pooled = new Set(results.filter((r) => r.thread !== 0).map((r) => r.thread));
    expect(pooled.size).toBe(1);
    expect([...pooled][0]).toBeLessThan(marker);
  });

  it("ends the pool when the run needs none, or another", async () => {
    startPoolEarly(workerFile, 2);
    expect((await run(1)).every((r) => r.thread === 0)).toBe(true);
    expect(hasEarlyPool()).toBe(false);

    startPoolEarly(workerFile, 3); // two threads beside this one; the run wants one
    const marker = await threadMadeNow();
    const results = await run(2);
    expect(hasEarlyPool()).toBe(false);
    const pooled = new Set(results.filter((r) => r.thread !== 0).map((r) => r.thread));
    expect(pooled.size).toBe(1);
    expect([...pooled][0]).toBeGreaterThan(marker);
    expect(results.map((r) => r.n)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });
});

describe("poolShare", () => {
  it("keeps the pool threads' queue full until the end is near, then shrinks it to their share of what is left", () => {
    // one pool thread beside this one: up to the cap, then half of what is left
    expect(poolShare(Number.POSITIVE_INFINITY, 1, 2, 8)).toBe(8);
    expect(poolShare(2500, 1, 2, 8)).toBe(8);
    expect(poolShare(17, 1, 2, 8)).toBe(8);
    expect(poolShare(15, 1, 2, 8)).toBe(7);
    expect(poolShare(3, 1, 2, 8)).toBe(1);
    // the last task: this thread takes it rather than wait for a pool thread
    expect(poolShare(1, 1, 2, 8)).toBe(0);
    // three pool threads beside this one hold three quarters
    expect(poolShare(20, 3, 4, 24)).toBe(15);
  });
});
