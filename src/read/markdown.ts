import { decodeHTML } from "entities";
import { extractRegion } from "../jsonld/extract.js";
import { DEFAULT_MAX_NESTING, repairSequence } from "../jsonld/repair.js";
import type { Article, Block, FaqItem, Image, JsonLdBlock, Link, Meta, ReadNote } from "../model/article.js";
import type { Span, TextPart } from "../model/span.js";
import { assemble, FaqCollector, isFaqHeading } from "./faq.js";
import { readFrontMatter } from "./front-matter.js";
import { bomLength } from "./lines.js";
import { type MdBlock, type MdInline, type MdList, type MdParagraph, markdownTree } from "./markdown-tree.js";
import { readScripts } from "./scripts.js";
import { joinParts, PartBuilder } from "./text-part.js";

type Nodes = MdBlock | MdInline | MdList["children"][number];
type PhrasingContent = MdInline;
type RootContent = MdBlock;
type Paragraph = MdParagraph;
type List = MdList;
type Code = Extract<MdBlock, { type: "code" }>;
type Html = Extract<MdBlock, { type: "html" }>;

export interface MarkdownOptions {
  maxNesting?: number;
}

/** Collects the plain text of inline content with a map back to the source. */
class Inline {
  readonly links: Link[] = [];
  readonly images: Image[] = [];
  constructor(
    readonly src: string,
    private readonly base: number,
  ) {}

  span(node: Nodes): Span {
    return { start: this.base + node.pos.start, end: this.base + node.pos.end };
  }

  part(nodes: PhrasingContent[], fallback: number): TextPart {
    const b = new PartBuilder(this.src);
    for (let k = 0; k < nodes.length; k++) this.add(b, nodes[k] as PhrasingContent);
    return b.build(fallback);
  }

  private add(b: PartBuilder, n: PhrasingContent): void {
    if (n.type === "text") {
      // the common node, read without a Span object unless its text differs from its source
      const start = this.base + n.pos.start;
      const end = this.base + n.pos.end;
      if (end - start === n.value.length && this.src.startsWith(n.value, start)) b.copy(start, end);
      else this.decodedText(b, n.value, { start, end });
      return;
    }
    const sp = this.span(n);
    switch (n.type) {
      case "inlineCode": {
        const raw = this.src.slice(sp.start, sp.end);
        const at = raw.indexOf(n.value);
        if (at >= 0) b.copy(sp.start + at, sp.start + at + n.value.length);
        else b.decoded(n.value, sp.start, sp.end);
        return;
      }
      case "break":
        b.decoded("\n", sp.start, sp.end);
        return;
      case "image":
        this.images.push({ src: n.url, alt: n.alt ?? "", span: sp });
        return;
      case "link": {
        const inner = new PartBuilder(this.src);
        const kids = n.children;
        for (let k = 0; k < kids.length; k++) this.add(inner, kids[k] as PhrasingContent);
        this.links.push({ href: n.url, text: inner.build(sp.start).text, span: sp });
        for (let k = 0; k < kids.length; k++) this.add(b, kids[k] as PhrasingContent);
        return;
      }
      case "html":
        return;
      default:
        if ("children" in n) {
          const kids = n.children as PhrasingContent[];
          for (let k = 0; k < kids.length; k++) this.add(b, kids[k] as PhrasingContent);
        }
    }
  }

  /** A text node whose value differs from its source (escapes, entities): copy the equal stretches. */
  private decodedText(b: PartBuilder, value: string, sp: Span): void {
    const raw = this.src.slice(sp.start, sp.end);
    let i = 0; // in value
    let j = 0; // in raw
    let runV = 0;
    let runR = 0;
    const flush = () => {
      if (i > runV) b.copy(sp.start + runR, sp.start + runR + (i - runV));
    };
    while (i < value.length && j < raw.length) {
      let decoded: string | undefined;
      let skip = 0;
      if (raw[j] === "\\" && raw[j + 1] === value[i] && j + 1 < raw.length) {
        decoded = value[i];
        skip = 2;
      } else if (raw[j] === "&") {
        const m = ENTITY.exec(raw.slice(j, j + 40));
        const d = m ? decodeHTML(m[0]) : undefined;
        if (m && d && d !== m[0] && value.startsWith(d, i)) {
          decoded = d;
          skip = m[0].length;
        }
      }
      if (decoded === undefined) {
        if (value[i] === raw[j]) {
          i++;
          j++;
          continue;
        }
        // whitespace folded by the parser (line ends inside a paragraph): one source char for one text char
        decoded = value[i] as string;
        skip = 1;
      }
      flush();
      b.decoded(decoded, sp.start + j, sp.start + j + skip);
      i += decoded.length;
      j += skip;
      runV = i;
      runR = j;
    }
    flush();
    if (i < value.length) b.decoded(value.slice(i), sp.end, sp.end);
  }
}

