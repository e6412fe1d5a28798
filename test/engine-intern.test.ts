import { describe, expect, it } from "vitest";
import { StringPool } from "../src/engine/intern.js";
import type { Diagnostic } from "../src/engine/types.js";

const diag = (ruleId: string, message: string): Diagnostic => ({
  ruleId,
  severity: "warn",
  messageId: "m",
  message,
  url: `https://example.test/${ruleId}`,
  span: { start: 0, end: 1 },
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
});

describe("StringPool", () => {
  it("returns the first copy it saw of an equal string", () => {
    const pool = new StringPool();
    const first = ["seo", "title"].join("/");
    expect(pool.get(first)).toBe(first);
    expect(pool.get(["seo", "title"].join("/"))).toBe("seo/title");
    expect(pool.get("other")).toBe("other");
  });

  it("shares the repeating fields of diagnostics without changing any value", () => {
    const pool = new StringPool();
    const ds = [diag("seo/title", "one"), diag("seo/title", "two"), diag("draft/year-filler", "three")];
    const before = structuredClone(ds);
    pool.share(ds);
    expect(ds).toEqual(before);
  });
});
