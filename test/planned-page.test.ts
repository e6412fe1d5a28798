import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configFor } from "../src/engine/batch.js";
import { pagePlanner, positionsIn } from "../src/engine/planned-page.js";
import type { Diagnostic } from "../src/engine/types.js";
import { LineIndex } from "../src/model/span.js";
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

  it("stages the page's HTML itself with stageIn, and sends back where it is instead of its bytes", async () => {
    const config = await configFor({ cwd: mkdtempSync(join(tmpdir(), "copydesk-plan-")), now: "2026-11-24T00:00:00Z" });
    const article = readArticle({ path: "basil.md", text: GARDEN });
    const stageIn = mkdtempSync(join(tmpdir(), "copydesk-stage-"));
    const staged = pagePlanner(config, { articleType: "Article", stageIn })(article, []);
    const inMemory = pagePlanner(config, { articleType: "Article" })(article, []);
    expect(staged.html).toBeUndefined();
    expect(staged.staged?.startsWith(stageIn)).toBe(true);
    expect(readFileSync(staged.staged as string)).toEqual(Buffer.from(inMemory.html as Uint8Array));
    expect(staged.page).toEqual(inMemory.page);
    // a page its own errors hold back is not rendered, so nothing is staged
    const error: Diagnostic = {
      ruleId: "x",
      messageId: "x",
      severity: "error",
      message: "m",
      url: "",
      span: { start: 0, end: 1 },
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 2,
    };
    const held = pagePlanner(config, { articleType: "Article", stageIn })(article, [error]);
    expect([held.staged, held.html]).toEqual([undefined, undefined]);
    expect(readdirSync(stageIn, { recursive: true })).toHaveLength(2);
  });
});

describe("positionsIn", () => {
  it("gives each span's start as 1-based line and UTF-16 column pairs, with LF, CRLF and CR breaks", () => {
    const text = "ab\ncd\r\nef\rg\u00fch";
    const at = (start: number) => ({ span: { start, end: start + 1 } });
    // a, b, c (after LF), e (after CRLF), the \r itself, g (after CR), h (after a non-ASCII letter)
    expect(positionsIn(text, [at(0), at(1), at(3), at(7), at(9), at(10), at(12)])).toEqual([
      1, 1, 1, 2, 2, 1, 3, 1, 3, 3, 4, 1, 4, 3,
    ]);
    expect(positionsIn(text, [])).toEqual([]);
  });

  it("places a planned page's notes where the draft's text puts them", async () => {
    const config = await configFor({ cwd: mkdtempSync(join(tmpdir(), "copydesk-plan-")), now: "2026-11-24T00:00:00Z" });
    const plan = pagePlanner(config, { articleType: "Article" });
    const text = `\n\n${GARDEN}`;
    const planned = plan(readArticle({ path: "basil.md", text }), []);
    // no site URL or publisher in this config: the page has notes to print
    expect(planned.page.notes.length).toBeGreaterThan(0);
    const lines = new LineIndex(text);
    expect(planned.notesAt).toEqual(
      planned.page.notes.flatMap((n) => {
        const p = lines.position(n.span.start);
        return [p.line, p.column];
      }),
    );
    expect(planned.notesAt.some((v, k) => k % 2 === 0 && v > 1)).toBe(true);
  });
});
