/**
 * The published page: semantic, accessible HTML5 with one h1, h2 sections,
 * the FAQ as details/summary, the head tags search engines and social cards
 * read, and the page's one JSON-LD graph. Every draft string goes through
 * escape.ts; the HTML reader (src/read/html.ts) reads this layout back.
 */
import type { Graph } from "schema-dts";
import type { Article, Block, Link } from "../model/article.js";
import { escapeAttr, escapeHtml, jsonForScript, safeUrl } from "./escape.js";
import type { PageFacts } from "./graph.js";

export interface PageOptions {
  /** relative URL from the page to the site root ("../" for `<slug>/index.html`) */
  rootHref: string;
  /** heading of the FAQ section (the HTML reader recognizes this id, not the wording) */
  faqHeading?: string;
}

export const FAQ_HEADING = "Frequently asked questions";

const tag = (name: string, text: string): string => `<${name}>${escapeHtml(text)}</${name}>`;
const metaName = (name: string, content: string | undefined): string =>
  content ? `<meta name="${name}" content="${escapeAttr(content)}">` : "";
const metaProp = (property: string, content: string | undefined): string =>
  content ? `<meta property="${property}" content="${escapeAttr(content)}">` : "";

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per language: building an Intl.DateTimeFormat costs far more than formatting with it. */
function dateFormat(lang: string): Intl.DateTimeFormat {
  let format = dateFormats.get(lang);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" });
    } catch {
      format = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });
    }
    dateFormats.set(lang, format);
  }
  return format;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * ICU's long English date ("January 5, 2026", UTC) written directly: the first Intl.DateTimeFormat of
 * a process loads ICU's date data, 40–80 ms of a cold build whose pages are English. Only for "en" and
 * "en-US" and years 1600–9999 (test/build-lazy.test.ts compares it with Intl day by day); anything
 * else goes to Intl.
 */
export function englishLongDate(t: number, lang: string): string | undefined {
  if (lang !== "en" && lang !== "en-US") return undefined;
  const date = new Date(t);
  const year = date.getUTCFullYear();
  if (year < 1600 || year > 9999) return undefined;
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${year}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** ISO dates become <time>; anything else is shown as written (never guessed into a date). */
export function renderDate(value: string, lang: string | undefined): string {
  const t = ISO_DATE.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(t)) return escapeHtml(value);
  const shown = englishLongDate(t, lang || "en") ?? dateFormat(lang || "en").format(t);
  return `<time datetime="${escapeAttr(value)}">${escapeHtml(shown)}</time>`;
}

function head(facts: PageFacts, graph: Graph, options: PageOptions): string {
  const image = facts.image;
  return [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    tag("title", facts.pageTitle),
    metaName("description", facts.description),
    `<link rel="canonical" href="${escapeAttr(facts.pageUrl)}">`,
    metaName("robots", "index, follow, max-image-preview:large"),
    metaProp("og:type", "article"),
    metaProp("og:title", facts.pageTitle),
    metaProp("og:description", facts.description),
    metaProp("og:url", facts.pageUrl),
    metaProp("og:site_name", facts.siteName ?? facts.publisher?.name),
    metaProp("og:image", image),
    metaProp("article:published_time", facts.datePublished),
    metaProp("article:modified_time", facts.dateModified),
    metaName("twitter:card", image ? "summary_large_image" : "summary"),
    metaName("twitter:title", facts.pageTitle),
    metaName("twitter:description", facts.description),
    metaName("twitter:image", image),
    `<link rel="stylesheet" href="${escapeAttr(`${options.rootHref}theme.css`)}">`,
    `<script type="application/ld+json">${jsonForScript(graph)}</script>`,
  ]
    .filter(Boolean)
    .join("\n");
}

