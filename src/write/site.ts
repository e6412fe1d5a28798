/**
 * A static site from checked articles: one page per article under its slug,
 * an index page, sitemap.xml, robots.txt, an Atom feed and the theme. Pure:
 * returns the files to write; the CLI writes them (atomically).
 */
import { Readable } from "node:stream";
import type { Graph } from "schema-dts";
import type { Diagnostic, SiteSettings } from "../engine/types.js";
import type { Article } from "../model/article.js";
import { escapeAttr, escapeHtml } from "./escape.js";
import { type BuildNote, graphFromFacts, type PageFacts, resolvePage, siteRoot } from "./graph.js";
import { renderDate, renderPage } from "./page.js";

export interface SiteInput {
  article: Article;
  /** the article's lint diagnostics: any error holds the page back unless `allowErrors` */
  diagnostics: readonly Diagnostic[];
  health: boolean;
}

export interface SiteOptions {
  site: SiteSettings;
  allowErrors?: boolean;
  articleType?: "Article" | "BlogPosting";
  /** contents of assets/theme.css */
  themeCss: string;
  /** date stamped on the feed and on entries that state no date of their own */
  now: Date;
}

export interface BuiltPage {
  path: string;
  slug: string;
  /** output file relative to the out dir */
  file: string;
  facts: PageFacts;
  graph: Graph;
  notes: BuildNote[];
}

/** What the site files (index, sitemap, feed) need of a page. */
export type PageSummary = Pick<BuiltPage, "slug" | "facts">;

export interface HeldBack {
  path: string;
  /** the error diagnostics and error notes that held it back */
  errors: Array<Pick<Diagnostic, "ruleId" | "message" | "span">>;
}

export interface SiteResult {
  /** relative path (forward slashes) → file contents */
  files: Map<string, string>;
  pages: BuiltPage[];
  held: HeldBack[];
}

/** Lower-case ASCII words joined by hyphens; accents are folded, everything else dropped. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

/** The slug an article asks for: meta.slug, else the title, else the file name. */
export function slugBase(a: Article): string {
  return (
    slugify(a.meta.slug?.text ?? "") ||
    slugify(a.title?.text ?? a.meta.title?.text ?? "") ||
    slugify(
      a.source.path
        .split(/[\\/]/)
        .pop()!
        .replace(/\.[^.]*$/, ""),
    ) ||
    "article"
  );
}

/** Final slugs in input order: later duplicates of a base get -2, -3, … */
export function dedupeSlugs(bases: readonly string[]): string[] {
  const taken = new Set<string>();
  return bases.map((base) => {
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return slug;
  });
}

/** Slugs in input order: meta.slug, else the title, else the file name; later duplicates get -2, -3, … */
export function assignSlugs(articles: readonly Article[]): string[] {
  return dedupeSlugs(articles.map(slugBase));
}

function isoDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t);
}

function indexPage(pages: readonly PageSummary[], site: SiteSettings, siteUrl: string): string {
  const name = site.name ?? site.publisher?.name ?? "Articles";
  const items = pages.map((p) => {
    const desc = p.facts.description ? `\n<p>${escapeHtml(p.facts.description)}</p>` : "";
    const date = p.facts.datePublished
      ? `\n<div class="byline">${renderDate(p.facts.datePublished, p.facts.lang)}</div>`
      : "";
    return `<li>\n<h2><a href="${escapeAttr(`${p.slug}/`)}">${escapeHtml(p.facts.title)}</a></h2>${date}${desc}\n</li>`;
  });
  return `<!DOCTYPE html>
<html lang="${escapeAttr(site.language || "en")}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(name)}</title>
<link rel="canonical" href="${escapeAttr(siteUrl)}">
<link rel="alternate" type="application/atom+xml" href="feed.xml" title="${escapeAttr(name)}">
<link rel="stylesheet" href="theme.css">
</head>
<body>
<main>
<h1>${escapeHtml(name)}</h1>
<ul class="article-list">
${items.join("\n")}
</ul>
</main>
</body>
</html>
`;
}

/**
 * The sitemap and feed libraries, loaded when a site is written: slugify in this module is imported by a
 * rule, so every `check` process and pool worker would otherwise load them (and sax, xml-js) for nothing.
 */
async function xmlLibraries() {
  const [{ SitemapStream, streamToPromise }, { Feed }] = await Promise.all([sitemapStream(), import("feed")]);
  return { SitemapStream, streamToPromise, Feed };
}

