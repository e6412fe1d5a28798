/**
 * One linked JSON-LD `@graph` per page, built from the article model. What the
 * reader sees (title, meta block, visible FAQ) is the source of truth; facts
 * found only in the draft's own JSON-LD (dates, author, image) are carried
 * over; where the draft disagrees with itself the page keeps the visible/meta
 * value and a note says so. Empty values are never emitted.
 */
import type {
  Answer,
  Article as ArticleNode,
  BreadcrumbList,
  FAQPage,
  Graph,
  ImageObject,
  ListItem,
  Organization,
  Person,
  Question,
  Thing,
  WebPage,
  WebSite,
} from "schema-dts";
import type { SiteSettings } from "../engine/types.js";
import { isObject, type JsonLdNode, jsonLdNodes, valueSpan } from "../jsonld/nodes.js";
import type { Article } from "../model/article.js";
import type { Span, TextPart } from "../model/span.js";
import { jsonForScript } from "./escape.js";

/** A problem or decision met while building a page (not a rule diagnostic). */
export interface BuildNote {
  /** `build/<name>` */
  id: string;
  severity: "error" | "warn" | "info";
  message: string;
  span: Span;
}

export interface Party {
  type: "Person" | "Organization";
  name: string;
  url?: string;
  /** for a reviewer: "MD", "RD", … (shown on the page, kept out of `name` as Google asks) */
  credentials?: string;
}

/** The facts a page states, each chosen once here and shared by the head, the body and the graph. */
export interface PageFacts {
  /** absolute URL of the site root, with a trailing slash */
  siteUrl: string;
  /** absolute URL of the page (the canonical) */
  pageUrl: string;
  siteName?: string;
  /** the visible h1 */
  title: string;
  /** `<title>` and og:title: the meta title when there is one */
  pageTitle: string;
  headline: string;
  description?: string;
  datePublished?: string;
  dateModified?: string;
  lastReviewed?: string;
  author?: Party;
  reviewer?: Party;
  publisher?: { name: string; url?: string; logo?: string };
  image?: string;
  lang?: string;
  health: boolean;
}

export interface GraphOptions {
  site: SiteSettings;
  /** the page's path under the site root, e.g. "my-article/" */
  pagePath: string;
  /** health content gets a MedicalWebPage with reviewedBy/lastReviewed */
  health: boolean;
  articleType?: "Article" | "BlogPosting";
}

export interface GraphResult {
  graph: Graph;
  facts: PageFacts;
  notes: BuildNote[];
}

/** Google truncates long headlines on some devices; 110 is the long-standing limit its tools enforced. */
export const MAX_HEADLINE = 110;
/** Used when the config names no site URL, so every @id and canonical is still absolute. */
export const DEFAULT_SITE_URL = "https://example.com/";

const ARTICLE_TYPES = new Set([
  "Article",
  "BlogPosting",
  "NewsArticle",
  "TechArticle",
  "ScholarlyArticle",
  "MedicalScholarlyArticle",
  "Report",
  "SocialMediaPosting",
  "LiveBlogPosting",
  "AnalysisNewsArticle",
  "OpinionNewsArticle",
  "ReportageNewsArticle",
  "ReviewNewsArticle",
  "BackgroundNewsArticle",
  "AdvertiserContentArticle",
  "SatiricalArticle",
]);
const PAGE_TYPES = new Set(["WebPage", "MedicalWebPage", "ItemPage", "AboutPage", "CollectionPage"]);

/** A candidate value for one fact, and where it was written. */
interface Candidate<T> {
  value: T;
  /** "the visible title", "the meta block", "draft JSON-LD (Article)" … */
  from: string;
  span: Span;
  /** carried from draft JSON-LD (conflicts with it are warnings; among meta/visible they are expected) */
  jsonld: boolean;
}

/**
 * Whitespace other than a single space between words: a regex without the `^ | $` alternatives, which
 * made it try four branches at every position of every FAQ answer (the ends are two charCodeAt checks).
 */
const NEEDS_COLLAPSE = /[^\S ]| {2}/;
/** Whitespace runs to one space, trimmed; most strings need nothing, so test before rebuilding. */
export const collapse = (s: string): string =>
  s.charCodeAt(0) === 0x20 || s.charCodeAt(s.length - 1) === 0x20 || NEEDS_COLLAPSE.test(s)
    ? s.replace(/\s+/g, " ").trim()
    : s;

