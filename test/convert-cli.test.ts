import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { memoryIo } from "./build-helpers.js";

const DRAFT = `Repotting a Fiddle-Leaf Fig
Repot in spring, one pot size up, into free-draining compost.
Choosing the Pot
A pot five centimetres wider than the root ball is enough; bigger pots stay wet for too long.
Frequently Asked Questions
When should I repot?
When roots circle the bottom of the pot or grow out of the drainage holes.
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "copydesk-convert-"));
  writeFileSync(join(dir, "fig.txt"), DRAFT);
  writeFileSync(
    join(dir, "copydesk.config.json"),
    JSON.stringify({
      site: { url: "https://plants.example.org", name: "Plant Notes", publisher: { name: "Plant Notes" } },
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("copydesk convert", () => {
  it("--to json prints exactly what inspect --format json prints", async () => {
    const a = memoryIo(dir);
    const b = memoryIo(dir);
    expect(await main(["convert", "fig.txt", "--to", "json"], a)).toBe(0);
    expect(await main(["inspect", "fig.txt", "--format", "json"], b)).toBe(0);
    expect(a.out).toBe(b.out);
    const model = JSON.parse(a.out);
    expect(model.title).toBe("Repotting a Fiddle-Leaf Fig");
    expect(model.faq).toEqual([
      {
        question: "When should I repot?",
        answer: "When roots circle the bottom of the pot or grow out of the drainage holes.",
      },
    ]);
  });

  it("--to html writes the page build would publish, with the configured site, atomically to --out", async () => {
    const io = memoryIo(dir);
    expect(await main(["convert", "fig.txt", "--to", "html", "--out", "fig.html"], io)).toBe(0);
    expect(io.err).toBe("wrote fig.html\n");
    const html = readFileSync(join(dir, "fig.html"), "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain("<h1>Repotting a Fiddle-Leaf Fig</h1>");
    expect(html).toContain('<link rel="canonical" href="https://plants.example.org/repotting-a-fiddle-leaf-fig/">');
    expect(html).toContain('<link rel="stylesheet" href="./theme.css">');
    expect(html).toContain("<summary>When should I repot?</summary>");
  });

  it("--to markdown writes canonical Markdown with front matter that reads back to the same article", async () => {
    const io = memoryIo(dir);
    expect(await main(["convert", "fig.txt", "--to", "markdown"], io)).toBe(0);
    expect(io.out).toMatch(/^---\n[\s\S]*title: Repotting a Fiddle-Leaf Fig\n[\s\S]*---\n/);
    writeFileSync(join(dir, "fig.md"), io.out);
    const a = memoryIo(dir);
    const b = memoryIo(dir);
    await main(["convert", "fig.md", "--to", "json"], a);
    await main(["convert", "fig.txt", "--to", "json"], b);
    const strip = (json: string) => {
      const { title, sections, faq } = JSON.parse(json);
      return { title, sections, faq };
    };
    expect(strip(a.out)).toEqual(strip(b.out));
  });

  it("rejects an unknown target as a usage error", async () => {
    const io = memoryIo(dir);
    expect(await main(["convert", "fig.txt", "--to", "pdf"], io)).toBe(2);
    expect(io.err).toContain("--to");
  });
});