const ENTITY = /^&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

function headingLevel(depth: number): 1 | 2 | 3 | 4 | 5 | 6 {
  return Math.min(6, Math.max(1, depth)) as 1 | 2 | 3 | 4 | 5 | 6;
}

/** A paragraph that is only bold text ending in `?` (or starting `Q:`): an FAQ question. */
function boldQuestion(p: Paragraph): boolean {
  if (p.children.length !== 1) return false;
  const only = p.children[0];
  if (only?.type !== "strong") return false;
  const text = only.children.map((c) => ("value" in c ? c.value : "")).join("");
  return /\?\s*$/.test(text) || /^\s*(Q|Question)\s*[:.]/i.test(text);
}

/**
 * Reads Markdown with YAML front matter through marked's lexer (see markdown-tree.ts), keeping
 * source positions: headings, paragraphs, lists, quotes and images become
 * blocks; an "FAQ"/"Frequently Asked Questions" section with h3 (or bold)
 * questions becomes the FAQ; ```json blocks and ld+json scripts become JSON-LD.
 */
export function readMarkdown(input: { path: string; text: string }, opts: MarkdownOptions = {}): Article {
  const src = input.text;
  const base = bomLength(src);
  const nodes = markdownTree(src.slice(base));
  const inline = new Inline(src, base);
  const readNotes: ReadNote[] = [];
  let meta: Meta = {};
  let title: TextPart | undefined;
  let fmFaq: FaqItem[] = [];
  const jsonld: JsonLdBlock[] = [];
  const blocks: Block[] = [];
  const faq: FaqItem[] = [];
  let faqSpan: Span | undefined;
  const maxNesting = opts.maxNesting ?? DEFAULT_MAX_NESTING;

  let i = 0;
  const first = nodes[0];
  if (first?.type === "yaml") {
    const sp = inline.span(first);
    const yamlStart = src.indexOf(first.value, sp.start);
    const fm = readFrontMatter(src, first.value, yamlStart >= 0 ? yamlStart : sp.start);
    meta = fm.meta;
    title = fm.title;
    fmFaq = fm.faq;
    jsonld.push(...fm.jsonld);
    for (const e of fm.errors)
      readNotes.push({
        id: "read/front-matter",
        message: `front matter: ${e.message}`,
        span: { start: e.start, end: e.end },
        severity: "error",
      });
    i = 1;
  }
  // a leading h1 is the visible title
  const h1 = nodes[i];
  if (h1?.type === "heading" && h1.depth === 1) {
    const part = inline.part(h1.children, inline.span(h1).start);
    if (title && title.text !== part.text) meta.title ??= title;
    title = part;
    i++;
  }

  const textOf = (n: RootContent): TextPart | undefined =>
    n.type === "paragraph" || n.type === "heading" ? inline.part(n.children, inline.span(n).start) : undefined;

  const jsonFromCode = (n: Code) => {
    const sp = inline.span(n);
    const open = src.indexOf("\n", sp.start);
    const close = src.lastIndexOf("\n", sp.end);
    const limit = close > open ? close : sp.end;
    for (const r of repairSequence(src, open + 1, limit, "fenced", maxNesting))
      jsonld.push(...extractRegion(src, r.block, meta));
  };

  /** JSON-LD in a ```json block or in raw HTML (`<script type="application/ld+json">`). */
  const blockJson = (n: Code | Html, sp: Span) => {
    if (n.type === "html") jsonld.push(...readScripts(src, sp.start, sp.end, maxNesting, readNotes));
    else if (/^(json|jsonld|json-ld|ld\+json)$/i.test(n.lang ?? "") || (!n.lang && /^\s*[{[]/.test(n.value)))
      jsonFromCode(n);
  };

  for (; i < nodes.length; i++) {
    const n = nodes[i] as RootContent;
    const sp = inline.span(n);
    if (n.type === "heading" && isFaqHeading(inline.part(n.children, sp.start).text)) {
      // the FAQ section runs to the next heading at the same or a higher level
      const depth = n.depth;
      let j = i + 1;
      const items = new FaqCollector(src);
      for (; j < nodes.length; j++) {
        const m = nodes[j] as RootContent;
        const msp = inline.span(m);
        if (m.type === "heading" && m.depth <= depth) break;
        if (m.type === "code" || m.type === "html") {
          blockJson(m, msp);
          continue;
        }
        const question = (m.type === "heading" && m.depth > depth) || (m.type === "paragraph" && boldQuestion(m));
        if (question) {
          items.question(stripQ(textOf(m) as TextPart), msp.start, msp.end);
          continue;
        }
        const t = m.type === "list" ? listText(inline, m) : textOf(m);
        if (t) items.answer(stripA(t), msp.end);
      }
      items.flush();
      faq.push(...items.items);
      faqSpan = { start: sp.start, end: inline.span(nodes[j - 1] as RootContent).end };
      i = j - 1;
      continue;
    }
    switch (n.type) {
      case "heading":
        blocks.push({
          kind: "heading",
          level: headingLevel(n.depth),
          content: inline.part(n.children, sp.start),
          span: sp,
        });
        break;
      case "paragraph": {
        const only = n.children.length === 1 ? n.children[0] : undefined;
        if (only?.type === "image") {
          const image: Image = { src: only.url, alt: only.alt ?? "", span: inline.span(only) };
          inline.images.push(image);
          blocks.push({ kind: "image", image, span: sp });
          break;
        }
        const before = inline.links.length;
        const content = inline.part(n.children, sp.start);
        const p: Block = { kind: "paragraph", content, span: sp };
        if (inline.links.length > before) p.links = inline.links.slice(before);
        blocks.push(p);
        break;
      }
      case "list":
        blocks.push({ kind: "list", ordered: n.ordered === true, items: listItems(inline, n), span: sp });
        break;
      case "blockquote": {
        const parts = n.children.flatMap((c) =>
          c.type === "paragraph" ? [inline.part(c.children, inline.span(c).start)] : [],
        );
        blocks.push({ kind: "quote", content: joinParts(src, parts, sp.start), span: sp });
        break;
      }
      case "code":
      case "html":
        blockJson(n, sp);
        break;
      default:
        break;
    }
  }

  return assemble(input, "markdown", {
    meta,
    blocks,
    faq: faq.length ? faq : fmFaq,
    jsonld,
    readNotes,
    links: inline.links,
    images: inline.images,
    ...(title ? { title } : {}),
    ...(faqSpan ? { faqSpan } : {}),
  });
}

function listItems(inline: Inline, list: List): TextPart[] {
  return list.children.map((item) => {
    const paras = item.children.flatMap((c) =>
      c.type === "paragraph" ? [inline.part(c.children, inline.span(c).start)] : [],
    );
    return joinParts(inline.src, paras, inline.span(item).start);
  });
}

function listText(inline: Inline, list: List): TextPart {
  const items = listItems(inline, list);
  return joinParts(inline.src, items, inline.span(list).start);
}

/** Drops a leading "Q:"/"A:" label from a part, moving its span. */
function dropLabel(part: TextPart, re: RegExp): TextPart {
  const m = re.exec(part.text);
  if (!m || part.map) return part;
  const n = m[0].length;
  return { text: part.text.slice(n), span: { start: part.span.start + n, end: part.span.end } };
}
const stripQ = (p: TextPart) => dropLabel(p, /^\s*(?:Q|Question)\s*[:.]\s*/i);
const stripA = (p: TextPart) => dropLabel(p, /^\s*(?:A|Answer)\s*[:.]\s*/i);