function partCandidate(part: TextPart | undefined, from: string): Candidate<string> | undefined {
  if (!part) return undefined;
  return { value: collapse(part.text), from, span: part.span, jsonld: false };
}

/**
 * A candidate from draft JSON-LD. Its span is looked up only when a note needs it: finding a pointer's
 * span walks the block's text, and most candidates (agreeing, non-empty) never get a note.
 */
function jsonLdCandidate<T>(value: T, from: string, node: JsonLdNode, key: string): Candidate<T> {
  return {
    value,
    from,
    jsonld: true,
    get span() {
      return valueSpan(node.block, `${node.pointer}/${key}`);
    },
  };
}

function describeNode(node: JsonLdNode): string {
  const type = node.rawTypes[0] ?? "node";
  return node.property ? `draft JSON-LD (${type} in "${node.property}")` : `draft JSON-LD (${type})`;
}

class NoteSink {
  readonly notes: BuildNote[] = [];
  constructor(readonly fallbackSpan: Span) {}
  add(id: string, severity: BuildNote["severity"], message: string, span: Span = this.fallbackSpan): void {
    this.notes.push({ id: `build/${id}`, severity, message, span });
  }
}

/**
 * Picks the first non-empty candidate. Empty draft values are dropped with a
 * note; non-empty values that differ from the chosen one are reported, never
 * silently discarded.
 */
function choose<T>(
  field: string,
  candidates: Array<Candidate<T | "" | undefined> | undefined>,
  sink: NoteSink,
  key: (v: T) => string,
  show: (v: T) => string = key,
): Candidate<T> | undefined {
  let chosen: Candidate<T> | undefined;
  for (const c of candidates) {
    if (!c) continue;
    if (c.value === undefined || c.value === "" || key(c.value as T) === "") {
      if (c.jsonld)
        sink.add("empty-value", "info", `${field} is empty in ${c.from}; an empty value is never published`, c.span);
      continue;
    }
    const cand = c as Candidate<T>;
    if (!chosen) {
      chosen = cand;
      continue;
    }
    if (key(cand.value) !== key(chosen.value) && cand.jsonld)
      sink.add(
        "conflict",
        "warn",
        `${field}: ${cand.from} says "${show(cand.value)}" but ${chosen.from} says "${show(chosen.value)}"; the page uses ${chosen.from}`,
        cand.span,
      );
  }
  return chosen;
}

/** Compare key for dates: the same instant written two ways is one fact. */
function dateKey(a: string): string {
  const t = Date.parse(a);
  return Number.isNaN(t) ? collapse(a) : new Date(t).toISOString();
}

function stringAt(node: JsonLdNode, key: string, from: string): Candidate<string> | undefined {
  const v = node.value[key];
  if (v === undefined) return undefined;
  const text = typeof v === "string" ? collapse(v) : undefined;
  if (text === undefined) return undefined;
  return jsonLdCandidate(text, from, node, key);
}

function partyFrom(value: unknown): Party | "" | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "string") return collapse(first) ? { type: "Person", name: collapse(first) } : "";
  if (!isObject(first)) return undefined;
  const name = typeof first.name === "string" ? collapse(first.name) : "";
  if (!name) return "";
  const type = first["@type"] === "Organization" ? "Organization" : "Person";
  const party: Party = { type, name };
  if (typeof first.url === "string" && collapse(first.url)) party.url = collapse(first.url);
  return party;
}

function partyAt(node: JsonLdNode, key: string, from: string): Candidate<Party | ""> | undefined {
  if (!(key in node.value)) return undefined;
  const value = partyFrom(node.value[key]);
  if (value === undefined) return undefined;
  return jsonLdCandidate(value, from, node, key);
}

function imageAt(node: JsonLdNode, from: string): Candidate<string> | undefined {
  if (!("image" in node.value)) return undefined;
  const raw = node.value.image;
  const first = Array.isArray(raw) ? raw[0] : raw;
  const url = typeof first === "string" ? first : isObject(first) ? (first.url ?? first.contentUrl) : undefined;
  if (typeof url !== "string") return undefined;
  return jsonLdCandidate(collapse(url), from, node, "image");
}

