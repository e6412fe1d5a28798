import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Diagnostic } from "../src/engine/types.js";
import { diskStageCache, refreshingCache, stageKey } from "../src/generate/cache.js";
import { costOf } from "../src/generate/config.js";
import { type Draft, faqJsonLd, renderDraft, slugify } from "../src/generate/draft.js";
import { parseKeywordList } from "../src/generate/keywords.js";
import { jsonSchemaOf } from "../src/generate/llm.js";
import { asQuestion, partOf } from "../src/generate/pipeline.js";
import { BriefSchema, MetaSchema } from "../src/generate/schemas.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe("keyword lists", () => {
  it("reads one keyword a line, skipping blanks, comments and duplicates", () => {
    expect(
      parseKeywordList("\uFEFFtrail running shoes\n\n# later\nsourdough starter\nTrail running shoes\r\n"),
    ).toEqual([{ keyword: "trail running shoes" }, { keyword: "sourdough starter" }]);
  });

  it("reads CSV with a keyword,audience,notes header and quoted fields", () => {
    const csv =
      'keyword,audience,notes\nbalcony tomatoes,"city gardeners, beginners","mention ""dwarf"" kinds"\ncompost bins,,\n';
    expect(parseKeywordList(csv)).toEqual([
      { keyword: "balcony tomatoes", audience: "city gardeners, beginners", notes: 'mention "dwarf" kinds' },
      { keyword: "compost bins" },
    ]);
  });

  it("takes a keyword line containing a comma as a keyword when there is no header", () => {
    expect(parseKeywordList("salt, pepper and herbs\n")).toEqual([{ keyword: "salt, pepper and herbs" }]);
  });
});

describe("draft rendering", () => {
  const draft: Draft = {
    keyword: "balcony tomatoes",
    lang: "en",
    health: false,
    h1: "Balcony tomatoes for small spaces",
    intro: { heading: "", paragraphs: ["Balcony tomatoes grow well in pots."], summary: "s" },
    sections: [{ heading: "Choosing pots", paragraphs: ["Pick a deep pot.", "Drain it well."], summary: "s" }],
    faq: [{ question: "How often should I water?", answer: "Water when the top soil is dry." }],
    meta: {
      seoTitle: "Balcony tomatoes: a small-space guide",
      metaDescription: "How to grow balcony tomatoes.",
      slug: "Balcony Tomatoes – Guide!",
      focusKeyphrase: "balcony tomatoes",
    },
    unfinished: true,
    model: "test-model",
  };

  it("writes Markdown with front matter, the draft flag and FAQPage markup built from the visible FAQ", () => {
    const { text, parts } = renderDraft(draft, "markdown");
    expect(text).toBe(
      [
        "---",
        'title: "Balcony tomatoes: a small-space guide"',
        "description: How to grow balcony tomatoes.",
        "slug: balcony-tomatoes-guide",
        "focusKeyword: balcony tomatoes",
        "lang: en",
        "draft: true",
        "generator: copydesk generate (test-model)",
        "jsonld:",
        '  "@context": https://schema.org',
        '  "@type": FAQPage',
        "  mainEntity:",
        '    - "@type": Question',
        "      name: How often should I water?",
        "      acceptedAnswer:",
        '        "@type": Answer',
        "        text: Water when the top soil is dry.",
        "---",
        "",
        "# Balcony tomatoes for small spaces",
        "",
        "Balcony tomatoes grow well in pots.",
        "",
        "## Choosing pots",
        "",
        "Pick a deep pot.",
        "",
        "Drain it well.",
        "",
        "## Frequently asked questions",
        "",
        "### How often should I water?",
        "",
        "Water when the top soil is dry.",
        "",
      ].join("\n"),
    );
    const section = parts.find((p) => p.ref.kind === "section")!;
    expect(text.slice(section.span.start, section.span.end)).toBe(
      "## Choosing pots\n\nPick a deep pot.\n\nDrain it well.\n\n",
    );
    const faq = parts.find((p) => p.ref.kind === "faq")!;
    expect(text.slice(faq.span.start, faq.span.end)).toBe(
      "### How often should I water?\n\nWater when the top soil is dry.\n",
    );
  });

  it("writes the bundle layout with a strict-JSON schema block", () => {
    const { text } = renderDraft(draft, "bundle");
    const block = text.slice(text.indexOf("===SCHEMA_JSON_START===\n") + 24, text.indexOf("===SCHEMA_JSON_END==="));
    expect(JSON.parse(block)).toEqual({
      meta_title: "Balcony tomatoes: a small-space guide",
      meta_description: "How to grow balcony tomatoes.",
      focus_keyword: "balcony tomatoes",
      slug: "balcony-tomatoes-guide",
      lang: "en",
      draft: true,
      faq_schema: faqJsonLd(draft),
    });
    expect(
      text.startsWith("# Balcony tomatoes for small spaces\n\nBalcony tomatoes grow well in pots.\n\n## Choosing pots"),
    ).toBe(true);
  });

  it("maps a diagnostic to the part it points into, and whole-article findings to the introduction", () => {
    const rendered = renderDraft(draft, "markdown");
    const at = (start: number, ruleId = "seo/x") => ({ ruleId, span: { start, end: start + 1 } }) as Diagnostic;
    expect(partOf(at(rendered.text.indexOf("Drain it well")), rendered)).toEqual({ kind: "section", index: 0 });
    expect(partOf(at(rendered.text.lastIndexOf("Water when")), rendered)).toEqual({ kind: "faq", index: 0 });
    expect(partOf(at(rendered.text.indexOf("slug:")), rendered)).toEqual({ kind: "meta" });
    expect(partOf(at(rendered.text.indexOf("# Balcony"), "seo/single-h1"), rendered)).toEqual({ kind: "meta" });
    // whole-article findings anchored on the H1 (text length, density) go to the introduction
    expect(partOf(at(rendered.text.indexOf("# Balcony"), "seo/text-length"), rendered)).toEqual({ kind: "intro" });
    expect(partOf({ span: { start: 0, end: 0 } } as Diagnostic, rendered)).toEqual({ kind: "intro" });
  });

  it("slugs and questions are normalised", () => {
    expect(slugify("  Crème Brûlée: 5 Tips!! ")).toBe("creme-brulee-5-tips");
    expect(slugify("???")).toBe("article");
    expect(asQuestion("Can I freeze it.")).toBe("Can I freeze it?");
    expect(asQuestion("Is it safe?")).toBe("Is it safe?");
  });
});

