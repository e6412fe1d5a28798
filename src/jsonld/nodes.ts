/**
 * Walking JSON-LD: every node object of every block of an article, with its
 * JSON Pointer (to find source spans in `block.pointers`) and its schema.org
 * types resolved to bare names. Built once per article and shared by all
 * structured-data rules.
 */
import type { Article, JsonLdBlock } from "../model/article.js";
import { LineIndex, type Span } from "../model/span.js";
import type { VocabIndex } from "../vocab/types.js";
import { pointerSpan } from "./repair.js";

export type JsonObject = Record<string, unknown>;

export interface JsonLdNode {
  block: JsonLdBlock;
  blockIndex: number;
  /** JSON Pointer of the node object inside `block.value` ("" for the root) */
  pointer: string;
  value: JsonObject;
  /** `@type` values as written */
  rawTypes: string[];
  /** schema.org types as bare names ("schema:Article" → "Article"); extension types are left out */
  types: string[];
  /** whether some `@type` is an extension term (prefixed or a non-schema.org IRI) */
  hasExtensionType: boolean;
  /** the property whose value this node is; undefined for top-level nodes */
  property?: string;
  parent?: JsonLdNode;
  /** terms defined by the block's `@context` objects (these are not schema.org terms) */
  contextTerms: ReadonlySet<string>;
}

const SCHEMA_IRI = /^https?:\/\/schema\.org\//;

/**
 * The schema.org local name of a term, or undefined when the term is not a
 * schema.org term (`gs1:Beverage`, `http://purl.org/…`, a context-defined alias).
 * `@`-keywords are undefined too.
 */
export function schemaTerm(term: string, contextTerms?: ReadonlySet<string>): string | undefined {
  if (term.startsWith("@")) return undefined;
  if (term.startsWith("schema:")) return term.slice(7);
  // the IRI pattern only where it can match: most terms are bare names
  const iri = term.startsWith("http") ? SCHEMA_IRI.exec(term) : null;
  if (iri) return term.slice(iri[0].length);
  if (term.includes(":")) return undefined;
  if (contextTerms?.has(term)) return undefined;
  return term;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `pointer` + one reference token, escaped as RFC 6901 asks. */
export function childPointer(pointer: string, token: string | number): string {
  // most tokens (indexes, plain property names) have nothing to escape: no replace passes for them
  if (typeof token === "number" || (!token.includes("~") && !token.includes("/"))) return `${pointer}/${token}`;
  return `${pointer}/${token.replaceAll("~", "~0").replaceAll("/", "~1")}`;
}

/** Source span of the value at `pointer`, falling back to the nearest enclosing value, then the block. */
export function valueSpan(block: JsonLdBlock, pointer: string): Span {
  let p = pointer;
  for (;;) {
    const span = pointerSpan(block, p);
    if (span) return span;
    if (p === "") return block.span;
    p = p.slice(0, p.lastIndexOf("/"));
  }
}

/** Source span of the key of the member at `pointer` (falls back to the value's span). */
export function keySpan(block: JsonLdBlock, pointer: string): Span {
  return pointerSpan(block, `${pointer}#key`) ?? valueSpan(block, pointer);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function collectContextTerms(context: unknown, into: Set<string>): void {
  for (const c of asArray(context)) {
    if (!isObject(c)) continue;
    for (const key of Object.keys(c)) if (!key.startsWith("@")) into.add(key);
  }
}

/**
 * The last article's nodes, and the property indexes of nodes asked since (`propertyIndex`): the rules
 * of one article ask in turn, so one slot serves them. WeakMaps keyed by article and node held them
 * instead, but a young collection keeps a WeakMap's values alive (its table sits in old space), and the
 * indexes of nodes the nodes' map kept alive then outlived two young collections: promoted to old space,
 * ~40 KB per draft with JSON-LD, most of what a check still promoted.
 */
let lastArticle: Article | undefined;
let lastNodes: readonly JsonLdNode[] = [];
let propertyIndexes = new Map<JsonLdNode, Map<string, PropertyValue[]>>();

/** All node objects (objects that are not `@value`/`@list` wrappers) of all blocks, in document order. */
export function jsonLdNodes(article: Article): readonly JsonLdNode[] {
  if (article === lastArticle) return lastNodes;
  const nodes: JsonLdNode[] = [];
  article.jsonld.forEach((block, blockIndex) => {
    if (block.value === undefined) return;
    const contextTerms = new Set<string>();
    // only objects and arrays are visited: a pointer string is made for no plain value
    const visit = (value: object, pointer: string, property?: string, parent?: JsonLdNode): void => {
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (typeof item === "object" && item !== null) visit(item, childPointer(pointer, i), property, parent);
        }
        return;
      }
      if (!isObject(value) || "@value" in value) return;
      if ("@context" in value) collectContextTerms(value["@context"], contextTerms);
      if ("@list" in value) {
        const list = value["@list"];
        if (typeof list === "object" && list !== null) visit(list, childPointer(pointer, "@list"), property, parent);
        return;
      }
      const rawTypes = asArray(value["@type"]).filter((t): t is string => typeof t === "string");
      const types: string[] = [];
      let hasExtensionType = false;
      // index loops: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
      for (let i = 0; i < rawTypes.length; i++) {
        const name = schemaTerm(rawTypes[i]!);
        if (name === undefined) hasExtensionType = true;
        else types.push(name);
      }
      // a bare `{"@graph": [...]}` wrapper is not a node of its own
      const isGraphWrapper =
        "@graph" in value && rawTypes.length === 0 && !("@id" in value && Object.keys(value).length > 3);
      const node: JsonLdNode | undefined = isGraphWrapper
        ? undefined
        : { block, blockIndex, pointer, value, rawTypes, types, hasExtensionType, contextTerms };
      if (node) {
        if (property !== undefined) node.property = property;
        if (parent) node.parent = parent;
        nodes.push(node);
      }
      const keys = Object.keys(value);
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k]!;
        const child = value[key];
        if (typeof child !== "object" || child === null) continue;
        if (key === "@context" || key === "@type" || key === "@id") continue;
        if (key === "@graph") visit(child, childPointer(pointer, key), undefined, undefined);
        else if (!key.startsWith("@")) visit(child, childPointer(pointer, key), key, node ?? parent);
      }
    };
    if (typeof block.value === "object" && block.value !== null) visit(block.value, "");
  });
  lastArticle = article;
  lastNodes = nodes;
  propertyIndexes = new Map();
  return nodes;
}