type SitemapModule = Pick<typeof import("sitemap"), "SitemapStream" | "streamToPromise">;

/**
 * sitemap's stream module alone: the package's index also loads its parsers, xmllint and gzip helpers,
 * about 100 ms of a cold build. Its index is the fallback should a release move the file (or where
 * import.meta.resolve is missing).
 */
async function sitemapStream(): Promise<SitemapModule> {
  try {
    return (await import(new URL("./lib/sitemap-stream.js", import.meta.resolve("sitemap")).href)) as SitemapModule;
  } catch {
    return await import("sitemap");
  }
}
type XmlLibraries = Awaited<ReturnType<typeof xmlLibraries>>;

async function sitemapXml(
  pages: readonly PageSummary[],
  siteUrl: string,
  { SitemapStream, streamToPromise }: XmlLibraries,
): Promise<string> {
  const entries = [
    { url: siteUrl },
    ...pages.map((p) => {
      const lastmod = isoDate(p.facts.dateModified ?? p.facts.datePublished);
      // no date in the draft: no lastmod (a build time would claim a change that did not happen)
      return lastmod ? { url: p.facts.pageUrl, lastmod: lastmod.toISOString() } : { url: p.facts.pageUrl };
    }),
  ];
  const stream = new SitemapStream({ hostname: siteUrl });
  return (await streamToPromise(Readable.from(entries).pipe(stream))).toString("utf8");
}

/** Entries in the feed when the config does not say (`site.feedEntries`): as Hexo's feed plugin, 20. */
export const DEFAULT_FEED_ENTRIES = 20;

/**
 * The pages the feed lists: all of them, in input order, up to `site.feedEntries`; past it the newest
 * that many, newest first (by the date each entry states, the build time for a page that states none;
 * a tie keeps input order). A feed is read for what is new, and building one entry per page cost a
 * large site's build more than any other site file.
 */
export function feedPages(pages: readonly PageSummary[], site: SiteSettings, now: Date): readonly PageSummary[] {
  const cap = site.feedEntries ?? DEFAULT_FEED_ENTRIES;
  if (pages.length <= cap) return pages;
  const dated = pages.map((page, i) => ({ page, i, at: entryDate(page, now).getTime() }));
  dated.sort((a, b) => b.at - a.at || a.i - b.i);
  return dated.slice(0, cap).map((d) => d.page);
}

/** The date a feed entry states: its page's last change, else its publication, else the build time. */
function entryDate(p: PageSummary, now: Date): Date {
  return isoDate(p.facts.dateModified ?? p.facts.datePublished) ?? now;
}

function atomFeed(
  pages: readonly PageSummary[],
  site: SiteSettings,
  siteUrl: string,
  now: Date,
  { Feed }: XmlLibraries,
): string {
  const name = site.name ?? site.publisher?.name ?? "Articles";
  const feed = new Feed({
    title: name,
    id: siteUrl,
    link: siteUrl,
    updated: now,
    generator: "copydesk",
    feedLinks: { atom: `${siteUrl}feed.xml` },
    ...(site.language ? { language: site.language } : {}),
    ...(site.publisher?.name ? { copyright: site.publisher.name } : { copyright: name }),
  });
  for (const p of feedPages(pages, site, now)) {
    const date = entryDate(p, now);
    const published = isoDate(p.facts.datePublished);
    // the feed library marks title and summary type="html": escape so readers show draft text as text
    feed.addItem({
      title: escapeHtml(p.facts.title),
      id: p.facts.pageUrl,
      link: p.facts.pageUrl,
      date,
      ...(published ? { published } : {}),
      ...(p.facts.description ? { description: escapeHtml(p.facts.description) } : {}),
      ...(p.facts.author ? { author: [{ name: p.facts.author.name }] } : {}),
    });
  }
  return feed.atom1();
}