function textParty(part: TextPart | undefined, from: string): Candidate<Party> | undefined {
  if (!part) return undefined;
  const name = collapse(part.text);
  return { value: { type: "Person", name }, from, span: part.span, jsonld: false };
}

function configParty(party: SiteSettings["author"], from: string, span: Span): Candidate<Party> | undefined {
  if (!party?.name) return undefined;
  const value: Party = { type: "Person", name: party.name };
  if (party.url) value.url = party.url;
  if (party.credentials) value.credentials = party.credentials;
  return { value, from, span, jsonld: false };
}

/** Cuts at a word boundary so the result plus "…" fits in `max` characters. */
export function truncateHeadline(text: string, max = MAX_HEADLINE): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const cut = room.lastIndexOf(" ");
  return `${(cut > max / 2 ? room.slice(0, cut) : room).replace(/[\s,;:.–—-]+$/, "")}…`;
}

/** Site roots already worked out, by url and basePath: every page of a build asks for the same one. */
const roots = new Map<string, string>();

/** Site root as an absolute URL with a trailing slash: url + basePath. */
export function siteRoot(site: SiteSettings): string {
  const key = `${site.url ?? ""}\u0000${site.basePath ?? ""}`;
  let root = roots.get(key);
  if (root === undefined) {
    root = parseSiteRoot(site);
    if (roots.size > 64) roots.clear(); // a long-lived caller with many sites: stay small
    roots.set(key, root);
  }
  return root;
}

function parseSiteRoot(site: SiteSettings): string {
  const base = new URL(site.url || DEFAULT_SITE_URL);
  const path = `${base.pathname.replace(/\/+$/, "")}/${(site.basePath ?? "").replace(/^\/+|\/+$/g, "")}`;
  base.pathname = path.endsWith("/") ? path : `${path}/`;
  base.search = "";
  base.hash = "";
  return base.href;
}