/** Whether one of the node's schema.org types is `type` or a subtype of it. */
export function nodeIs(node: JsonLdNode, vocab: VocabIndex, type: string): boolean {
  // a loop, not `some` with a closure: rules ask this of every node of every draft, often in baseline code
  const { types } = node;
  for (let i = 0; i < types.length; i++) if (vocab.isSubtypeOf(types[i]!, type)) return true;
  return false;
}

/** Article, NewsArticle, BlogPosting and the rest of the Article family. */
export function isArticleLike(node: JsonLdNode, vocab: VocabIndex): boolean {
  return nodeIs(node, vocab, "Article");
}

export interface PropertyValue {
  value: unknown;
  pointer: string;
}

const NO_VALUES: readonly PropertyValue[] = [];

/**
 * The node's values by schema.org property name, built on the first question: rules ask a node
 * for many properties (jsonld/value-type for every one it has), and each question used to read
 * every member again.
 */
function propertyIndex(node: JsonLdNode): Map<string, PropertyValue[]> {
  let index = propertyIndexes.get(node);
  if (index) return index;
  index = new Map();
  const keys = Object.keys(node.value);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const property = schemaTerm(key, node.contextTerms);
    if (property === undefined) continue;
    let out = index.get(property);
    if (!out) {
      out = [];
      index.set(property, out);
    }
    const value = node.value[key];
    const pointer = childPointer(node.pointer, key);
    if (Array.isArray(value))
      for (let i = 0; i < value.length; i++) out.push({ value: value[i], pointer: `${pointer}/${i}` });
    else out.push({ value, pointer });
  }
  propertyIndexes.set(node, index);
  return index;
}

/**
 * The values of a property (by its schema.org name, also found written as
 * `schema:name` or a full IRI), arrays flattened, each with its pointer. Shared: do not change it.
 */
export function propertyValues(node: JsonLdNode, property: string): readonly PropertyValue[] {
  return propertyIndex(node).get(property) ?? NO_VALUES;
}

/** The pointer of a property's member (for reporting "missing X" next to the node's first key), if present. */
export function memberPointer(node: JsonLdNode, property: string): string | undefined {
  const keys = Object.keys(node.value);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    if (schemaTerm(key, node.contextTerms) === property) return childPointer(node.pointer, key);
  }
  return undefined;
}

