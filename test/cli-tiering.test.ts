import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { INTERRUPT_BUDGET, tuneTiering } from "../src/cli/tiering.js";

describe("tuneTiering", () => {
  it("sets V8's interrupt budget, by default to INTERRUPT_BUDGET", () => {
    const seen: string[] = [];
    tuneTiering(undefined, (f) => seen.push(f));
    tuneTiering(4096, (f) => seen.push(f));
    expect(seen).toEqual([`--interrupt-budget=${INTERRUPT_BUDGET}`, "--interrupt-budget=4096"]);
  });

  // the claim the CLI relies on: set after start-up, the flag still decides when a function is optimised
  const tiering = fileURLToPath(new URL("../dist/cli/tiering.js", import.meta.url));
  const optimisedAfterTuning = (budget: number): boolean => {
    const script = `
      const { tuneTiering } = await import(${JSON.stringify(tiering)});
      tuneTiering(${budget});
      function hot(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + i * 7) % 1009; return s; }
      let t = 0;
      for (let k = 0; k < 2000; k++) t += hot(200);
      console.log(t);`;
    const r = spawnSync(process.execPath, ["--trace-opt", "--input-type=module", "-e", script], { encoding: "utf8" });
    expect(r.status).toBe(0);
    return /completed (?:optimizing|compiling) .*<JSFunction hot /.test(r.stdout);
  };

  it("takes effect when set after start-up: a hot function is optimised under a small budget only", () => {
    expect(optimisedAfterTuning(67_584)).toBe(true);
    expect(optimisedAfterTuning(1_000_000_000)).toBe(false);
  });
});