/** Paragraph text with its links as anchors; unsafe hrefs (javascript:, data:) stay plain text. */
function inline(text: string, links: Link[] | undefined): string {
  if (!links?.length) return escapeHtml(text);
  let out = "";
  let at = 0;
  for (const link of links) {
    const href = safeUrl(link.href);
    const i = link.text ? text.indexOf(link.text, at) : -1;
    if (i < 0 || !href) continue;
    const rel = link.rel ? ` rel="${escapeAttr(link.rel)}"` : "";
    out += `${escapeHtml(text.slice(at, i))}<a href="${escapeAttr(href)}"${rel}>${escapeHtml(link.text)}</a>`;
    at = i + link.text.length;
  }
  return out + escapeHtml(text.slice(at));
}

/**
 * Body blocks. Heading levels are clamped so the outline never skips a level
 * and never repeats the h1: a draft "#" inside the body becomes an h2.
 */
function body(blocks: Block[]): string {
  const out: string[] = [];
  let level = 1;
  for (const block of blocks) {
    switch (block.kind) {
      case "heading": {
        level = Math.max(2, Math.min(block.level, level + 1));
        out.push(tag(`h${level}`, block.content.text));
        break;
      }
      case "paragraph":
        out.push(`<p>${inline(block.content.text, block.links)}</p>`);
        break;
      case "list": {
        const name = block.ordered ? "ol" : "ul";
        out.push(`<${name}>\n${block.items.map((item) => tag("li", item.text)).join("\n")}\n</${name}>`);
        break;
      }
      case "quote":
        out.push(`<blockquote><p>${escapeHtml(block.content.text)}</p></blockquote>`);
        break;
      case "image": {
        const src = safeUrl(block.image.src);
        if (src)
          out.push(
            `<figure><img src="${escapeAttr(src)}" alt="${escapeAttr(block.image.alt ?? "")}" loading="lazy"></figure>`,
          );
        break;
      }
    }
  }
  return out.join("\n");
}

function faqSection(article: Article, heading: string): string {
  if (article.faq.length === 0) return "";
  const items = article.faq.map(
    (item) =>
      `<details>\n<summary>${escapeHtml(item.question.text)}</summary>\n<div><p>${escapeHtml(item.answer.text)}</p></div>\n</details>`,
  );
  return `<section id="faq">\n${tag("h2", heading)}\n${items.join("\n")}\n</section>`;
}

function byline(facts: PageFacts): string {
  const parts: string[] = [];
  if (facts.author) parts.push(`By <span class="author">${escapeHtml(facts.author.name)}</span>`);
  if (facts.datePublished) parts.push(`Published ${renderDate(facts.datePublished, facts.lang)}`);
  if (facts.dateModified && facts.dateModified !== facts.datePublished)
    parts.push(`Updated ${renderDate(facts.dateModified, facts.lang)}`);
  if (facts.health && facts.reviewer) {
    const cred = facts.reviewer.credentials ? `, ${escapeHtml(facts.reviewer.credentials)}` : "";
    const when = facts.lastReviewed ? ` on ${renderDate(facts.lastReviewed, facts.lang)}` : "";
    parts.push(`Medically reviewed by <span class="reviewer">${escapeHtml(facts.reviewer.name)}${cred}</span>${when}`);
  }
  // a div, not a <p>: the byline is page furniture, not article prose the HTML reader should read back
  return parts.length ? `<div class="byline">${parts.join(" · ")}</div>` : "";
}

/** The complete HTML document for one article. */
export function renderPage(article: Article, facts: PageFacts, graph: Graph, options: PageOptions): string {
  const site = facts.siteName ?? facts.publisher?.name ?? "Home";
  return `<!DOCTYPE html>
<html lang="${escapeAttr(facts.lang || "en")}">
<head>
${head(facts, graph, options)}
</head>
<body>
<header class="site-header"><a href="${escapeAttr(options.rootHref)}">${escapeHtml(site)}</a></header>
<main>
<article>
<header>
${tag("h1", facts.title)}
${byline(facts)}
</header>
${body(article.blocks)}
${faqSection(article, options.faqHeading ?? FAQ_HEADING)}
</article>
</main>
<footer class="site-footer">${facts.publisher ? `Published by ${escapeHtml(facts.publisher.name)}` : escapeHtml(site)}</footer>
</body>
</html>
`;
}