function absolute(url: string, root: string): string | undefined {
  try {
    const u = new URL(url, root);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Resolves every fact the page states, with notes for conflicts, empties and gaps. */
export function resolveFacts(article: Article, options: GraphOptions): { facts: PageFacts; notes: BuildNote[] } {
  const { site } = options;
  const titleSpan = article.title?.span ?? article.meta.title?.span ?? { start: 0, end: 0 };
  const sink = new NoteSink(titleSpan);
  const nodes = jsonLdNodes(article);
  const articleNodes = nodes.filter((n) => n.types.some((t) => ARTICLE_TYPES.has(t)));
  const pageNodes = nodes.filter((n) => n.types.some((t) => PAGE_TYPES.has(t)));
  const meta = article.meta;

  const siteUrl = siteRoot(site);
  if (articleNodes.length > 1)
    sink.add(
      "merged-articles",
      "info",
      `the draft's JSON-LD has ${articleNodes.length} Article nodes; the page publishes one Article built from the visible title and meta block`,
      valueSpan(articleNodes[1]!.block, articleNodes[1]!.pointer),
    );
  if (!site.url)
    sink.add("no-site-url", "warn", `site.url is not configured; canonical URLs and @ids use ${DEFAULT_SITE_URL}`);

  const fromNodes = <T>(
    list: JsonLdNode[],
    pick: (n: JsonLdNode, from: string) => Candidate<T> | undefined,
  ): Array<Candidate<T> | undefined> => list.map((n) => pick(n, describeNode(n)));

  const titleCand = choose(
    "title",
    [partCandidate(article.title, "the visible title"), partCandidate(meta.title, "the meta title")],
    sink,
    collapse,
  );
  const metaTitle = meta.title ? collapse(meta.title.text) : "";
  // JSON-LD headlines that repeat the meta title are the SEO title, not a conflict
  const headlineCands = fromNodes(articleNodes, (n, from) => stringAt(n, "headline", from)).map((c) => {
    if (!c || !metaTitle || c.value !== metaTitle || c.value === titleCand?.value) return c;
    sink.add(
      "headline-is-meta-title",
      "info",
      `headline: ${c.from} repeats the meta title; the Article headline is ${titleCand?.from ?? "the title"}`,
      c.span,
    );
    return undefined;
  });
  const headlineCand = choose("headline", [titleCand, ...headlineCands], sink, collapse);
  let headline = headlineCand?.value ?? "";
  if (!headline) {
    sink.add("missing-title", "error", "the draft has no title: the page has no h1 and no headline");
    headline = "Untitled";
  }
  if (headline.length > MAX_HEADLINE) {
    const cut = truncateHeadline(headline);
    sink.add(
      "headline-truncated",
      "info",
      `headline is ${headline.length} characters; the Article headline is cut to ${cut.length} ("${cut}") at a word boundary`,
      headlineCand?.span,
    );
    headline = cut;
  }
  const title = titleCand?.value ?? headline;

  const descCand = choose(
    "description",
    [
      partCandidate(meta.description, "the meta description"),
      ...fromNodes(articleNodes, (n, from) => stringAt(n, "description", from)),
    ],
    sink,
    collapse,
  );
  if (!descCand)
    sink.add(
      "missing-description",
      "warn",
      "no meta description: the page has no description meta tag or Article description",
    );

  const dateCands = (key: "datePublished" | "dateModified", part: TextPart | undefined) =>
    choose(
      key,
      [partCandidate(part, `the meta ${key}`), ...fromNodes(articleNodes, (n, from) => stringAt(n, key, from))],
      sink,
      dateKey,
      (v) => v,
    );
  const published = dateCands("datePublished", meta.datePublished);
  const modified = dateCands("dateModified", meta.dateModified);
  if (!published)
    sink.add(
      "missing-date-published",
      "warn",
      "the draft gives no datePublished (meta or JSON-LD): it is left out of the page rather than guessed",
    );

  const partyKey = (p: Party) => collapse(p.name).toLowerCase();
  const partyShow = (p: Party) => `${p.name} (${p.type})`;
  const author = choose(
    "author",
    [
      textParty(meta.author, "the meta author"),
      ...fromNodes(articleNodes, (n, from) => partyAt(n, "author", from)),
      configParty(site.author, "the configured site.author", titleSpan),
    ],
    sink,
    partyKey,
    partyShow,
  );
  if (!author)
    sink.add("missing-author", "warn", "no author in the draft or in site.author: the Article has no author");

  const reviewer = choose(
    "reviewer",
    [
      textParty(meta.reviewer, "the meta reviewer"),
      ...fromNodes(pageNodes, (n, from) => partyAt(n, "reviewedBy", from)),
      ...fromNodes(articleNodes, (n, from) => partyAt(n, "reviewedBy", from)),
      options.health ? configParty(site.reviewer, "the configured site.reviewer", titleSpan) : undefined,
    ],
    sink,
    partyKey,
    partyShow,
  );
  const lastReviewed = choose(
    "lastReviewed",
    [
      partCandidate(meta.lastReviewed, "the meta lastReviewed"),
      ...fromNodes(pageNodes, (n, from) => stringAt(n, "lastReviewed", from)),
    ],
    sink,
    dateKey,
    (v) => v,
  );
  if (options.health) {
    if (!reviewer)
      sink.add(
        "missing-reviewer",
        "warn",
        "health article without a reviewer: set `reviewer` in the draft or site.reviewer in the config so the MedicalWebPage names who reviewed it",
      );
    if (!lastReviewed)
      sink.add(
        "missing-last-reviewed",
        "info",
        "health article without lastReviewed: the MedicalWebPage states no review date",
      );
  }

  const firstImageBlock = article.blocks.find((b) => b.kind === "image");
  const imageCand = choose(
    "image",
    [
      partCandidate(meta.image, "the meta image"),
      firstImageBlock?.kind === "image"
        ? {
            value: firstImageBlock.image.src,
            from: "the first visible image",
            span: firstImageBlock.span,
            jsonld: false,
          }
        : undefined,
      ...fromNodes(articleNodes, imageAt),
    ],
    sink,
    collapse,
  );
  const image = imageCand ? absolute(imageCand.value, siteUrl) : undefined;
  if (imageCand && !image)
    sink.add("unsafe-url", "warn", `image "${imageCand.value}" is not an http(s) URL; left out`, imageCand.span);

  let publisher = site.publisher?.name ? { ...site.publisher } : undefined;
  if (!publisher) {
    const fromDraft = choose(
      "publisher",
      fromNodes(articleNodes, (n, from) => partyAt(n, "publisher", from)),
      sink,
      partyKey,
      partyShow,
    );
    if (fromDraft)
      publisher = { name: fromDraft.value.name, ...(fromDraft.value.url ? { url: fromDraft.value.url } : {}) };
    else if (site.name) publisher = { name: site.name };
    else sink.add("missing-publisher", "warn", "no publisher: set site.publisher (name, url, logo) in the config");
  }

  let pageUrl = new URL(options.pagePath, siteUrl).href;
  const canonical = meta.canonical ? absolute(collapse(meta.canonical.text), siteUrl) : undefined;
  if (meta.canonical && !canonical)
    sink.add(
      "unsafe-url",
      "warn",
      `canonical "${meta.canonical.text}" is not an http(s) URL; using ${pageUrl}`,
      meta.canonical.span,
    );
  if (canonical) pageUrl = canonical;

  const facts: PageFacts = {
    siteUrl,
    pageUrl,
    title,
    pageTitle: metaTitle || title,
    headline,
    health: options.health,
  };
  const lang = article.lang ?? (meta.lang ? collapse(meta.lang.text) : undefined) ?? site.language;
  if (lang) facts.lang = lang;
  if (site.name) facts.siteName = site.name;
  if (descCand) facts.description = descCand.value;
  if (published) facts.datePublished = published.value;
  if (modified) facts.dateModified = modified.value;
  if (author) facts.author = author.value;
  if (reviewer) facts.reviewer = reviewer.value;
  if (lastReviewed) facts.lastReviewed = lastReviewed.value;
  if (publisher) facts.publisher = publisher;
  if (image) facts.image = image;
  return { facts, notes: sink.notes };
}

function partyNode(id: string, party: Party): Person | Organization {
  const node: Record<string, unknown> = { "@type": party.type, "@id": id, name: party.name };
  if (party.url) node.url = party.url;
  if (party.credentials && party.type === "Person") node.honorificSuffix = party.credentials;
  return node as unknown as Person | Organization;
}

/** Builds the page's one `@graph` from its resolved facts and the visible FAQ. */
export function graphFromFacts(article: Article, facts: PageFacts, articleType: "Article" | "BlogPosting"): Graph {
  const { siteUrl, pageUrl } = facts;
  const id = {
    website: `${siteUrl}#website`,
    organization: `${siteUrl}#organization`,
    logo: `${siteUrl}#logo`,
    author: `${pageUrl}#author`,
    reviewer: `${pageUrl}#reviewer`,
    webpage: `${pageUrl}#webpage`,
    article: `${pageUrl}#article`,
    faq: `${pageUrl}#faq`,
    breadcrumb: `${pageUrl}#breadcrumb`,
    image: `${pageUrl}#primaryimage`,
  };
  const ref = (key: keyof typeof id) => ({ "@id": id[key] });
  const inLanguage = facts.lang ? { inLanguage: facts.lang } : {};
  const graph: Thing[] = [];

  const website: WebSite = {
    "@type": "WebSite",
    "@id": id.website,
    url: siteUrl,
    ...(facts.siteName || facts.publisher ? { name: facts.siteName ?? facts.publisher?.name } : {}),
    ...(facts.publisher ? { publisher: ref("organization") } : {}),
    ...inLanguage,
  };
  graph.push(website);

  if (facts.publisher) {
    const p = facts.publisher;
    const logoUrl = p.logo ? absolute(p.logo, siteUrl) : undefined;
    const logo: ImageObject | undefined = logoUrl
      ? { "@type": "ImageObject", "@id": id.logo, url: logoUrl, contentUrl: logoUrl }
      : undefined;
    const org: Organization = {
      "@type": "Organization",
      "@id": id.organization,
      name: p.name,
      url: (p.url && absolute(p.url, siteUrl)) || siteUrl,
      ...(logo ? { logo } : {}),
    };
    graph.push(org);
  }
  if (facts.author) graph.push(partyNode(id.author, facts.author));
  if (facts.reviewer && facts.health) graph.push(partyNode(id.reviewer, facts.reviewer));

  const hasFaq = article.faq.length > 0;
  const page: Record<string, unknown> = {
    "@type": facts.health ? "MedicalWebPage" : "WebPage",
    "@id": id.webpage,
    url: pageUrl,
    name: facts.pageTitle,
    ...(facts.description ? { description: facts.description } : {}),
    isPartOf: ref("website"),
    breadcrumb: ref("breadcrumb"),
    mainEntity: ref("article"),
    ...(hasFaq ? { hasPart: ref("faq") } : {}),
    ...(facts.image ? { primaryImageOfPage: ref("image") } : {}),
    ...(facts.datePublished ? { datePublished: facts.datePublished } : {}),
    ...(facts.dateModified ? { dateModified: facts.dateModified } : {}),
    ...inLanguage,
  };
  // reviewedBy/lastReviewed belong to WebPage (schema.org domain), not to Article
  if (facts.health && facts.reviewer) page.reviewedBy = ref("reviewer");
  if (facts.health && facts.lastReviewed) page.lastReviewed = facts.lastReviewed;
  graph.push(page as unknown as WebPage);

  if (facts.image) {
    const img: ImageObject = { "@type": "ImageObject", "@id": id.image, url: facts.image, contentUrl: facts.image };
    graph.push(img);
  }

  const articleNode: Record<string, unknown> = {
    "@type": articleType,
    "@id": id.article,
    headline: facts.headline,
    ...(facts.description ? { description: facts.description } : {}),
    ...(facts.datePublished ? { datePublished: facts.datePublished } : {}),
    ...(facts.dateModified ? { dateModified: facts.dateModified } : {}),
    ...(facts.author ? { author: ref("author") } : {}),
    ...(facts.publisher ? { publisher: ref("organization") } : {}),
    ...(facts.image ? { image: ref("image") } : {}),
    mainEntityOfPage: ref("webpage"),
    isPartOf: ref("webpage"),
    ...inLanguage,
  };
  graph.push(articleNode as unknown as ArticleNode);

  if (hasFaq) {
    const faq: FAQPage = {
      "@type": "FAQPage",
      "@id": id.faq,
      url: `${pageUrl}#faq`,
      isPartOf: ref("webpage"),
      mainEntity: article.faq.map(
        (item): Question => ({
          "@type": "Question",
          name: collapse(item.question.text),
          acceptedAnswer: { "@type": "Answer", text: collapse(item.answer.text) } satisfies Answer,
        }),
      ),
      ...inLanguage,
    };
    graph.push(faq);
  }

  const crumbs: ListItem[] = [
    { "@type": "ListItem", position: 1, name: facts.siteName ?? facts.publisher?.name ?? "Home", item: siteUrl },
    { "@type": "ListItem", position: 2, name: facts.title || facts.headline, item: pageUrl },
  ];
  const breadcrumb: BreadcrumbList = { "@type": "BreadcrumbList", "@id": id.breadcrumb, itemListElement: crumbs };
  graph.push(breadcrumb);

  return { "@context": "https://schema.org", "@graph": graph };
}

/**
 * The page's facts and every note about them, without the graph: enough to decide whether a page is
 * published (its error notes) before paying for the graph and the HTML.
 */
export function resolvePage(article: Article, options: GraphOptions): { facts: PageFacts; notes: BuildNote[] } {
  const resolved = resolveFacts(article, options);
  noteFaqDifferences(article, resolved.notes);
  return resolved;
}

/** Resolves the page's facts and builds its graph: `{graph, facts, notes}`. */
export function buildGraph(article: Article, options: GraphOptions): GraphResult {
  const { facts, notes } = resolvePage(article, options);
  return { graph: graphFromFacts(article, facts, options.articleType ?? "Article"), facts, notes };
}

/** A draft FAQPage that is not what the page shows is replaced, and the note says so. */
function noteFaqDifferences(article: Article, notes: BuildNote[]): void {
  // made on the first FAQPage node: most drafts have none, and their visible FAQ is not collapsed for nothing
  let visible: Set<string> | undefined;
  for (const node of jsonLdNodes(article)) {
    if (!node.types.includes("FAQPage")) continue;
    visible ??= new Set(article.faq.map((f) => `${collapse(f.question.text)}\n${collapse(f.answer.text)}`));
    const items = Array.isArray(node.value.mainEntity) ? node.value.mainEntity : [node.value.mainEntity];
    const drafted = items.filter(isObject).map((q) => {
      const ans = isObject(q.acceptedAnswer) ? q.acceptedAnswer.text : undefined;
      return `${collapse(String(q.name ?? ""))}\n${collapse(String(ans ?? ""))}`;
    });
    const shown = visible;
    const differs = drafted.length !== shown.size || drafted.some((d) => !shown.has(d));
    if (!differs) continue;
    notes.push({
      id: "build/faq-replaced",
      severity: article.faq.length ? "warn" : "info",
      message: article.faq.length
        ? "the draft's FAQPage differs from the visible FAQ; the page's FAQPage is generated from the visible FAQ"
        : "the draft has FAQPage markup but no visible FAQ; it is not published (markup must match visible content)",
      span: valueSpan(node.block, node.pointer),
    });
  }
}

/** A safe edit to the draft's own JSON-LD that brings it in line with the visible page or the config. */
export interface MarkupEdit {
  /** `build/faq-sync` or `build/fill-from-config` */
  id: string;
  message: string;
  span: Span;
  text: string;
}

function nodeSpan(node: JsonLdNode): Span | undefined {
  return node.block.pointers[node.pointer] ?? (node.pointer === "" ? node.block.span : undefined);
}

function configPartyJson(type: "Person" | "Organization", p: { name: string; url?: string; logo?: string }) {
  return {
    "@type": type,
    name: p.name,
    ...(p.url ? { url: p.url } : {}),
    ...(p.logo ? { logo: p.logo } : {}),
  };
}

/**
 * Edits for `copydesk fix`: a FAQPage whose questions or answers differ from
 * the visible FAQ is rewritten from the visible FAQ; an Article without an
 * author or publisher gets the configured one (never a guessed one). Only
 * blocks that parse strictly are touched (jsonld/syntax fixes the rest first),
 * and only JSON-LD changes: prose is never edited here.
 */
export function markupEdits(article: Article, site: SiteSettings): MarkupEdit[] {
  const edits: MarkupEdit[] = [];
  const serialize = (value: unknown) =>
    article.format === "html" ? jsonForScript(value, 2) : JSON.stringify(value, null, 2);
  const visible = article.faq.map((f) => ({
    "@type": "Question",
    name: collapse(f.question.text),
    acceptedAnswer: { "@type": "Answer", text: collapse(f.answer.text) },
  }));
  for (const node of jsonLdNodes(article)) {
    if (node.block.repair !== "strict") continue;
    const span = nodeSpan(node);
    if (!span) continue;
    if (node.types.includes("FAQPage") && visible.length > 0) {
      const drafted = (Array.isArray(node.value.mainEntity) ? node.value.mainEntity : [node.value.mainEntity])
        .filter(isObject)
        .map((q) => {
          const ans = isObject(q.acceptedAnswer) ? q.acceptedAnswer.text : undefined;
          return `${collapse(String(q.name ?? ""))}\n${collapse(String(ans ?? ""))}`;
        });
      const shown = visible.map((q) => `${q.name}\n${q.acceptedAnswer.text}`);
      if (drafted.length === shown.length && drafted.every((d, i) => d === shown[i])) continue;
      const { mainEntity: _old, ...rest } = node.value;
      edits.push({
        id: "build/faq-sync",
        message: "FAQPage markup rewritten from the visible FAQ",
        span,
        text: serialize({ ...rest, mainEntity: visible }),
      });
      continue;
    }
    if (!node.types.some((t) => ARTICLE_TYPES.has(t))) continue;
    const author = "author" in node.value ? partyFrom(node.value.author) : undefined;
    const publisher = "publisher" in node.value ? partyFrom(node.value.publisher) : undefined;
    const fill: Record<string, unknown> = {};
    if (!author && site.author?.name) fill.author = configPartyJson("Person", site.author);
    if (!publisher && site.publisher?.name) fill.publisher = configPartyJson("Organization", site.publisher);
    if (Object.keys(fill).length === 0) continue;
    edits.push({
      id: "build/fill-from-config",
      message: `${Object.keys(fill).join(" and ")} filled in from the config`,
      span,
      text: serialize({ ...node.value, ...fill }),
    });
  }
  return edits;
}
