import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: plain ESM script without types
import { generateCorpus } from "../bench/corpus/generate.mjs";
import { onStdoutError } from "../src/cli/io.js";

const dir = mkdtempSync(join(tmpdir(), "copydesk-epipe-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("stdout closed by the reader", () => {
  it("stops writing on EPIPE without a failure line", () => {
    const calls: string[] = [];
    const epipe = Object.assign(new Error("write EPIPE"), { code: "EPIPE" });
    onStdoutError(
      epipe,
      () => calls.push("stop"),
      (line) => calls.push(line),
    );
    expect(calls).toEqual(["stop"]);
  });

  it("reports any other stdout failure on one line", () => {
    const calls: string[] = [];
    const eio = Object.assign(new Error("i/o error"), { code: "EIO" });
    onStdoutError(
      eio,
      () => calls.push("stop"),
      (line) => calls.push(line),
    );
    expect(calls).toEqual(["stop", "copydesk: cannot write to stdout: i/o error\n"]);
  });

  it("`copydesk check … | head` ends with the run's exit code and nothing on stderr", async () => {
    // a report of several hundred KB: far more than a pipe holds, so writes go on after the reader has gone
    generateCorpus({ n: 40, seed: 3, out: join(dir, "drafts") });
    const child = spawn(
      process.execPath,
      ["bin/copydesk.js", "check", join(dir, "drafts"), "--no-cache", "--format", "json"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let err = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      err += d;
    });
    let first = "";
    child.stdout.setEncoding("utf8").once("data", (d: string) => {
      first = d;
      child.stdout.destroy(); // what `head` does once it has its lines
    });
    const code = await new Promise<number | null>((done) => child.on("close", (c) => done(c)));
    expect(first.startsWith("[")).toBe(true);
    expect(err).toBe("");
    expect(code).toBe(1);
  }, 30_000);
});
