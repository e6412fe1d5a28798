import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { earlyPoolWorkers } from "../src/cli/early-pool.js";
import { autoWorkers } from "../src/engine/pool.js";

describe("earlyPoolWorkers", () => {
  let cwd: string;
  const auto = autoWorkers(1000);
  beforeAll(() => {
    cwd = mkdtempSync(join(tmpdir(), "copydesk-early-pool-"));
    for (const [dir, n] of [
      ["big", 1000],
      ["short", 999],
      ["site", 1200],
    ] as const) {
      mkdirSync(join(cwd, dir));
      const ext = dir === "site" ? "html" : "txt";
      for (let i = 0; i < n; i++) writeFileSync(join(cwd, dir, `d${i}.${ext}`), "");
    }
    // not drafts: a dot name and another extension
    writeFileSync(join(cwd, "short", ".hidden.txt"), "");
    writeFileSync(join(cwd, "short", "notes.pdf"), "");
  });
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it("names the workers of a run sure to need a pool: 1,000 drafts or more, none from a cache", () => {
    expect(earlyPoolWorkers(["check", "big", "--no-cache", "--format", "json"], cwd)).toBe(auto);
    expect(earlyPoolWorkers(["check", "--no-cache", "short"], cwd)).toBe(0);
    expect(earlyPoolWorkers(["check", "--no-cache", "short", "short/d1.txt"], cwd)).toBe(auto);
    expect(earlyPoolWorkers(["build", "--no-cache", "--out", "out", "big"], cwd)).toBe(auto);
    // no cache folder yet, and no config that could put it elsewhere: nothing cached
    expect(earlyPoolWorkers(["check", "big"], cwd)).toBe(auto);
    expect(earlyPoolWorkers(["inspect", "big"], cwd)).toBe(0);
  });

  it("follows --workers, and skips the values of options that take one", () => {
    expect(earlyPoolWorkers(["check", "--no-cache", "--workers", "1", "big"], cwd)).toBe(0);
    expect(earlyPoolWorkers(["check", "--no-cache", "--workers=3", "a.md", "b.md", "c.md"], cwd)).toBe(3);
    expect(earlyPoolWorkers(["check", "--no-cache", "--workers", "3", "a.md", "b.md"], cwd)).toBe(0);
    expect(earlyPoolWorkers(["check", "--no-cache", "--workers", "many", "big"], cwd)).toBe(0);
    // the pages of an earlier build are no drafts of this one
    expect(earlyPoolWorkers(["build", "--no-cache", "--out", "site", "short"], cwd)).toBe(0);
    expect(earlyPoolWorkers(["build", "--no-cache", "-o", "site", "short"], cwd)).toBe(0);
    expect(earlyPoolWorkers(["check", "-c", "big", "--no-cache", "short"], cwd)).toBe(0);
  });

  it("starts none where a cache may serve the drafts", () => {
    expect(earlyPoolWorkers(["check", "-c", "copydesk.config.json", "big"], cwd)).toBe(0);
    writeFileSync(join(cwd, "copydesk.config.json"), "{}");
    expect(earlyPoolWorkers(["check", "big"], cwd)).toBe(0);
    expect(earlyPoolWorkers(["build", "--out", "out", "big"], cwd)).toBe(auto); // a build's cache is always here
    mkdirSync(join(cwd, ".copydesk-cache"));
    expect(earlyPoolWorkers(["build", "--out", "out", "big"], cwd)).toBe(0);
    expect(earlyPoolWorkers(["check", "--no-cache", "big"], cwd)).toBe(auto);
    rmSync(join(cwd, "copydesk.config.json"));
    rmSync(join(cwd, ".copydesk-cache"), { recursive: true });
  });
});

describe("VALUED (the options early-pool.ts skips the value of)", () => {
  it("are exactly the options of `check` and `build` that take a value, short and long", async () => {
    const { Command } = await import("commander");
    const { registerCheck } = await import("../src/cli/commands/check.js");
    const { registerBuild } = await import("../src/cli/commands/build.js");
    const { VALUED } = await import("../src/cli/early-pool.js");
    const program = new Command();
    const io = { stdout: () => {}, stderr: () => {} } as never;
    registerCheck(program, io, () => {});
    registerBuild(program, io, () => {});
    const valued = new Set<string>();
    for (const command of program.commands)
      for (const option of command.options)
        if (option.required || option.optional)
          for (const flag of [option.short, option.long]) if (flag) valued.add(flag);
    // a new option with a value must be added to VALUED, or its value would be counted as an input
    expect([...VALUED].sort()).toEqual([...valued].sort());
  });
});