/** The first string value of a property, or undefined. */
export function stringProperty(node: JsonLdNode, property: string): (PropertyValue & { value: string }) | undefined {
  const values = propertyValues(node, property);
  for (let i = 0; i < values.length; i++) {
    const pv = values[i]!;
    if (typeof pv.value === "string") return pv as PropertyValue & { value: string };
  }
  return undefined;
}

/** Where to report a problem about the whole node: its `@type` value, else the node. */
export function nodeAnchor(node: JsonLdNode): Span {
  const typeSpan = pointerSpan(node.block, childPointer(node.pointer, "@type"));
  return typeSpan ?? valueSpan(node.block, node.pointer);
}

/** Whether a value carries nothing: "", whitespace, [], {} or an object with only `@type`/`@context`. */
export function isEmptyValue(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value)) return Object.keys(value).every((k) => k === "@type" || k === "@context");
  return false;
}

const QUOTES_DOUBLE = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const QUOTES_SINGLE = /[\u2018\u2019\u201A\u201B\u2032]/g;
const TAGS = /<[^>]*>/g;
const ENTITY = /&(amp|lt|gt|quot|apos|nbsp);/g;
const DASHES = /[\u2013\u2014]/g;
const FOLDABLE = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2018\u2019\u201A\u201B\u2032\u2013\u2014]/;
const SPACES = /\s+/g;
/** whitespace that `SPACES` would change: a run of two, or any space other than " " */
const MULTI_OR_ODD_SPACE = /\s\s|[^\S ]/;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * Text as compared between markup and page: HTML tags dropped, common entities
 * decoded, typographic quotes folded, dashes unified, whitespace collapsed, lower case.
 */
export function normalizeForCompare(text: string): string {
  let t = text;
  // Each pass only when its trigger character occurs: most texts need none of them, and every
  // skipped replace is a full copy of the string saved (FAQ answers are compared per rule).
  if (t.includes("<")) t = t.replace(TAGS, " ");
  if (t.includes("&")) t = t.replace(ENTITY, (_, name: string) => ENTITIES[name] ?? "");
  if (FOLDABLE.test(t)) t = t.replace(QUOTES_DOUBLE, '"').replace(QUOTES_SINGLE, "'").replace(DASHES, "-");
  if (MULTI_OR_ODD_SPACE.test(t)) t = t.replace(SPACES, " ");
  return t.trim().toLowerCase();
}

/** The line index of the last article asked about (one slot, as `jsonLdNodes` keeps its nodes). */
let linesArticle: Article | undefined;
let lines: LineIndex | undefined;

/** 1-based line of an offset, for messages that point at a second place ("first given at line 3"). */
export function lineOf(article: Article, offset: number): number {
  if (linesArticle !== article || !lines) {
    linesArticle = article;
    lines = new LineIndex(article.source.text);
  }
  return lines.position(offset).line;
}

/** The `@context` values written at the top of a block (root object, root array items). */
function rootContexts(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(rootContexts);
  return isObject(value) && "@context" in value ? asArray(value["@context"]) : [];
}

export type VocabMix = "schema" | "mixed" | "foreign";

const mixCache = new WeakMap<JsonLdBlock, VocabMix>();

/**
 * Which vocabularies the block's `@context` brings in: only schema.org (or no
 * context at all, assumed schema.org), schema.org plus others (terms may come
 * from either, so unknown terms cannot be judged), or others only.
 */
export function vocabMix(block: JsonLdBlock): VocabMix {
  const hit = mixCache.get(block);
  if (hit !== undefined) return hit;
  let schema = false;
  let other = false;
  for (const c of rootContexts(block.value)) {
    const iri = typeof c === "string" ? c : isObject(c) && typeof c["@vocab"] === "string" ? c["@vocab"] : undefined;
    if (iri === undefined) continue;
    if (/^https?:\/\/schema\.org\/?$/.test(iri.trim())) schema = true;
    else other = true;
  }
  const mix: VocabMix = other ? (schema ? "mixed" : "foreign") : "schema";
  mixCache.set(block, mix);
  return mix;
}

/** Whether the block's terms are meant for a vocabulary other than schema.org alone. */
export function usesForeignVocab(block: JsonLdBlock): boolean {
  return vocabMix(block) !== "schema";
}
