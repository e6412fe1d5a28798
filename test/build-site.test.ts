import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HtmlValidate } from "html-validate";
import { Parser } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { lintArticle } from "../src/engine/lint.js";
import { readArticle } from "../src/read/index.js";
import { buildSite } from "../src/write/site.js";
import { makeArticle, memoryIo } from "./build-helpers.js";
import { hasShared, SEED_PATH, sharedSkipReason } from "./helpers/shared.js";

const HOSTILE = new URL("./fixtures/hostile/script-injection.txt", import.meta.url).pathname;
const CONFIG = {
  site: {
    url: "https://health.example.org",
    name: "Example Health",
    language: "en",
    publisher: { name: "Example Health Ltd", url: "https://health.example.org/", logo: "/logo.png" },
  },
};

// long-title is an SEO judgement (copydesk's seo rules measure title width in pixels); the builder
// publishes the author's title as written, so that one rule is off here
const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "long-title": "off" } });

function graphOf(html: string): Array<Record<string, any>> {
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  expect(scripts).toHaveLength(1);
  return JSON.parse(scripts[0]![1]!)["@graph"];
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "copydesk-build-"));
  writeFileSync(join(dir, "copydesk.config.json"), JSON.stringify(CONFIG));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("copydesk build", () => {
  it("writes the pages, index, sitemap, robots, feed and theme", async () => {
    const out = join(dir, "site-a");
    const io = memoryIo(dir);
    const code = await main(["build", HOSTILE, "--out", out, "--allow-errors"], io);
    expect(io.err).not.toContain("internal error");
    expect(code).toBe(0);
    const files = readdirSync(out, { recursive: true }).map(String).sort();
    expect(files).toEqual([
      "caring-for-cast-iron-script-script-window-pwned-1-script-pans-title-img-src-x-on",
      "caring-for-cast-iron-script-script-window-pwned-1-script-pans-title-img-src-x-on/index.html",
      "feed.xml",
      "index.html",
      "robots.txt",
      "sitemap.xml",
      "theme.css",
    ]);
    expect(readFileSync(join(out, "robots.txt"), "utf8")).toBe(
      "User-agent: *\nAllow: /\n\nSitemap: https://health.example.org/sitemap.xml\n",
    );
    const sitemap = readFileSync(join(out, "sitemap.xml"), "utf8");
    expect(sitemap).toContain(
      "<url><loc>https://health.example.org/caring-for-cast-iron-script-script-window-pwned-1-script-pans-title-img-src-x-on/</loc><lastmod>2025-03-04T00:00:00.000Z</lastmod></url>",
    );
    const feed = readFileSync(join(out, "feed.xml"), "utf8");
    expect(feed).toContain("<entry>");
    expect(feed).not.toMatch(/<img|<script/);
    expect(readFileSync(join(out, "theme.css"), "utf8")).toContain("prefers-color-scheme: dark");
    expect(io.out).toBe(`built 1 page(s) into ${out}\n`);
  });

  it("holds back articles with errors unless --allow-errors, naming file:line:col, and exits 1", async () => {
    // a truncated JSON object at the top: the JSON-LD cannot be read strictly (an error)
    writeFileSync(
      join(dir, "broken.txt"),
      '{"@type": "Article", "headline": "Pruning Roses"\nPruning Roses\nCut above an outward bud.\n',
    );
    const io = memoryIo(dir);
    expect(await main(["build", "broken.txt", "--out", "site-b"], io)).toBe(1);
    expect(io.out).toBe(
      "built 0 page(s) into site-b; 1 held back (rerun with --allow-errors to publish them anyway)\n",
    );
    const lines = io.err.split("\n");
    expect(lines).toContain(lines.find((l) => /^broken\.txt: not published: \d+ error\(s\)$/.test(l)));
    expect(lines.some((l) => /^ {2}broken\.txt:1:1: error .*\(jsonld\/syntax\)$/.test(l))).toBe(true);
    expect(readdirSync(join(dir, "site-b")).sort()).toEqual([
      "feed.xml",
      "index.html",
      "robots.txt",
      "sitemap.xml",
      "theme.css",
    ]);

    const forced = memoryIo(dir);
    expect(await main(["build", "broken.txt", "--out", "site-c", "--allow-errors"], forced)).toBe(0);
    expect(forced.out).toBe("built 1 page(s) into site-c\n");
    expect(readdirSync(join(dir, "site-c"))).toContain("pruning-roses");
  });

  it("reports an unreadable draft on one line and still publishes the others (exit 1; 2 when none could be read)", async () => {
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "ok.txt"), "Sowing Carrots\nSow thinly in drills once the soil is warm.\n");
    const io = memoryIo(dir);
    expect(await main(["build", "empty.txt", "ok.txt", "--out", "site-d", "--allow-errors"], io)).toBe(1);
    expect(io.err.split("\n").filter((l) => l.startsWith("copydesk: "))).toEqual(["copydesk: empty.txt: empty file"]);
    expect(readdirSync(join(dir, "site-d"))).toContain("sowing-carrots");
    const none = memoryIo(dir);
    expect(await main(["build", "empty.txt", "--out", "site-e"], none)).toBe(2);
  });

  it("refuses a missing --out as a usage error", async () => {
    const io = memoryIo(dir);
    expect(await main(["build", HOSTILE], io)).toBe(2);
  });
});

