import type { Node as DomNode, Element, Text } from "domhandler";
import { decodeHTML, decodeHTMLAttribute } from "entities";
import { parseDocument } from "htmlparser2";
import { DEFAULT_MAX_NESTING } from "../jsonld/repair.js";
import type { Article, Block, Image, JsonLdBlock, Link, Meta, ReadNote } from "../model/article.js";
import type { Span, TextPart } from "../model/span.js";
import { assemble, FaqCollector, isFaqHeading } from "./faq.js";
import { scriptBlocks } from "./scripts.js";
import { joinParts, PartBuilder } from "./text-part.js";

export interface HtmlOptions {
  maxNesting?: number;
}

const SKIP = new Set(["script", "style", "template", "noscript", "svg", "nav", "aside", "form", "button"]);
/** Page furniture, skipped only when the whole body is read (inside <article>/<main> a header holds the h1). */
const FURNITURE = new Set(["header", "footer"]);
const ENTITY = /^&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});?/i;

function isElement(n: DomNode): n is Element {
  return n.type === "tag" || n.type === "script" || n.type === "style";
}

/** HTML's ASCII whitespace (no-break spaces are text). */
function isHtmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c;
}

/**
 * Where a run of visible text stops: the next entity, the next whitespace other than a single space
 * before a word; and `<`, where a text ends, so that the search never runs far past the text.
 */
const RUN_STOP = /[&<\t\n\f\r]| (?=[ \t\n\f\r])/g;

/**
 * From `i` (inside a word) to where the run stops, at most `end`: the rest of the word, and a single
 * space before the next word, continue the run, since the copies the steps in `raw` would make there
 * are adjacent and join into one anyway. A regex finds the stop faster than a loop over characters.
 */
export function runEnd(src: string, i: number, end: number): number {
  for (;;) {
    RUN_STOP.lastIndex = i;
    if (!RUN_STOP.test(src)) break;
    const at = RUN_STOP.lastIndex - 1;
    if (at >= end) break;
    if (src.charCodeAt(at) !== 0x3c) return at;
    i = at + 1; // a `<` inside the text is text
  }
  // a space that ends the text is no space before a word
  return end > i && src.charCodeAt(end - 1) === 0x20 ? end - 1 : end;
}

/** Visible text of raw HTML text with entities decoded and whitespace collapsed, mapped to the source. */
class HtmlText {
  readonly b: PartBuilder;
  #pendingSpace = -1;
  #empty = true;
  constructor(private readonly src: string) {
    this.b = new PartBuilder(src);
  }

