import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from "yaml";
import type { FaqItem, JsonLdBlock, Meta } from "../model/article.js";
import type { TextPart } from "../model/span.js";
import { type SimpleEntry, simpleEntries } from "./front-matter-simple.js";

/** Front-matter keys (lower case, without `_`/`-`) and the meta field each fills. */
const FIELDS: Record<string, keyof Meta | "title"> = {
  title: "title",
  metatitle: "title",
  seotitle: "title",
  description: "description",
  metadescription: "description",
  summary: "description",
  keyword: "focusKeyword",
  focuskeyword: "focusKeyword",
  focuskeyphrase: "focusKeyword",
  keyphrase: "focusKeyword",
  date: "datePublished",
  datepublished: "datePublished",
  pubdate: "datePublished",
  published: "datePublished",
  updated: "dateModified",
  datemodified: "dateModified",
  lastmod: "dateModified",
  modified: "dateModified",
  lastreviewed: "lastReviewed",
  reviewed: "lastReviewed",
  author: "author",
  reviewer: "reviewer",
  reviewedby: "reviewer",
  medicallyreviewedby: "reviewer",
  slug: "slug",
  lang: "lang",
  language: "lang",
  locale: "lang",
  image: "image",
  cover: "image",
  featuredimage: "image",
  canonical: "canonical",
  canonicalurl: "canonical",
};

const META_TITLE_KEYS = new Set(["metatitle", "seotitle"]);

export interface FrontMatter {
  /** the `title` key (the visible title when the body has no h1) */
  title?: TextPart;
  meta: Meta;
  faq: FaqItem[];
  jsonld: JsonLdBlock[];
  errors: Array<{ message: string; start: number; end: number }>;
}

/** A scalar's TextPart: the quotes of a quoted scalar are not part of the span. */
function scalarPart(src: string, node: YamlNode, base: number, value: string): TextPart {
  const [s, e] = node.range ?? [0, 0];
  return rangePart(src, base + s, base + e, value);
}

/** The TextPart of a scalar's `value` whose source (quotes included) runs from `start` to `end`. */
function rangePart(src: string, start: number, end: number, value: string): TextPart {
  const raw = src.slice(start, end);
  if (raw === value) return { text: value, span: { start, end } };
  if ((raw.startsWith('"') || raw.startsWith("'")) && src.slice(start + 1, end - 1) === value)
    return { text: value, span: { start: start + 1, end: end - 1 } };
  // folded, escaped or multi-line scalars: the span covers the whole scalar
  return { text: value, span: { start, end }, map: [] };
}

function stringOf(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return undefined;
}

/**
 * Reads YAML front matter (Astro / Hugo / Jekyll keys) whose text starts at
 * `base` in `src`. Unknown keys are ignored; `faq` is a list of
 * {question, answer}; `schema`/`jsonld` holds JSON-LD.
 */
export function readFrontMatter(src: string, yamlText: string, base: number): FrontMatter {
  const simple = simpleEntries(yamlText);
  return (simple && fromEntries(src, simple, base)) ?? readFrontMatterYaml(src, yamlText, base);
}

/**
 * Simple `key: value` entries (see front-matter-simple.ts) as `readFrontMatterYaml` reads them;
 * `undefined` when a key holds FAQ or JSON-LD, which only yaml's path reads.
 */
function fromEntries(src: string, entries: SimpleEntry[], base: number): FrontMatter | undefined {
  const out: FrontMatter = { meta: {}, faq: [], jsonld: [], errors: [] };
  for (const e of entries) {
    const key = normalKey(e.key);
    if (key === "faq" || key === "faqs" || key === "schema" || key === "jsonld" || key === "structureddata")
      return undefined;
    if (e.value !== null) setField(out, key, rangePart(src, base + e.start, base + e.end, e.value));
  }
  return out;
}

/** A key as FIELDS spells it: lower case, without `_` and `-`. */
function normalKey(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, "");
}

/** Files a scalar under its key's field, if it has one (the first description wins, the last title). */
function setField(out: FrontMatter, key: string, part: TextPart): void {
  const field = FIELDS[key];
  if (!field) return;
  if (key === "title") out.title = part;
  else if (META_TITLE_KEYS.has(key)) out.meta.title = part;
  else if (field !== "title") out.meta[field] ??= part;
}

/** `readFrontMatter` through yaml's parser: any front matter, with its errors. */
export function readFrontMatterYaml(src: string, yamlText: string, base: number): FrontMatter {
  const out: FrontMatter = { meta: {}, faq: [], jsonld: [], errors: [] };
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
  for (const e of doc.errors)
    out.errors.push({ message: e.message.split("\n")[0] as string, start: base + e.pos[0], end: base + e.pos[1] });
  const root = doc.contents;
  if (!isMap(root)) return out;
  for (const pair of root.items) {
    const keyText = stringOf(pair.key);
    if (keyText === undefined) continue;
    const key = normalKey(keyText);
    const value = pair.value as YamlNode | null;
    if (!value) continue;
    if (key === "faq" || key === "faqs") {
      if (!isSeq(value)) continue;
      for (const item of value.items) {
        if (!isMap(item)) continue;
        const q = item.items.find((p) => /^(q|question)$/i.test(stringOf(p.key) ?? ""));
        const a = item.items.find((p) => /^(a|answer)$/i.test(stringOf(p.key) ?? ""));
        const qs = stringOf(q?.value);
        const as = stringOf(a?.value);
        if (qs === undefined || as === undefined || !q?.value || !a?.value) continue;
        const [s, , e] = (item as YamlNode).range ?? [0, 0, 0];
        out.faq.push({
          question: scalarPart(src, q.value as YamlNode, base, qs),
          answer: scalarPart(src, a.value as YamlNode, base, as),
          span: { start: base + s, end: base + e },
        });
      }
      continue;
    }
    if (key === "schema" || key === "jsonld" || key === "structureddata") {
      const [s, , e] = value.range ?? [0, 0, 0];
      const js = value.toJSON();
      for (const v of Array.isArray(js) ? js : [js]) {
        out.jsonld.push({
          span: { start: base + s, end: base + e },
          origin: "front-matter",
          value: v,
          repair: "strict",
          pointers: { "": { start: base + s, end: base + e } },
          notes: [],
        });
      }
      continue;
    }
    let text = stringOf(value);
    let node: YamlNode = value;
    if (text === undefined && isMap(value)) {
      // author: {name: …}
      const name = value.items.find((p) => stringOf(p.key) === "name");
      text = stringOf(name?.value);
      if (name?.value) node = name.value as YamlNode;
    }
    if (text === undefined || !FIELDS[key]) continue;
    setField(out, key, scalarPart(src, node, base, text));
  }
  return out;
}