describe("built pages", () => {
  it("are html-validate clean (article page and index)", async () => {
    const article = readArticle({ path: "hostile.txt", text: readFileSync(HOSTILE, "utf8") });
    const normal = makeArticle({
      title: "Mulching Fruit Trees",
      meta: { description: "Why and how to mulch fruit trees.", datePublished: "2025-06-01", author: "Ines Park" },
      body: [
        "Mulch keeps roots cool.",
        "## Materials",
        "- straw | wood chips | leaf mould",
        "### Depth",
        "Five centimetres.",
      ],
      faq: [["When should I mulch?", "In spring, after rain."]],
    });
    const site = await buildSite(
      [
        { article, diagnostics: [], health: false },
        { article: normal, diagnostics: [], health: true },
      ],
      { site: CONFIG.site, themeCss: "", now: new Date("2025-07-01T00:00:00Z") },
    );
    for (const [file, html] of site.files) {
      if (!file.endsWith(".html")) continue;
      const report = await validator.validateString(html, file);
      const messages = report.results.flatMap((r) =>
        r.messages.map((m) => `${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`),
      );
      expect(messages).toEqual([]);
    }
  });

  it("shows hostile draft text as text: no tag from the draft survives in the markup", async () => {
    const article = readArticle({ path: "hostile.txt", text: readFileSync(HOSTILE, "utf8") });
    const { files, pages } = await buildSite([{ article, diagnostics: [], health: false }], {
      site: CONFIG.site,
      themeCss: "",
      now: new Date(),
    });
    const html = files.get(pages[0]!.file)!;
    expect(html.match(/<script/g)).toHaveLength(1); // only the ld+json one
    expect(html).not.toMatch(/<img|<!--|<\/script><script>/);
    expect(html.match(/<\/title>/g)).toHaveLength(1);
    // parsed as a browser would: no element from the draft, no event-handler attribute anywhere
    const tags: string[] = [];
    const handlers: string[] = [];
    new Parser({
      onopentag(name, attrs) {
        tags.push(name);
        for (const a of Object.keys(attrs)) if (a.startsWith("on")) handlers.push(`${name}[${a}]`);
      },
    }).end(html);
    expect(handlers).toEqual([]);
    expect(tags.filter((t) => t === "script" || t === "img" || t === "title")).toEqual(["title", "script"]);
    expect(html).toContain("&lt;/script&gt;&lt;script&gt;");
    expect(html).toContain('content="How to clean, season and restore cast iron pans &quot; onmouseover=&quot;');
    expect(graphOf(html)).toEqual(pages[0]!.graph["@graph"]);
  });
});

const HOSTILE_DIR = new URL("./fixtures/hostile/", import.meta.url).pathname;