  raw(start: number, end: number): void {
    const src = this.src;
    let i = start;
    // characters are copied a run at a time (from `run` up to the next space or entity), not one by one
    let run = -1;
    while (i < end) {
      const c = src.charCodeAt(i);
      if (isHtmlSpace(c)) {
        if (run >= 0) {
          this.b.copy(run, i);
          run = -1;
        }
        if (!this.#empty && this.#pendingSpace < 0) this.#pendingSpace = i;
        i++;
        continue;
      }
      this.#flushSpace(i);
      if (c === 0x26) {
        const m = ENTITY.exec(src.slice(i, Math.min(end, i + 40)));
        if (m) {
          const decoded = decodeHTML(m[0]);
          if (decoded !== m[0]) {
            if (run >= 0) {
              this.b.copy(run, i);
              run = -1;
            }
            this.b.decoded(decoded, i, i + m[0].length);
            i += m[0].length;
            this.#empty = false;
            continue;
          }
        }
      }
      if (run < 0) run = i;
      this.#empty = false;
      i = runEnd(src, i + 1, end);
    }
    if (run >= 0) this.b.copy(run, end);
  }

  lineBreak(at: number): void {
    if (this.#empty) return;
    this.#pendingSpace = -1;
    this.b.decoded("\n", at, at);
  }

  #flushSpace(next: number): void {
    if (this.#pendingSpace < 0) return;
    const s = this.#pendingSpace;
    // a single space copies through; a run of whitespace stands for one space
    if (next - s === 1 && this.src.charCodeAt(s) === 0x20) this.b.copy(s, next);
    else this.b.decoded(" ", s, next);
    this.#pendingSpace = -1;
  }

  build(fallback: number): TextPart {
    return this.b.build(fallback);
  }
}

interface Ctx {
  src: string;
  links: Link[];
  images: Image[];
}

function start(n: DomNode): number {
  return n.startIndex ?? 0;
}
function end(n: DomNode): number {
  return (n.endIndex ?? start(n)) + 1;
}
function span(n: DomNode): Span {
  return { start: start(n), end: end(n) };
}

/** Text of an element's content, recording links and images met on the way. */
function textOf(ctx: Ctx, el: Element, links: Link[] = ctx.links): TextPart {
  const t = new HtmlText(ctx.src);
  // index loops over children: a thread's first drafts run the walks as baseline code, where for-of calls and
  // allocates per step
  const children = el.children;
  for (let i = 0; i < children.length; i++) addText(ctx, t, links, children[i]!);
  return t.build(end(el));
}

/** `textOf`'s walk: a function of its own rather than a closure made for every part. */
function addText(ctx: Ctx, t: HtmlText, links: Link[], n: DomNode): void {
  if (n.type === "text") {
    const tn = n as Text;
    t.raw(start(tn), end(tn));
    return;
  }
  if (!isElement(n)) return;
  if (n.name === "script" || n.name === "style" || n.name === "template") return;
  if (n.name === "br") {
    t.lineBreak(start(n));
    return;
  }
  if (n.name === "img") {
    ctx.images.push(imageOf(n));
    return;
  }
  if (n.name === "a") {
    const inner = textOf(ctx, n, []);
    const link: Link = { href: attr(n, "href") ?? "", text: inner.text, span: span(n) };
    const rel = attr(n, "rel");
    if (rel) link.rel = rel;
    links.push(link);
    if (links !== ctx.links) ctx.links.push(link);
  }
  const children = n.children;
  for (let i = 0; i < children.length; i++) addText(ctx, t, links, children[i]!);
}

function attr(el: Element, name: string): string | undefined {
  const v = el.attribs[name];
  return v === undefined ? undefined : decodeHTMLAttribute(v);
}

function imageOf(el: Element): Image {
  const img: Image = { src: attr(el, "src") ?? "", span: span(el) };
  const alt = attr(el, "alt");
  if (alt !== undefined) img.alt = alt;
  return img;
}

/** The TextPart of an attribute's value, located in the element's start tag. */
function attrPart(src: string, el: Element, name: string): TextPart | undefined {
  const raw = el.attribs[name];
  if (raw === undefined) return undefined;
  const tagEnd = src.indexOf(">", start(el));
  const tag = src.slice(start(el), tagEnd < 0 ? end(el) : tagEnd);
  const m = new RegExp(`\\s${name}\\s*=\\s*(["']?)`, "i").exec(tag);
  const vs = m ? start(el) + m.index + m[0].length : start(el);
  const t = new HtmlText(src);
  t.raw(vs, vs + raw.length);
  return t.build(vs);
}

/**
 * Reads a published page: `<title>`, meta description, canonical, `<html lang>`,
 * author and dates from meta tags, the article body (h1 → title, h2–h6,
 * paragraphs, lists, quotes, images), the FAQ (`<details>`/`<summary>`, or an
 * FAQ heading followed by question headings and answers) and every
 * `application/ld+json` script. Entities are decoded with `map` runs.
 */
export function readHtml(input: { path: string; text: string }, opts: HtmlOptions = {}): Article {
  const src = input.text;
  const maxNesting = opts.maxNesting ?? DEFAULT_MAX_NESTING;
  const doc = parseDocument(src, {
    withStartIndices: true,
    withEndIndices: true,
    decodeEntities: false,
    lowerCaseTags: true,
  });
  const ctx: Ctx = { src, links: [], images: [] };
  const meta: Meta = {};
  const readNotes: ReadNote[] = [];
  const jsonld: JsonLdBlock[] = [];
  let htmlEl: Element | undefined;
  let main: Element | undefined;
  let article: Element | undefined;
  let body: Element | undefined;

  // one pass over the whole document for head data, scripts and the body root
  const visit = (n: DomNode) => {
    if (!isElement(n)) return;
    const name = n.name;
    if (name === "html") htmlEl ??= n;
    else if (name === "body") body ??= n;
    else if (name === "main") main ??= n;
    else if (name === "article") article ??= n;
    else if (name === "title" && !meta.title) meta.title = textOf(ctx, n, []);
    else if (name === "meta") {
      const key = (n.attribs.name ?? n.attribs.property ?? n.attribs.itemprop ?? "").toLowerCase();
      const field = META_TAGS[key];
      if (field && !meta[field]) {
        const part = attrPart(src, n, "content");
        if (part) meta[field] = part;
      }
    } else if (name === "link" && /(^|\s)canonical(\s|$)/i.test(n.attribs.rel ?? "") && !meta.canonical) {
      const part = attrPart(src, n, "href");
      if (part) meta.canonical = part;
    } else if (name === "script") {
      if (/^\s*application\/ld\+json\s*$/i.test(n.attribs.type ?? "")) {
        const first = n.children[0];
        const s = first ? start(first) : src.indexOf(">", start(n)) + 1;
        const e = first ? end(n.children[n.children.length - 1] as DomNode) : s;
        jsonld.push(...scriptBlocks(src, s, e, maxNesting, readNotes));
      }
      return;
    }
    const children = n.children;
    for (let i = 0; i < children.length; i++) visit(children[i]!);
  };
  for (const c of doc.children) visit(c);
  if (htmlEl) {
    const lang = attrPart(src, htmlEl, "lang");
    if (lang) meta.lang = lang;
  }

  const root = (article && main && isInside(article, main) ? article : (main ?? article ?? body)) as
    | Element
    | undefined;
  const blocks: Block[] = [];
  let faqSpan: Span | undefined;
  let title: TextPart | undefined;
  let faqLevel = 0; // heading level of the open FAQ section (0 = none)
  const faqItems = new FaqCollector(src);
  const extendFaq = (e: number) => {
    if (faqSpan) faqSpan.end = Math.max(faqSpan.end, e);
  };

  const walk = (n: DomNode) => {
    if (!isElement(n)) return;
    const name = n.name;
    if ((SKIP.has(name) || (FURNITURE.has(name) && root === body)) && n !== root) return;
    const hm = /^h([1-6])$/.exec(name);
    if (hm) {
      const level = Number(hm[1]) as 1 | 2 | 3 | 4 | 5 | 6;
      const content = textOf(ctx, n);
      if (level === 1 && !title && blocks.length === 0) {
        title = content;
        return;
      }
      if (faqLevel && level <= faqLevel) {
        faqItems.flush();
        faqLevel = 0;
      }
      if (faqLevel) {
        faqItems.question(content, start(n), end(n));
        extendFaq(end(n));
        return;
      }
      if (isFaqHeading(content.text)) {
        faqLevel = level;
        faqSpan ??= { start: start(n), end: end(n) };
        return;
      }
      blocks.push({ kind: "heading", level, content, span: span(n) });
      return;
    }
    if (name === "details") {
      const summary = n.children.find((c): c is Element => isElement(c) && c.name === "summary");
      if (summary) {
        faqItems.flush();
        const answers = answerParts(ctx, n, summary);
        faqItems.items.push({
          question: textOf(ctx, summary),
          answer: joinParts(src, answers, end(summary)),
          span: span(n),
        });
        if (!faqSpan) faqSpan = { start: start(n), end: end(n) };
        extendFaq(end(n));
        return;
      }
    }
    if (name === "p" || name === "ul" || name === "ol" || name === "blockquote") {
      const links: Link[] = [];
      const block = blockOf(ctx, n, links);
      if (faqLevel) {
        const part =
          block.kind === "list" ? joinParts(src, block.items, end(n)) : (block as { content: TextPart }).content;
        if (faqItems.answer(part, end(n))) extendFaq(end(n));
        return;
      }
      if (block.kind === "paragraph" && links.length) block.links = links;
      blocks.push(block);
      return;
    }
    if (name === "img") {
      const image = imageOf(n);
      ctx.images.push(image);
      blocks.push({ kind: "image", image, span: span(n) });
      return;
    }
    if (name === "section" && n.attribs.id === "faq" && !faqSpan) faqSpan = { start: start(n), end: end(n) };
    const children = n.children;
    for (let i = 0; i < children.length; i++) walk(children[i]!);
  };
  if (root) for (const c of root.children) walk(c);
  faqItems.flush();

  return assemble(input, "html", {
    meta,
    blocks,
    faq: faqItems.items,
    jsonld,
    readNotes,
    links: ctx.links,
    images: ctx.images,
    ...(title ? { title } : {}),
    ...(faqSpan ? { faqSpan } : {}),
  });
}

const META_TAGS: Record<string, keyof Meta> = {
  description: "description",
  keywords: "focusKeyword",
  "copydesk:focus-keyword": "focusKeyword",
  author: "author",
  "article:author": "author",
  reviewer: "reviewer",
  "copydesk:reviewer": "reviewer",
  "article:published_time": "datePublished",
  datepublished: "datePublished",
  "article:modified_time": "dateModified",
  datemodified: "dateModified",
  lastreviewed: "lastReviewed",
  "og:image": "image",
};

function isInside(inner: Element, outer: Element): boolean {
  for (let p = inner.parent; p; p = p.parent) if (p === outer) return true;
  return false;
}

function blockOf(ctx: Ctx, el: Element, links: Link[]): Block {
  if (el.name === "ul" || el.name === "ol") {
    const items = el.children
      .filter((c): c is Element => isElement(c) && c.name === "li")
      .map((li) => textOf(ctx, li, links));
    return { kind: "list", ordered: el.name === "ol", items, span: span(el) };
  }
  if (el.name === "blockquote") return { kind: "quote", content: textOf(ctx, el, links), span: span(el) };
  return { kind: "paragraph", content: textOf(ctx, el, links), span: span(el) };
}

/** Answer paragraphs of a `<details>`: every `<p>`/list inside it, or its text when it has none. */
function answerParts(ctx: Ctx, details: Element, summary: Element): TextPart[] {
  const parts: TextPart[] = [];
  const walk = (n: DomNode) => {
    if (!isElement(n) || n === summary) return;
    if (n.name === "p" || n.name === "li") {
      parts.push(textOf(ctx, n));
      return;
    }
    for (const c of n.children) walk(c);
  };
  for (const c of details.children) walk(c);
  if (parts.length === 0) {
    const rest = details.children.filter((c) => c !== summary);
    const t = new HtmlText(ctx.src);
    for (const c of rest) if (c.type === "text") t.raw(start(c), end(c));
    const part = t.build(end(summary));
    if (part.text) parts.push(part);
  }
  return parts;
}
