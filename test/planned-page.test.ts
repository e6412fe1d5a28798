import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configFor } from "../src/engine/batch.js";
import { pagePlanner } from "../src/engine/planned-page.js";
import { readArticle } from "../src/read/index.js";

const GARDEN = "# Growing basil\n\nBasil grows best in the sun with water at the roots and a little shade at noon.\n";

describe("pagePlanner", () => {
  it("takes the lint run's health detection when given one, and detects it itself otherwise", async () => {
    const config = await configFor({ cwd: mkdtempSync(join(tmpdir(), "copydesk-plan-")), now: "2026-11-24T00:00:00Z" });
    const plan = pagePlanner(config, { articleType: "Article" });
    const article = readArticle({ path: "basil.md", text: GARDEN });
    const own = plan(article, []);
    const told = plan(article, [], () => true);
    expect([own.page.facts.health, told.page.facts.health]).toEqual([false, true]);
    expect(Buffer.from(own.html as Uint8Array).toString()).toContain('"@type":"WebPage"');
    expect(Buffer.from(told.html as Uint8Array).toString()).toContain('"@type":"MedicalWebPage"');
  });
});