function robotsTxt(siteUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${siteUrl}sitemap.xml\n`;
}

/** One article's page (or why it is held back). Depends only on the article, its slug and the options. */
export type PageOutcome = RenderedPage | { held: HeldBack };

/** An article's page before the publish decision (which needs the diagnostics, corpus rules included). */
export interface RenderedPage {
  page: BuiltPage;
  html: string;
}

/** A page without its graph: what a build keeps of it once the HTML is made (and what its cache stores). */
export type PageRecord = Omit<BuiltPage, "graph">;

type PageOptionsIn = Omit<SiteOptions, "themeCss" | "now">;

/**
 * A page's facts and notes without its graph or HTML: enough to decide publish or hold, so a build
 * renders only the pages it may publish.
 */
export function planPage(article: Article, health: boolean, slug: string, options: PageOptionsIn): PageRecord {
  const { facts, notes } = resolvePage(article, {
    site: options.site,
    pagePath: `${slug}/`,
    health,
    ...(options.articleType ? { articleType: options.articleType } : {}),
  });
  return { path: article.source.path, slug, file: `${slug}/index.html`, facts, notes };
}

/** The graph and HTML of a planned page. */
function renderPlanned(article: Article, page: PageRecord, options: PageOptionsIn): RenderedPage {
  const graph = graphFromFacts(article, page.facts, options.articleType ?? "Article");
  const { path, slug, file, facts, notes } = page;
  return {
    page: { path, slug, file, facts, graph, notes },
    html: renderPage(article, facts, graph, { rootHref: "../" }),
  };
}

/** The HTML of a planned page (its graph is only needed inside it). */
export function plannedHtml(article: Article, page: PageRecord, options: PageOptionsIn): string {
  return renderPlanned(article, page, options).html;
}

export function renderArticlePage(
  article: Article,
  health: boolean,
  slug: string,
  options: PageOptionsIn,
): RenderedPage {
  return renderPlanned(article, planPage(article, health, slug, options), options);
}

/** Whether a page is held back: its diagnostics or its build notes have errors (and errors are not allowed). */
export function isHeld(
  page: Pick<BuiltPage, "notes">,
  diagnostics: readonly Diagnostic[],
  allowErrors: boolean | undefined,
): boolean {
  return (
    !allowErrors && (diagnostics.some((d) => d.severity === "error") || page.notes.some((n) => n.severity === "error"))
  );
}

/** A rendered page is held back when its diagnostics or its build notes have errors, unless `allowErrors`. */
export function publishOrHold<P extends { page: Pick<BuiltPage, "path" | "notes"> }>(
  rendered: P,
  diagnostics: readonly Diagnostic[],
  allowErrors: boolean | undefined,
): P | { held: HeldBack } {
  if (!isHeld(rendered.page, diagnostics, allowErrors)) return rendered;
  const errors = [
    ...diagnostics.filter((d) => d.severity === "error"),
    ...rendered.page.notes
      .filter((n) => n.severity === "error")
      .map((n) => ({ ruleId: n.id, message: n.message, span: n.span })),
  ];
  return { held: { path: rendered.page.path, errors } };
}

export function buildPage(input: SiteInput, slug: string, options: PageOptionsIn): PageOutcome {
  return publishOrHold(
    renderArticlePage(input.article, input.health, slug, options),
    input.diagnostics,
    options.allowErrors,
  );
}

/** The files around the pages: index, sitemap, robots.txt, feed and theme. */
export async function siteFiles(pages: readonly PageSummary[], options: SiteOptions): Promise<Map<string, string>> {
  const siteUrl = siteRoot(options.site);
  const libraries = await xmlLibraries();
  const files = new Map<string, string>();
  files.set("index.html", indexPage(pages, options.site, siteUrl));
  files.set("sitemap.xml", await sitemapXml(pages, siteUrl, libraries));
  files.set("robots.txt", robotsTxt(siteUrl));
  files.set("feed.xml", atomFeed(pages, options.site, siteUrl, options.now, libraries));
  files.set("theme.css", options.themeCss);
  return files;
}

/** Builds every page and the site files around them. */
export async function buildSite(inputs: readonly SiteInput[], options: SiteOptions): Promise<SiteResult> {
  const slugs = assignSlugs(inputs.map((i) => i.article));
  const files = new Map<string, string>();
  const pages: BuiltPage[] = [];
  const held: HeldBack[] = [];
  inputs.forEach((input, i) => {
    const outcome = buildPage(input, slugs[i] as string, options);
    if ("held" in outcome) held.push(outcome.held);
    else {
      files.set(outcome.page.file, outcome.html);
      pages.push(outcome.page);
    }
  });
  for (const [name, contents] of await siteFiles(pages, options)) files.set(name, contents);
  return { files, pages, held };
}
