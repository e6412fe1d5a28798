import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadRunConfig } from "../src/cli/commands/build.js";
import { lintArticle } from "../src/engine/lint.js";
import type { Article } from "../src/model/article.js";
import { readArticle } from "../src/read/index.js";
import { buildSite } from "../src/write/site.js";
import { makeArticle, memoryIo } from "./build-helpers.js";

const root = new URL("../", import.meta.url).pathname;
const SITE = { url: "https://round.example.org", name: "Round Trip", publisher: { name: "Round Trip Press" } };

/** What a reader of the page sees: title, body blocks in order, FAQ (no spans: the source differs). */
function visible(a: Article) {
  return {
    title: a.title?.text,
    description: a.meta.description?.text,
    blocks: a.blocks.map((b) =>
      b.kind === "heading"
        ? { h: b.level, text: b.content.text }
        : b.kind === "list"
          ? { list: b.items.map((i) => i.text) }
          : b.kind === "image"
            ? { img: b.image.src }
            : { text: b.content.text },
    ),
    faq: a.faq.map((f) => [f.question.text, f.answer.text]),
  };
}

async function built(article: Article): Promise<string> {
  const site = await buildSite([{ article, diagnostics: [], health: false }], {
    site: SITE,
    themeCss: "",
    now: new Date(),
  });
  return site.files.get(site.pages[0]!.file)!;
}

describe("reading a built page back with the HTML reader", () => {
  it("gives the same article: title, headings, paragraphs, lists, FAQ", async () => {
    const article = makeArticle({
      title: "Winter Care for Potted Olives",
      meta: { description: "Keep a potted olive alive through frost." },
      body: [
        "Olives in pots feel frost sooner than trees in the ground.",
        "## Where to Keep Them",
        "A bright, unheated porch is ideal; a warm living room is too dark.",
        "### On a Balcony",
        "Wrap the pot, not the crown, and raise it off cold stone.",
        "- fleece | bubble wrap | pot feet",
        "## Watering",
        "Water sparingly: wet roots and cold nights are the real danger.",
      ],
      faq: [
        ["Should I prune in winter?", "No; wait until spring growth starts."],
        [
          "Can an olive stay outside at “minus five”?",
          "For a night or two, if the roots stay dry & the pot is wrapped.",
        ],
      ],
    });
    const html = await built(article);
    const back = readArticle({ path: "page.html", text: html });
    expect(back.format).toBe("html");
    expect(visible(back)).toEqual(visible(article));
  });

  it("keeps hostile text as the same text", async () => {
    const path = `${root}test/fixtures/hostile/script-injection.txt`;
    const article = readArticle({ path, text: readFileSync(path, "utf8") });
    const back = readArticle({ path: "page.html", text: await built(article) });
    expect(visible(back).faq).toEqual(visible(article).faq);
    expect(back.title?.text).toBe(article.title?.text);
    expect(back.meta.title?.text).toBe(article.meta.title?.text);
  });
});

describe("copydesk check on built pages", () => {
  it("reports no errors with every registered rule (recommended config)", async () => {
    const run = await loadRunConfig(memoryIo(root));
    expect(run.rules.length).toBeGreaterThan(10); // the registry is really in play
    const article = makeArticle({
      title: "Winter Care for Potted Olives",
      meta: {
        title: "Winter Care for Potted Olives: Frost, Water, Shelter",
        description:
          "How to keep a potted olive tree alive through winter: where to shelter it, how much to water, and how to protect the pot from frost.",
        datePublished: "2025-01-10",
        author: "Ines Park",
      },
      body: [
        "Olive trees in pots feel frost sooner than trees planted in the ground, because cold reaches the roots from every side.",
        "## Where to Keep Them",
        "A bright, unheated porch is ideal for a potted olive tree. A warm living room is usually too dark for it.",
      ],
      faq: [["Should I prune a potted olive in winter?", "No. Wait until spring growth starts, then shape it."]],
    });
    const html = await built(article);
    const page = readArticle({ path: "page.html", text: html });
    const errors = lintArticle(page, { rules: run.rules, settings: run.settings }).diagnostics.filter(
      (d) => d.severity === "error",
    );
    expect(errors.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
  });
});
