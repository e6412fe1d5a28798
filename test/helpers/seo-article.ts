import { corpusEntry, lintCorpus } from "../../src/engine/corpus.js";
import { lintArticle } from "../../src/engine/lint.js";
import type { CorpusRule, Diagnostic, RunSettings, SiteSettings } from "../../src/engine/types.js";
import type { Article, Block, Link } from "../../src/model/article.js";
import type { Assessment, SeoRule } from "../../src/rules/seo/_assessment.js";
import { analyzeText } from "../../src/text/analyze.js";
import { basicBlock, sourceWriter } from "./article.js";

/** One body block: a string is a paragraph. */
export type SeoBlock =
  | string
  | { h: 1 | 2 | 3 | 4 | 5 | 6; text: string }
  | { p: string; links: Array<{ text: string; href: string; rel?: string }> }
  | { img: string; alt?: string };

export interface SeoSpec {
  metaTitle?: string;
  description?: string;
  keyphrase?: string;
  slug?: string;
  canonical?: string;
  title?: string;
  lang?: string;
  body?: SeoBlock[];
  path?: string;
}

/**
 * Builds an article whose source is one line per part (metadata lines first,
 * then the title and body), each part a verbatim slice, so spans are exact
 * and easy to assert: `spanOf(article, "some text")`.
 */
export function seoArticle(spec: SeoSpec): Article {
  const { place, text: sourceText } = sourceWriter("\n");
  const meta: Article["meta"] = {};
  if (spec.metaTitle !== undefined) meta.title = place(spec.metaTitle);
  if (spec.description !== undefined) meta.description = place(spec.description);
  if (spec.keyphrase !== undefined) meta.focusKeyword = place(spec.keyphrase);
  if (spec.slug !== undefined) meta.slug = place(spec.slug);
  if (spec.canonical !== undefined) meta.canonical = place(spec.canonical);
  const title = spec.title !== undefined ? place(spec.title) : undefined;
  const blocks: Block[] = (spec.body ?? []).map((b): Block => {
    if (typeof b === "string" || "h" in b) return basicBlock(place, b);
    if ("p" in b) {
      const content = place(b.p);
      const links: Link[] = b.links.map((l) => {
        const at = content.span.start + b.p.indexOf(l.text);
        const link: Link = { href: l.href, text: l.text, span: { start: at, end: at + l.text.length } };
        if (l.rel) link.rel = l.rel;
        return link;
      });
      return { kind: "paragraph", content, span: content.span, links };
    }
    const line = place(`![${b.alt ?? ""}](${b.img})`);
    const image = b.alt === undefined ? { src: b.img, span: line.span } : { src: b.img, alt: b.alt, span: line.span };
    return { kind: "image", image, span: line.span };
  });
  const article: Article = {
    source: { path: spec.path ?? "fixture.md", text: sourceText(), format: "markdown" },
    format: "markdown",
    meta,
    blocks,
    faq: [],
    jsonld: [],
    readNotes: [],
  };
  if (title) article.title = title;
  if (spec.lang) article.lang = spec.lang;
  return article;
}

/** Span of the first occurrence of `needle` in the article's source. */
export function spanOf(article: Article, needle: string, from = 0): { start: number; end: number } {
  const start = article.source.text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture does not contain ${JSON.stringify(needle)}`);
  return { start, end: start + needle.length };
}

/** Runs a rule's assessment with its options parsed from `options` (defaults applied). */
export function assess<O>(
  rule: SeoRule<O>,
  article: Article,
  options: unknown = {},
  site?: SiteSettings,
): Assessment | undefined {
  const parsed = (rule.meta.options ? rule.meta.options.parse(options) : {}) as O;
  return rule.assess({ article, text: analyzeText(article), options: parsed, site });
}

/** Runs one rule through the engine (the contract path: message ids, spans and line/column validated). */
export function lintWith(
  rule: SeoRule<any>,
  article: Article,
  options: unknown = {},
  site?: SiteSettings,
): Diagnostic[] {
  const settings: RunSettings = { now: new Date("2026-01-15T00:00:00Z"), health: "off" };
  if (site) settings.site = site;
  const parsed = rule.meta.options ? (rule.meta.options.parse(options) as Record<string, unknown>) : {};
  return lintArticle(article, {
    rules: [{ rule, severity: rule.meta.severity, options: parsed }],
    settings,
    throwOnCrash: true,
  }).diagnostics.filter((d) => d.ruleId === rule.meta.id);
}

const FILLER = [
  "Water the bed early in the morning so the leaves dry before noon.",
  "Mulch keeps the soil cool and holds moisture through a hot week.",
  "Check the stakes after every storm and retie loose stems gently.",
  "Compost adds slow nutrients that feed roots for the whole season.",
];

/** A paragraph of about `words` words of neutral gardening prose (our own sentences), never naming a keyphrase. */
export function filler(words: number): string {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < words; i++) {
    const s = FILLER[i % FILLER.length] as string;
    out.push(s);
    n += s.split(" ").length;
  }
  return out.join(" ");
}

/** Runs one corpus rule over articles; per article, its diagnostics as {messageId, span, message}. */
export function runCorpus(rule: CorpusRule, articles: Article[]) {
  const perFile = lintCorpus(articles.map(corpusEntry), {
    rules: [{ rule, severity: rule.meta.severity, options: {} }],
    texts: articles.map((a) => a.source.text),
    throwOnCrash: true,
  });
  return perFile.map((list) => list.map((d) => ({ messageId: d.messageId, span: d.span, message: d.message })));
}

/** Four small articles for the corpus rules: a and b share a keyphrase (spacing aside), a and c a description, a's meta title is c's title, d shares a's keyphrase. */
export function corpusFixtures() {
  const a = seoArticle({
    path: "a.md",
    keyphrase: "prune tomatoes",
    metaTitle: "Prune Tomatoes",
    description: "How to prune.",
    title: "A",
  });
  const b = seoArticle({
    path: "b.md",
    keyphrase: "Prune  Tomatoes",
    metaTitle: "Staking",
    description: "How to stake.",
    title: "B",
  });
  const c = seoArticle({
    path: "c.md",
    keyphrase: "feed tomatoes",
    title: "Prune tomatoes",
    description: "How to prune.",
  });
  const d = seoArticle({ path: "d.md", keyphrase: "prune tomatoes", title: "D" });
  return { a, b, c, d };
}

/** An article whose one paragraph holds the given links ("See <text>." each). */
export function withLinks(links: Array<{ text: string; href: string; rel?: string }>): Article {
  const p = links.map((l) => `See ${l.text}.`).join(" ");
  return seoArticle({ title: "Tomatoes", body: [{ p, links }] });
}
