/**
 * Hand-built articles for the writer tests: each text part gets its own span
 * in a synthetic source, so tests control every fact without a reader.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CliIo } from "../src/cli/io.js";
import type { Article, Block, FaqItem, JsonLdBlock, Meta } from "../src/model/article.js";
import type { TextPart } from "../src/model/span.js";

export interface ArticleSpec {
  path?: string;
  title?: string;
  lang?: string;
  meta?: Partial<Record<keyof Meta, string>>;
  /** "## Heading", "### Sub", "- item" lines become headings/lists; anything else a paragraph */
  body?: string[];
  faq?: Array<[string, string]>;
  jsonld?: unknown[];
}

export function makeArticle(spec: ArticleSpec): Article {
  let source = "";
  const part = (text: string): TextPart => {
    const start = source.length;
    source += `${text}\n`;
    return { text, span: { start, end: start + text.length } };
  };
  const jsonld: JsonLdBlock[] = (spec.jsonld ?? []).map((value) => {
    const p = part(JSON.stringify(value));
    return { span: p.span, origin: "leading", value, repair: "strict", pointers: {}, notes: [] };
  });
  const title = spec.title === undefined ? undefined : part(spec.title);
  const meta: Meta = {};
  for (const [k, v] of Object.entries(spec.meta ?? {})) meta[k as keyof Meta] = part(v as string);
  const blocks: Block[] = [];
  for (const line of spec.body ?? []) {
    const h = /^(#{1,6}) (.*)$/.exec(line);
    if (h) {
      const content = part(h[2] as string);
      blocks.push({ kind: "heading", level: h[1]!.length as 1, content, span: content.span });
    } else if (line.startsWith("- ")) {
      const items = line.slice(2).split(" | ").map(part);
      blocks.push({
        kind: "list",
        ordered: false,
        items,
        span: { start: items[0]!.span.start, end: items.at(-1)!.span.end },
      });
    } else {
      const content = part(line);
      blocks.push({ kind: "paragraph", content, span: content.span });
    }
  }
  const faq: FaqItem[] = (spec.faq ?? []).map(([q, a]) => {
    const question = part(q);
    const answer = part(a);
    return { question, answer, span: { start: question.span.start, end: answer.span.end } };
  });
  const article: Article = {
    source: { path: spec.path ?? "draft.txt", text: source, format: "bundle" },
    format: "bundle",
    meta,
    blocks,
    faq,
    jsonld,
    readNotes: [],
  };
  if (title) article.title = title;
  if (spec.lang) article.lang = spec.lang;
  return article;
}

export function memoryIo(cwd = process.cwd()): CliIo & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    cwd,
    env: {},
    isTTY: false,
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
  };
  return io;
}

/** Every file of a built site, the feed's build timestamp aside. */
export function siteSnapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else out[path] = readFileSync(join(dir, path), "utf8").replace(/<updated>[^<]*<\/updated>/g, "<updated/>");
    }
  };
  walk("");
  return out;
}