describe("stage cache", () => {
  it("stores each reply in its own file under its key and reads it back; refreshing skips reads", async () => {
    const dir = await mkdtemp(join(tmpdir(), "copydesk-cache-"));
    dirs.push(dir);
    const cache = diskStageCache(join(dir, "generate"));
    const key = stageKey({ baseUrl: "http://h/v1", model: "m", stage: "brief", messages: [1], schema: {} });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toBe(stageKey({ baseUrl: "http://h/v1", model: "m2", stage: "brief", messages: [1], schema: {} }));
    expect(await cache.get(key)).toBeUndefined();
    await cache.set(key, { a: 1 });
    expect(await cache.get(key)).toEqual({ a: 1 });
    expect(await readdir(join(dir, "generate"))).toEqual([`${key}.json`]);
    expect(JSON.parse(await readFile(join(dir, "generate", `${key}.json`), "utf8"))).toEqual({
      format: 1,
      key,
      value: { a: 1 },
    });
    const fresh = refreshingCache(cache);
    expect(await fresh.get(key)).toBeUndefined();
    await fresh.set(key, { a: 2 });
    expect(await cache.get(key)).toEqual({ a: 2 });
  });
});

it("costs tokens at the configured price per million", () => {
  expect(costOf({ m: { input: 2, output: 8 } }, "m", 1_000_000, 500_000)).toBe(6);
  expect(costOf({ m: { input: 2, output: 8 } }, "other", 10, 10)).toBeUndefined();
});

describe("stage schemas", () => {
  it("send additionalProperties: false yet drop an extra key a model adds", () => {
    const sent = jsonSchemaOf(MetaSchema);
    expect(sent).toEqual({
      type: "object",
      properties: {
        seoTitle: { type: "string", minLength: 1 },
        metaDescription: { type: "string", minLength: 1 },
        slug: { type: "string", minLength: 1 },
        focusKeyphrase: { type: "string", minLength: 1 },
      },
      required: ["seoTitle", "metaDescription", "slug", "focusKeyphrase"],
      additionalProperties: false,
    });
    const reply = { seoTitle: "a", metaDescription: "b", slug: "c", focusKeyphrase: "d", note: "extra" };
    expect(MetaSchema.parse(reply)).toEqual({ seoTitle: "a", metaDescription: "b", slug: "c", focusKeyphrase: "d" });
    expect(
      BriefSchema.safeParse({
        searchIntent: "informational (how-to)",
        audience: "a",
        angle: "b",
        questions: [],
        healthTopic: false,
      }).success,
    ).toBe(false);
  });
});
