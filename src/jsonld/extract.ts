import type { JsonLdBlock, Meta } from "../model/article.js";
import type { Span, TextPart } from "../model/span.js";
import { PartBuilder } from "../read/text-part.js";
import { memberBlock, pointerSpan, pointerToken } from "./repair.js";

/** Keys of a bundle's schema wrapper that carry page metadata, normalised (lower case, no `_`/`-`). */
const META_KEYS: Record<string, keyof Meta> = {
  metatitle: "title",
  seotitle: "title",
  title: "title",
  metadescription: "description",
  description: "description",
  focuskeyword: "focusKeyword",
  focuskeyphrase: "focusKeyword",
  keyword: "focusKeyword",
  primarykeyword: "focusKeyword",
  slug: "slug",
  urlslug: "slug",
  canonical: "canonical",
  canonicalurl: "canonical",
  lang: "lang",
  language: "lang",
  datepublished: "datePublished",
  datemodified: "dateModified",
  lastreviewed: "lastReviewed",
  author: "author",
  reviewer: "reviewer",
  reviewedby: "reviewer",
  image: "image",
  featuredimage: "image",
};

function isSchemaLike(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0 && v.every(isSchemaLike);
  return typeof v === "object" && v !== null && ("@type" in v || "@context" in v || "@graph" in v);
}

/**
 * The TextPart of a JSON string value whose source span (quotes included) is
 * `span`: the text is the parsed string, mapped back through JSON escapes.
 */
export function jsonStringPart(src: string, span: Span, value: string): TextPart {
  const start = span.start + 1;
  const end = Math.max(start, span.end - 1);
  const raw = src.slice(start, end);
  if (raw === value) return { text: value, span: { start, end } };
  const b = new PartBuilder(src);
  let run = start;
  for (let i = start; i < end; i++) {
    if (src.charCodeAt(i) !== 0x5c) continue;
    b.copy(run, i);
    const e = src[i + 1] ?? "";
    const simple: Record<string, string> = {
      n: "\n",
      t: "\t",
      r: "\r",
      b: "\b",
      f: "\f",
      '"': '"',
      "\\": "\\",
      "/": "/",
    };
    if (e === "u") {
      b.decoded(String.fromCharCode(Number.parseInt(src.slice(i + 2, i + 6), 16)), i, i + 6);
      i += 5;
    } else {
      b.decoded(simple[e] ?? e, i, i + 2);
      i += 1;
    }
    run = i + 1;
  }
  b.copy(run, end);
  const part = b.build(start);
  // quote repair may have produced a value the raw text cannot decode to: keep the span, trust the value
  if (part.text !== value) return { text: value, span: { start, end }, map: [] };
  return part;
}

/**
 * Splits a parsed region into JSON-LD blocks and metadata: a wrapper object
 * like `{meta_title, meta_description, focus_keyword, article_schema, faq_schema}`
 * gives meta fields plus one block per schema member; anything else is one block.
 */
export function extractRegion(src: string, block: JsonLdBlock, meta: Meta): JsonLdBlock[] {
  const v = block.value;
  if (isSchemaLike(v) || typeof v !== "object" || v === null || Array.isArray(v)) return [block];
  const out: JsonLdBlock[] = [];
  let metaFound = 0;
  for (const [key, val] of Object.entries(v)) {
    const token = pointerToken(key);
    const valueSpan = pointerSpan(block, `/${token}`);
    if (isSchemaLike(val) && valueSpan) {
      out.push(
        memberBlock(block, token, { span: valueSpan, origin: block.origin, value: val, repair: block.repair }, [
          ...block.notes,
          `from the "${key}" member of the schema block`,
        ]),
      );
      continue;
    }
    const field = META_KEYS[key.toLowerCase().replace(/[_-]/g, "")];
    if (field && typeof val === "string" && valueSpan) {
      metaFound++;
      meta[field] ??= jsonStringPart(src, valueSpan, val);
    }
  }
  if (out.length === 0 && metaFound === 0) return [block];
  return out;
}
