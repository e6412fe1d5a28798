import { describe, expect, it } from "vitest";
import * as copydesk from "../src/index.js";

describe("public API", () => {
  it("reads, checks and renders a draft with the exported functions", () => {
    const text = "---\ntitle: Pruning Tomato Plants\nkeyword: pruning tomatoes\n---\n\nPrune the lower leaves first.\n";
    const [result] = copydesk.checkTexts([{ path: "t.md", text }], {
      rules: copydesk.allRules.map((rule) => ({ rule, severity: rule.meta.severity, options: {} })),
      settings: { now: new Date("2026-11-24T00:00:00Z"), health: "off" },
    });
    expect(result?.path).toBe("t.md");
    expect(result?.fatal).toBeUndefined();
    expect(result?.diagnostics.some((d) => d.ruleId === "seo/text-length")).toBe(true);
    const article = copydesk.readArticle({ path: "t.md", text });
    expect(article.title?.text).toBe("Pruning Tomato Plants");
    expect(copydesk.writeMarkdown(article)).toContain("Prune the lower leaves first.");
  });
});
