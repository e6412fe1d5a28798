import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../src/cli/main.js";
import type { Diagnostic } from "../src/engine/types.js";
import { englishLongDate, renderDate } from "../src/write/page.js";
import * as site from "../src/write/site.js";
import { makeArticle, memoryIo } from "./build-helpers.js";

// count the pages `build` renders to HTML, with the real renderer underneath
vi.mock("../src/write/site.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/write/site.js")>();
  return { ...real, plannedHtml: vi.fn(real.plannedHtml), buildPage: vi.fn(real.buildPage) };
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "copydesk-build-lazy-"));
  // duplicate titles are an error here, so the corpus rule (which runs after every draft was checked)
  // holds pages back that their own check let through
  writeFileSync(
    join(dir, "copydesk.config.json"),
    JSON.stringify({ site: { url: "https://lazy.example.org" }, rules: { "seo/duplicate-title": "error" } }),
  );
  const body = "Cut above an outward bud with clean shears, and water the roots well afterwards.\n";
  writeFileSync(join(dir, "a-broken.txt"), `{"@type": "Article", "headline": "Pruning Roses"\nPruning Roses\n${body}`);
  writeFileSync(join(dir, "b-good.txt"), `Watering Ferns\n${body}`);
  writeFileSync(join(dir, "c-twin.txt"), `Feeding Tomatoes\n${body}`);
  writeFileSync(join(dir, "d-twin.txt"), `Feeding Tomatoes\n${body}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("build renders only the pages it may publish", () => {
  it("skips the HTML of a draft its own errors hold back, renders the rest, and holds corpus-rule errors too", async () => {
    const io = memoryIo(dir);
    expect(await main(["build", ".", "--out", "site", "--no-cache"], io)).toBe(1);
    expect(io.out).toBe("built 1 page(s) into site; 3 held back (rerun with --allow-errors to publish them anyway)\n");
    expect(io.err.split("\n").filter((l) => l.includes("not published"))).toEqual([
      "a-broken.txt: not published: 2 error(s)",
      "c-twin.txt: not published: 1 error(s)",
      "d-twin.txt: not published: 1 error(s)",
    ]);
    // b and the twins were rendered while checked (the twins are held only once the corpus rules ran); a never was
    expect(vi.mocked(site.plannedHtml).mock.calls.map(([article]) => article.source.path)).toEqual([
      "b-good.txt",
      "c-twin.txt",
      "d-twin.txt",
    ]);
    // d asked for c's slug, so it is rendered again under its own
    expect(vi.mocked(site.buildPage).mock.calls.map(([input, slug]) => [input.article.source.path, slug])).toEqual([
      ["d-twin.txt", "feeding-tomatoes-2"],
    ]);
    expect(readdirSync(join(dir, "site")).sort()).toEqual([
      "feed.xml",
      "index.html",
      "robots.txt",
      "sitemap.xml",
      "theme.css",
      "watering-ferns",
    ]);
  });
});

describe("build messages", () => {
  it("name line and column as in the whole draft (CRLF line ends, an error below the first line)", async () => {
    const sub = join(dir, "messages");
    mkdirSync(sub);
    writeFileSync(
      join(sub, "crlf.md"),
      'Pruning Roses\r\nCut above an outward bud.\r\n\r\n```json\r\n{"@type": "Article", "headline": "Pruning Roses"\r\n```\r\nWater well.\r\n',
    );
    const held = memoryIo(sub);
    expect(await main(["build", "crlf.md", "--out", "site-held", "--no-cache"], held)).toBe(1);
    expect(held.err.split("\n").map((l) => l.replace(/ error .*\(/, " error ("))).toEqual([
      "crlf.md: not published: 2 error(s)",
      "  crlf.md:5:1: error (jsonld/missing-context)",
      "  crlf.md:5:1: error (jsonld/syntax)",
      "",
    ]);
  });
});

describe("planPage and plannedHtml", () => {
  const options = { site: { url: "https://lazy.example.org", name: "Lazy" } };
  const articles = [
    makeArticle({ title: "Repotting Orchids", meta: { description: "When and how." }, body: ["Use bark."] }),
    makeArticle({ body: ["No title at all."], faq: [["Why?", "Because."]] }),
  ];

  it("give the page, notes and HTML renderArticlePage gives", () => {
    for (const article of articles)
      for (const health of [false, true]) {
        const page = site.planPage(article, health, "slug", options);
        const { page: full, html } = site.renderArticlePage(article, health, "slug", options);
        const { graph: _graph, ...withoutGraph } = full;
        expect(page).toEqual(withoutGraph);
        expect(site.plannedHtml(article, page, options)).toBe(html);
      }
  });

  it("isHeld: any error diagnostic or error note holds a page back, unless errors are allowed", () => {
    const clean = site.planPage(articles[0]!, false, "a", options);
    const untitled = site.planPage(articles[1]!, false, "b", options);
    expect(untitled.notes.filter((n) => n.severity === "error").map((n) => n.id)).toEqual(["build/missing-title"]);
    const error = { severity: "error" } as Diagnostic;
    const warning = { severity: "warn" } as Diagnostic;
    expect(site.isHeld(clean, [warning], false)).toBe(false);
    expect(site.isHeld(clean, [warning, error], false)).toBe(true);
    expect(site.isHeld(clean, [error], true)).toBe(false);
    expect(site.isHeld(untitled, [], false)).toBe(true);
    expect(site.isHeld(untitled, [], true)).toBe(false);
  });
});

describe("the sitemap and feed libraries", () => {
  it("are not loaded by the rule engine (a rule imports slugify from write/site), only when a site is written", () => {
    // the built package, in a fresh process: xml-js (the feed's) and sax (the sitemap's) are CommonJS, so
    // require.cache shows whether they were loaded
    const script = `
      import { createRequire } from "node:module";
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).filter((k) => /[\\\\/](sax|xml-js)[\\\\/]/.test(k)).length > 0;
      await import(${JSON.stringify(new URL("../dist/engine/batch.js", import.meta.url).href)});
      const before = loaded();
      const { siteFiles } = await import(${JSON.stringify(new URL("../dist/write/site.js", import.meta.url).href)});
      await siteFiles([], { site: {}, themeCss: "", now: new Date(0) });
      console.log(JSON.stringify([before, loaded()]));
    `;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual([false, true]);
  });

  it("load sitemap's stream module, not its whole index (parsers, xmllint, gzip)", () => {
    const hooks = `export async function load(url, context, next) {
      if (url.includes("/sitemap/")) console.log(url.replace(/.*\\/sitemap\\//, ""));
      return next(url, context);
    }`;
    const script = `
      import { register } from "node:module";
      register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});
      const { siteFiles } = await import(${JSON.stringify(new URL("../dist/write/site.js", import.meta.url).href)});
      await siteFiles([], { site: {}, themeCss: "", now: new Date(0) });
    `;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    const loaded = r.stdout.trim().split("\n");
    expect(loaded[0]).toBe("dist/esm/lib/sitemap-stream.js");
    expect(loaded).not.toContain("dist/esm/index.js");
  });
});

describe("englishLongDate", () => {
  it("writes what Intl writes for en and en-US, every day from 1600 to 2200 and the first of each month to 9999", () => {
    const intl = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });
    const intlUs = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });
    const day = 86_400_000;
    const times: number[] = [];
    for (let t = Date.UTC(1600, 0, 1); t < Date.UTC(2201, 0, 1); t += day) times.push(t + 13 * 3_600_000);
    for (let year = 2201; year <= 9999; year++) for (let m = 0; m < 12; m++) times.push(Date.UTC(year, m, 1));
    times.push(Date.UTC(9999, 11, 31, 23, 59, 59, 999));
    for (const t of times) {
      if (englishLongDate(t, "en") !== intl.format(t)) throw new Error(`en differs at ${new Date(t).toISOString()}`);
      if (englishLongDate(t, "en-US") !== intlUs.format(t))
        throw new Error(`en-US differs at ${new Date(t).toISOString()}`);
    }
    expect(englishLongDate(Date.UTC(2026, 0, 5), "en")).toBe("January 5, 2026");
  });

  it("leaves other languages and years to Intl", () => {
    expect(englishLongDate(Date.UTC(2026, 0, 5), "en-GB")).toBeUndefined();
    expect(englishLongDate(Date.UTC(2026, 0, 5), "de")).toBeUndefined();
    expect(englishLongDate(Date.UTC(1599, 11, 31), "en")).toBeUndefined();
    expect(renderDate("2026-01-05", "en-GB")).toBe('<time datetime="2026-01-05">5 January 2026</time>');
    expect(renderDate("1500-03-01", undefined)).toBe('<time datetime="1500-03-01">March 1, 1500</time>');
    expect(renderDate("2026-01-05T23:30:00-05:00", "en")).toBe(
      '<time datetime="2026-01-05T23:30:00-05:00">January 6, 2026</time>',
    );
  });
});
