import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { ConfigError, resolveConfig } from "../src/engine/config.js";
import { allRules } from "../src/rules/index.js";
import type { PageFacts } from "../src/write/graph.js";
import { DEFAULT_FEED_ENTRIES, feedPages, type PageSummary, siteFiles } from "../src/write/site.js";
import { memoryIo } from "./build-helpers.js";

const NOW = new Date("2026-11-25T12:00:00Z");

/** A page summary named `slug`, modified on `date` (none: the page states no date). */
function page(slug: string, date?: string): PageSummary {
  const facts = {
    siteUrl: "https://example.org/",
    pageUrl: `https://example.org/${slug}/`,
    title: slug,
    pageTitle: slug,
    headline: slug,
    health: false,
    ...(date ? { dateModified: date } : {}),
  } satisfies PageFacts;
  return { slug, facts };
}

/** The feed's entry ids (page slugs), in the order feed.xml lists them. */
async function feedSlugs(pages: PageSummary[], feedEntries?: number): Promise<string[]> {
  const site = { url: "https://example.org/", ...(feedEntries ? { feedEntries } : {}) };
  const feed = (await siteFiles(pages, { site, themeCss: "", now: NOW })).get("feed.xml") as string;
  return [...feed.matchAll(/<id>https:\/\/example\.org\/([^<]*)\/<\/id>/g)].map((m) => m[1] as string);
}

describe("site.feedEntries", () => {
  it("keeps a feed of no more pages than the cap as it was: every page, in input order", async () => {
    const pages = [page("b", "2026-01-02"), page("a", "2026-03-01"), page("c")];
    expect(await feedSlugs(pages, 3)).toEqual(["b", "a", "c"]);
    expect(feedPages(pages, { feedEntries: 3 }, NOW)).toBe(pages);
  });

  it("past the cap lists the newest entries, newest first; an undated page counts as built now, ties keep input order", async () => {
    const pages = [
      page("old", "2025-05-01"),
      page("mid", "2026-02-01T10:00:00Z"),
      page("undated"),
      page("tie-1", "2026-06-01"),
      page("tie-2", "2026-06-01"),
      page("oldest", "2024-01-01"),
    ];
    expect(await feedSlugs(pages, 4)).toEqual(["undated", "tie-1", "tie-2", "mid"]);
    expect(await feedSlugs(pages, 1)).toEqual(["undated"]);
    // the sitemap and the index still list every page
    const files = await siteFiles(pages, { site: { feedEntries: 1 }, themeCss: "", now: NOW });
    expect((files.get("sitemap.xml") as string).match(/<url>/g)).toHaveLength(7);
    expect((files.get("index.html") as string).match(/<li>/g)).toHaveLength(6);
  });

  it(`lists the newest ${DEFAULT_FEED_ENTRIES} by default`, async () => {
    expect(DEFAULT_FEED_ENTRIES).toBe(20);
    // day 1 … day 25 in input order: the feed starts at day 25 and stops at day 6
    const pages = Array.from({ length: 25 }, (_, i) =>
      page(`day-${i + 1}`, `2026-01-${String(i + 1).padStart(2, "0")}`),
    );
    expect(await feedSlugs(pages)).toEqual(Array.from({ length: 20 }, (_, i) => `day-${25 - i}`));
    expect(await feedSlugs(pages.slice(0, 20))).toEqual(pages.slice(0, 20).map((p) => p.slug));
  });

  it("takes a whole number of 1 or more in the config; anything else is a config error", () => {
    const registry = allRules;
    expect(resolveConfig({ site: { feedEntries: 5 } }, { registry }).settings.site).toEqual({ feedEntries: 5 });
    for (const feedEntries of [0, -1, 2.5, "20", null]) {
      let issues: unknown;
      try {
        resolveConfig({ site: { feedEntries } }, { registry });
      } catch (err) {
        if (err instanceof ConfigError) issues = err.issues;
      }
      expect(issues).toEqual([
        { path: "site.feedEntries", message: "expected a whole number of feed entries, 1 or more" },
      ]);
    }
  });
});

describe("copydesk build with site.feedEntries", () => {
  const dir = mkdtempSync(join(tmpdir(), "copydesk-feed-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const draft = (title: string, date: string) =>
    `---\ndate: ${date}\n---\n# ${title}\n\nBasil grows best in the sun with water at the roots and shade at noon.\n`;

  it("writes a capped feed, and stops at a bad value with the config error on stderr (exit 2)", async () => {
    mkdirSync(join(dir, "drafts"));
    writeFileSync(join(dir, "drafts", "a.md"), draft("Alpha basil", "2026-01-01"));
    writeFileSync(join(dir, "drafts", "b.md"), draft("Beta basil", "2026-03-01"));
    writeFileSync(join(dir, "drafts", "c.md"), draft("Gamma basil", "2026-02-01"));
    writeFileSync(
      join(dir, "copydesk.config.json"),
      JSON.stringify({ site: { url: "https://example.org/", feedEntries: 2 } }),
    );
    const io = memoryIo(dir);
    expect(await main(["build", "drafts", "--out", "site", "--allow-errors", "--no-cache"], io)).toBe(0);
    const feed = readFileSync(join(dir, "site", "feed.xml"), "utf8");
    expect([...feed.matchAll(/<id>https:\/\/example\.org\/([^<]*)\/<\/id>/g)].map((m) => m[1])).toEqual([
      "beta-basil",
      "gamma-basil",
    ]);
    expect(
      readdirSync(join(dir, "site"))
        .filter((f) => f.endsWith("-basil"))
        .sort(),
    ).toEqual(["alpha-basil", "beta-basil", "gamma-basil"]);

    writeFileSync(join(dir, "copydesk.config.json"), JSON.stringify({ site: { feedEntries: 0 } }));
    const bad = memoryIo(dir);
    expect(await main(["build", "drafts", "--out", "other", "--no-cache"], bad)).toBe(2);
    expect(bad.err).toBe(
      `copydesk: ${join(dir, "copydesk.config.json")} is invalid:\n  site.feedEntries: expected a whole number of feed entries, 1 or more\n`,
    );
    expect(bad.out).toBe("");
  });
});
