import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { VERSION } from "../src/version.js";
import { memoryIo } from "./build-helpers.js";

describe("cli", () => {
  it("keeps VERSION in step with package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  it("prints its version and exits 0", async () => {
    const io = memoryIo();
    expect(await main(["--version"], io)).toBe(0);
    expect(io.out.trim()).toBe(VERSION);
  });

  it("answers an unknown command with a usage error and exit code 2", async () => {
    const io = memoryIo();
    expect(await main(["frobnicate"], io)).toBe(2);
    expect(io.err).toContain("unknown command 'frobnicate'");
  });

  it("runs as the built bin", () => {
    const out = execFileSync(process.execPath, ["bin/copydesk.js", "--version"], { encoding: "utf8" });
    expect(out.trim()).toBe(VERSION);
  });
});
