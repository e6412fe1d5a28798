import type { Position, Span, TextPart } from "./span.js";

export type SourceFormat = "bundle" | "markdown" | "html" | "json";

/** Which step of the JSON-LD repair ladder produced the parsed value. */
export type RepairStep = "strict" | "prepass" | "prepass+jsonrepair" | "jsonrepair";

export interface Source {
  path: string;
  text: string;
  format: SourceFormat;
}

/** Article metadata; every field remembers where it was written. */
export interface Meta {
  title?: TextPart;
  description?: TextPart;
  focusKeyword?: TextPart;
  slug?: TextPart;
  canonical?: TextPart;
  lang?: TextPart;
  datePublished?: TextPart;
  dateModified?: TextPart;
  lastReviewed?: TextPart;
  author?: TextPart;
  reviewer?: TextPart;
  image?: TextPart;
}

export interface Link {
  href: string;
  text: string;
  span: Span;
  rel?: string;
}

export interface Image {
  src: string;
  alt?: string;
  span: Span;
}

export interface HeadingBlock {
  kind: "heading";
  level: 1 | 2 | 3 | 4 | 5 | 6;
  content: TextPart;
  span: Span;
}

export interface ParagraphBlock {
  kind: "paragraph";
  content: TextPart;
  span: Span;
  links?: Link[];
}

export interface ListBlock {
  kind: "list";
  ordered: boolean;
  items: TextPart[];
  span: Span;
}

export interface QuoteBlock {
  kind: "quote";
  content: TextPart;
  span: Span;
}

export interface ImageBlock {
  kind: "image";
  image: Image;
  span: Span;
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | QuoteBlock | ImageBlock;

export interface FaqItem {
  question: TextPart;
  answer: TextPart;
  span: Span;
}

/** Where a JSON-LD block was found in the draft. */
export type JsonLdOrigin =
  | "leading" // objects at the top of a bundle, possibly glued as `}{`
  | "marker-block" // inside ===SCHEMA_JSON_START=== … END (or ===SCHEMA_JSON===)
  | "fenced" // a ```json fenced block
  | "script" // <script type="application/ld+json">
  | "front-matter" // a `schema`/`jsonld` key in YAML front matter
  | "model"; // carried in a JSON model file

export interface JsonLdBlock {
  /** span of the raw text that was parsed (the whole object, braces included) */
  span: Span;
  origin: JsonLdOrigin;
  /** the parsed value (object or array); undefined when nothing could be recovered */
  value: unknown;
  repair: RepairStep | "failed";
  /**
   * Source spans of values inside the block, keyed by JSON Pointer
   * ("/author/name"; "" is the root). Keys of object members are at "<pointer>#key".
   * Lets diagnostics point into the original text even after quote repair.
   */
  pointers: Record<string, Span>;
  /** one line per thing the repair changed, for `inspect` and `jsonld/syntax` */
  notes: string[];
  /** where the block stood in the draft it was first read from (set when carried through a JSON model file) */
  position?: Position;
}

/** A problem found while reading (not a rule diagnostic): reported as `read/…`. */
export interface ReadNote {
  id: string;
  message: string;
  span: Span;
  severity: "error" | "warn" | "info";
  /** where the note pointed in the draft it was first read from (set when carried through a JSON model file) */
  position?: Position;
}

export interface Article {
  source: Source;
  /** the format the article was first written in (kept through the JSON model round trip) */
  format: SourceFormat;
  lang?: string;
  title?: TextPart;
  meta: Meta;
  /** body in reading order: headings (the title is not repeated here), paragraphs, lists */
  blocks: Block[];
  faq: FaqItem[];
  /** the span of the visible FAQ section, heading included, when there is one */
  faqSpan?: Span;
  jsonld: JsonLdBlock[];
  /** problems met while reading (truncated JSON, missing END marker, …) */
  readNotes: ReadNote[];
  /** every link in the body, in order (Markdown and HTML readers; bundle links too) */
  links?: Link[];
  /** every image in the body, in order */
  images?: Image[];
}