describe("every hostile fixture", () => {
  for (const name of readdirSync(HOSTILE_DIR).sort()) {
    it(`${name}: only copydesk's own elements, no handlers, no script URLs, parseable JSON-LD`, async () => {
      const path = join(HOSTILE_DIR, name);
      const article = readArticle({ path, text: readFileSync(path, "utf8") });
      const { files, pages } = await buildSite([{ article, diagnostics: [], health: false }], {
        site: CONFIG.site,
        themeCss: "",
        now: new Date(),
      });
      const html = files.get(pages[0]!.file)!;
      const problems: string[] = [];
      const tags = new Set<string>();
      new Parser({
        onopentag(tag, attrs) {
          tags.add(tag);
          for (const [a, v] of Object.entries(attrs)) {
            if (a.startsWith("on")) problems.push(`${tag}[${a}]`);
            if ((a === "href" || a === "src") && /^\s*(javascript|data|vbscript):/i.test(v))
              problems.push(`${tag}[${a}=${v}]`);
          }
        },
      }).end(html);
      expect(problems).toEqual([]);
      const allowed = new Set([
        "html",
        "head",
        "meta",
        "title",
        "link",
        "script",
        "body",
        "header",
        "a",
        "main",
        "article",
      ]);
      for (const t of ["h1", "h2", "h3", "div", "span", "time", "p", "ul", "ol", "li", "section", "details", "summary"])
        allowed.add(t);
      for (const t of ["footer", "blockquote", "figure", "img"]) allowed.add(t);
      const extra = [...tags].filter((t) => !allowed.has(t));
      expect(extra).toEqual([]);
      expect(html.match(/<script/g)).toHaveLength(1);
      expect(html).not.toMatch(/<img[^>]+src="(?!https?:|\/)/);
      expect(graphOf(html)).toEqual(pages[0]!.graph["@graph"]);
      expect(pages[0]!.slug).toMatch(/^[a-z0-9-]+$/);
    });
  }
});

describe("the project seed", () => {
  if (!hasShared) console.warn(sharedSkipReason("the seed build test"));
  it.skipIf(!hasShared)(
    "builds one Article, the visible FAQ, no empty datePublished and the configured publisher",
    async () => {
      const out = join(dir, "seed-site");
      const io = memoryIo(dir);
      const code = await main(["build", SEED_PATH, "--out", out, "--allow-errors"], io);
      expect(code).toBe(0);
      const page = readdirSync(out).find((f) => !f.includes("."))!;
      const html = readFileSync(join(out, page, "index.html"), "utf8");
      const graph = graphOf(html);
      const articles = graph.filter((n) => n["@type"] === "Article");
      expect(articles).toHaveLength(1);
      expect(JSON.stringify(graph).match(/"headline"/g)).toHaveLength(1);
      // the top Article's datePublished is "": not a fact; the meta block's Article gives 2026-01-01
      expect(articles[0]!.datePublished).toBe("2026-01-01");
      expect(JSON.stringify(graph)).not.toMatch(/"[A-Za-z]+":""/);
      const seed = readArticle({ path: SEED_PATH, text: readFileSync(SEED_PATH, "utf8") });
      const faq = graph.find((n) => n["@type"] === "FAQPage")!;
      expect(faq.mainEntity).toHaveLength(5);
      expect(faq.mainEntity.map((q: any) => [q.name, q.acceptedAnswer.text])).toEqual(
        seed.faq.map((f) => [f.question.text, f.answer.text]),
      );
      expect(faq.mainEntity[3].acceptedAnswer.text).toContain("This “guarding” mechanism");
      const org = graph.find((n) => n["@type"] === "Organization" && n["@id"].endsWith("/#organization"))!;
      expect(org.name).toBe("Example Health Ltd");
      expect(articles[0]!.publisher).toEqual({ "@id": "https://health.example.org/#organization" });
      // the page is valid and check-clean of errors the builder could have caused
      const report = await validator.validateString(html);
      expect(report.results.flatMap((r) => r.messages.map((m) => m.message))).toEqual([]);
    },
  );

  it.skipIf(!hasShared)("reports a missing datePublished instead of inventing one", async () => {
    const text = readFileSync(SEED_PATH, "utf8").replace("“datePublished”: “2026-01-01”,", "");
    const article = readArticle({ path: "seed-no-date.txt", text });
    const { pages } = await buildSite(
      [
        {
          article,
          diagnostics: lintArticle(article, { rules: [], settings: { now: new Date(), health: "auto" } }).diagnostics,
          health: true,
        },
      ],
      {
        site: CONFIG.site,
        themeCss: "",
        now: new Date(),
      },
    );
    const graph = pages[0]!.graph["@graph"] as unknown as Array<Record<string, any>>;
    expect(graph.find((n) => n["@type"] === "Article")).not.toHaveProperty("datePublished");
    expect(pages[0]!.notes.map((n) => n.id)).toContain("build/missing-date-published");
  });
});
