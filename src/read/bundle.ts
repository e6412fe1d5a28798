import { extractRegion } from "../jsonld/extract.js";
import { DEFAULT_MAX_NESTING, type RepairedRegion, repairSequence } from "../jsonld/repair.js";
import type { Article, Block, FaqItem, JsonLdBlock, JsonLdOrigin, Meta, ReadNote } from "../model/article.js";
import type { TextPart } from "../model/span.js";
import { assemble, isFaqHeading } from "./faq.js";
import { bomLength, type Line, splitLines } from "./lines.js";
import { noteRegions } from "./scripts.js";
import { joinParts, stripInline, trimRange } from "./text-part.js";

export interface BundleOptions {
  markers?: { start?: string; end?: string; single?: string[] };
  maxNesting?: number;
}

export const DEFAULT_MARKERS = {
  start: "===SCHEMA_JSON_START===",
  end: "===SCHEMA_JSON_END===",
  single: ["===SCHEMA_JSON==="],
};

type Kind = "hash" | "bold" | "q" | "a" | "item" | "plain";

/** A body line after the JSON regions are taken out, with what it looks like. */
interface BodyLine extends Line {
  kind: Kind;
  /** content range without the markup that gave the line its kind */
  cStart: number;
  cEnd: number;
  level: number;
  ordered: boolean;
}

const HASH = /^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const BOLD = /^(\*\*|__)(.+)\1:?$/;
const Q_LINE = /^(?:\*\*|__)?\s*(?:Q|Question)\s*\d*\s*[:.)]\s*/i;
const A_LINE = /^(?:\*\*|__)?\s*(?:A|Answer)\s*\d*\s*[:.)]\s*(?:\*\*|__)?\s*/i;
const ITEM = /^(?:([-*+•])|(\d{1,3})[.)])[ \t]+/;
/** A line that can continue a JSON value (brackets, strings, numbers, literals). */
const JSONISH_LINE = /^(?:[{}[\]"“”,:\d-]|(?:true|false|null)\b)/;
const FENCE = /^(```|~~~)[ \t]*([\w+-]*)/;

/** A short line without terminal punctuation: the shape of a heading or a title. */
export function headingLike(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 120) return false;
  if (/[.,;:!…]$/.test(t)) return false;
  if (!/\p{L}/u.test(t)) return false;
  return t.split(/\s+/).length <= 16;
}

function questionLike(text: string): boolean {
  const t = text.trim();
  return t.endsWith("?") && t.length <= 200;
}

/**
 * First characters a HASH, Q_LINE, A_LINE, BOLD or ITEM line can start with. The text is trimmed,
 * but `\s` also matches spaces `trimRange` keeps (em space, vertical tab…): those, and any other
 * non-ASCII character (• included), go through the patterns.
 */
function maybeMarked(c: number): boolean {
  return (
    c <= 0x20 ||
    c >= 0x7f ||
    c === 0x23 || // #
    c === 0x2a || // *
    c === 0x5f || // _
    c === 0x2d || // -
    c === 0x2b || // +
    (c >= 0x30 && c <= 0x39) ||
    c === 0x51 || // Q
    c === 0x71 || // q
    c === 0x41 || // A
    c === 0x61 // a
  );
}

function classify(src: string, line: Line): BodyLine {
  const [s, e] = trimRange(src, line.start, line.end);
  const base: BodyLine = {
    start: line.start,
    end: line.end,
    index: line.index,
    kind: "plain",
    cStart: s,
    cEnd: e,
    level: 0,
    ordered: false,
  };
  // most lines are prose starting with a letter none of the line patterns accepts: no slice, no regex
  if (!maybeMarked(src.charCodeAt(s))) return base;
  const text = src.slice(s, e);
  let m = HASH.exec(text);
  if (m) {
    const inner = (m[2] ?? "").trim();
    const cs = s + text.indexOf(inner, (m[1] ?? "").length);
    base.kind = "hash";
    base.level = (m[1] ?? "#").length;
    base.cStart = cs;
    base.cEnd = cs + inner.length;
    return base;
  }
  m = Q_LINE.exec(text);
  if (m) {
    base.kind = "q";
    base.cStart = s + m[0].length;
    if (/(\*\*|__)$/.test(text)) base.cEnd = e - 2;
    return base;
  }
  m = A_LINE.exec(text);
  if (m) {
    base.kind = "a";
    base.cStart = s + m[0].length;
    return base;
  }
  m = BOLD.exec(text);
  if (m && !/[.!]$/.test(m[2] ?? "")) {
    base.kind = "bold";
    base.cStart = s + 2;
    base.cEnd = s + 2 + (m[2] ?? "").length;
    return base;
  }
  m = ITEM.exec(text);
  if (m) {
    base.kind = "item";
    base.cStart = s + m[0].length;
    base.ordered = m[2] !== undefined;
  }
  return base;
}

interface Region {
  /** first and last line index (inclusive) taken out of the body */
  from: number;
  to: number;
}

/** Finds the JSON regions (leading objects, marker block, fenced json) and parses them. */
function readRegions(
  src: string,
  lines: Line[],
  opts: BundleOptions,
  notes: ReadNote[],
): { regions: Region[]; parsed: RepairedRegion[] } {
  const maxNesting = opts.maxNesting ?? DEFAULT_MAX_NESTING;
  const markers = {
    start: opts.markers?.start ?? DEFAULT_MARKERS.start,
    end: opts.markers?.end ?? DEFAULT_MARKERS.end,
    single: opts.markers?.single ?? DEFAULT_MARKERS.single,
  };
  const regions: Region[] = [];
  const parsed: RepairedRegion[] = [];
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lines[mid] as Line).start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const parseIn = (start: number, limit: number, origin: JsonLdOrigin) => {
    const found = repairSequence(src, start, limit, origin, maxNesting);
    parsed.push(...found);
    noteRegions(found, maxNesting, notes);
    return found;
  };

  // 1. objects at the top, up to the first line that cannot be JSON
  const first = lines.findIndex((l) => src.slice(l.start, l.end).trim() !== "");
  const firstLine = lines[first];
  if (firstLine) {
    const t = src.slice(firstLine.start, firstLine.end).trimStart();
    if (t.startsWith("{") || t.startsWith("[")) {
      let last = first;
      while (last + 1 < lines.length) {
        const next = lines[last + 1] as Line;
        const nt = src.slice(next.start, next.end).trim();
        if (nt !== "" && !JSONISH_LINE.test(nt)) break;
        last++;
      }
      const limit = (lines[last] as Line).end;
      const found = parseIn(firstLine.start + (src.slice(firstLine.start).search(/[{[]/) || 0), limit, "leading");
      const end = found.length ? (found[found.length - 1] as RepairedRegion).end : limit;
      regions.push({ from: first, to: lineAt(Math.max(firstLine.start, end - 1)) });
    }
  }

  // 2. marker blocks and fenced json, line by line
  for (let i = 0; i < lines.length; i++) {
    if (regions.some((r) => i >= r.from && i <= r.to)) continue;
    const line = lines[i] as Line;
    const t = src.slice(line.start, line.end).trim();
    const isStart = t === markers.start;
    const isSingle = markers.single.includes(t);
    const fence = FENCE.exec(t);
    if (isStart || isSingle) {
      let endLine = -1;
      if (isStart) {
        for (let j = i + 1; j < lines.length; j++) {
          const l = lines[j] as Line;
          if (src.slice(l.start, l.end).trim() === markers.end) {
            endLine = j;
            break;
          }
        }
        if (endLine === -1)
          notes.push({
            id: "read/missing-end-marker",
            message: `${markers.start} has no matching ${markers.end}; the JSON was read to its closing bracket`,
            span: { start: line.start, end: line.end },
            severity: "warn",
          });
      }
      const contentStart = line.end;
      const limit = endLine >= 0 ? (lines[endLine] as Line).start : src.length;
      const found = parseIn(contentStart, limit, "marker-block");
      let to = endLine;
      if (to < 0) {
        const last = found[found.length - 1];
        to = last ? lineAt(Math.max(contentStart, last.end - 1)) : i;
      }
      regions.push({ from: i, to });
      i = to;
    } else if (fence && /^(json|jsonld|json-ld|ld\+json|)$/i.test(fence[2] ?? "")) {
      let close = -1;
      for (let j = i + 1; j < lines.length; j++) {
        const l = lines[j] as Line;
        if (
          src
            .slice(l.start, l.end)
            .trim()
            .startsWith(fence[1] as string)
        ) {
          close = j;
          break;
        }
      }
      const limit = close >= 0 ? (lines[close] as Line).start : src.length;
      const body = src.slice(line.end, limit).trimStart();
      if (fence[2] === "" && !body.startsWith("{") && !body.startsWith("[")) continue; // an ordinary code fence
      if (close < 0)
        notes.push({
          id: "read/unclosed-fence",
          message: "a ```json fence is never closed",
          span: { start: line.start, end: line.end },
          severity: "warn",
        });
      parseIn(line.end, limit, "fenced");
      regions.push({ from: i, to: close >= 0 ? close : lines.length - 1 });
      i = close >= 0 ? close : lines.length;
    }
  }
  return { regions, parsed };
}

/** Joins lines into one TextPart (inline markup stripped). */
function joinLines(src: string, parts: Array<[number, number]>): TextPart {
  return joinParts(
    src,
    parts.map(([s, e]) => stripInline(src, s, e).part),
    parts[0]?.[0] ?? 0,
  );
}

/**
 * Reads the "bundle" layout language models produce: JSON-LD at the top
 * (typographic quotes, glued `}{`), a title line, plain-line or `#` headings,
 * one paragraph per line, FAQ as question/answer lines, and a schema block
 * between markers or in a ```json fence. The heading heuristic is documented
 * in docs/readers.md.
 */
export function readBundle(input: { path: string; text: string }, opts: BundleOptions = {}): Article {
  const src = input.text;
  const readNotes: ReadNote[] = [];
  const lines = splitLines(src, bomLength(src));
  const { regions, parsed } = readRegions(src, lines, opts, readNotes);
  const meta: Meta = {};
  const jsonld: JsonLdBlock[] = [];
  for (const r of parsed) jsonld.push(...extractRegion(src, r.block, meta));

  const inRegion = (i: number) => regions.some((r) => i >= r.from && i <= r.to);
  const body: BodyLine[] = [];
  // an index loop: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (inRegion(line.index)) continue;
    if (src.slice(line.start, line.end).trim() === "") continue;
    body.push(classify(src, line));
  }
  const textOf = (l: BodyLine) => src.slice(l.cStart, l.cEnd);
  const explicit = body.some((l) => (l.kind === "hash" && l.level >= 2) || l.kind === "bold");

  // the title: a leading `#` line, or a leading short bare or bold line
  let k = 0;
  let title: TextPart | undefined;
  const head = body[0];
  const titleShape =
    head &&
    ((head.kind === "hash" && head.level === 1) ||
      ((head.kind === "plain" || head.kind === "bold") && headingLike(textOf(head)) && !isFaqHeading(textOf(head))));
  if (head && titleShape) {
    title = stripInline(src, head.cStart, head.cEnd).part;
    k = 1;
  }

  // the FAQ: an FAQ heading, Q:/A: lines, or trailing question/answer pairs
  const faqQuestions = new Set<string>();
  for (const b of jsonld) collectQuestionNames(b.value, faqQuestions);
  const faqStart = findFaqStart(body, k, textOf, faqQuestions);

  const blocks: Block[] = [];
  for (let i = k; i < faqStart; i++) {
    const l = body[i] as BodyLine;
    const text = textOf(l);
    const next = body[i + 1];
    const span = { start: l.start, end: l.end };
    if (l.kind === "hash" || l.kind === "bold") {
      const level = (l.kind === "hash" ? l.level : 2) as 1 | 2 | 3 | 4 | 5 | 6;
      blocks.push({ kind: "heading", level, content: stripInline(src, l.cStart, l.cEnd).part, span });
    } else if (
      (l.kind === "plain" || (l.kind === "item" && l.ordered && lone(body, i))) &&
      !explicit &&
      headingLike(text) &&
      next !== undefined &&
      next.kind !== "item" &&
      !(next.kind === "plain" && headingLike(textOf(next)))
    ) {
      // a bare heading line, or a numbered one ("2. Choose a Pot") standing alone between paragraphs
      blocks.push({ kind: "heading", level: 2, content: stripInline(src, l.cStart, l.cEnd).part, span });
    } else if (l.kind === "item") {
      const items: TextPart[] = [];
      const ordered = l.ordered;
      let j = i;
      while (j < faqStart && (body[j] as BodyLine).kind === "item" && (body[j] as BodyLine).ordered === ordered) {
        const it = body[j] as BodyLine;
        items.push(stripInline(src, it.cStart, it.cEnd).part);
        j++;
      }
      blocks.push({ kind: "list", ordered, items, span: { start: l.start, end: (body[j - 1] as BodyLine).end } });
      i = j - 1;
    } else {
      const { part, links } = stripInline(src, l.cStart, l.cEnd);
      const p: Block = { kind: "paragraph", content: part, span: { start: l.cStart, end: l.cEnd } };
      if (links.length) p.links = links;
      blocks.push(p);
    }
  }

  const faq: FaqItem[] = [];
  let faqSpan: { start: number; end: number } | undefined;
  if (faqStart < body.length) {
    faqSpan = { start: (body[faqStart] as BodyLine).start, end: (body[body.length - 1] as BodyLine).end };
    let i = faqStart;
    const first = body[i] as BodyLine;
    if ((first.kind === "hash" || first.kind === "bold" || first.kind === "plain") && isFaqHeading(textOf(first))) i++;
    while (i < body.length) {
      const q = body[i] as BodyLine;
      const answers: Array<[number, number]> = [];
      let j = i + 1;
      while (j < body.length && !isQuestionLine(body[j] as BodyLine, textOf)) {
        const a = body[j] as BodyLine;
        answers.push([a.cStart, a.cEnd]);
        j++;
      }
      const question = stripInline(src, q.cStart, q.cEnd).part;
      const answer = answers.length ? joinLines(src, answers) : { text: "", span: { start: q.end, end: q.end } };
      faq.push({ question, answer, span: { start: q.start, end: (body[j - 1] as BodyLine).end } });
      i = j;
    }
  }

  return assemble(input, "bundle", {
    meta,
    blocks,
    faq,
    jsonld,
    readNotes,
    ...(title ? { title } : {}),
    ...(faqSpan ? { faqSpan } : {}),
  });
}

/** An ordered list item with no list item right before or after it. */
function lone(body: BodyLine[], i: number): boolean {
  return body[i - 1]?.kind !== "item" && body[i + 1]?.kind !== "item";
}

function isQuestionLine(l: BodyLine, textOf: (l: BodyLine) => string): boolean {
  if (l.kind === "q") return true;
  if (l.kind === "a") return false;
  if (l.kind === "item") return l.ordered && questionLike(textOf(l));
  return questionLike(textOf(l)) && (l.kind !== "plain" || headingLike(textOf(l)));
}

function collectQuestionNames(v: unknown, out: Set<string>): void {
  if (Array.isArray(v)) {
    for (const x of v) collectQuestionNames(x, out);
    return;
  }
  if (typeof v !== "object" || v === null) return;
  const o = v as Record<string, unknown>;
  if (o["@type"] === "Question" && typeof o.name === "string") out.add(o.name.trim());
  for (const key of ["mainEntity", "@graph", "faq_schema", "hasPart"]) if (key in o) collectQuestionNames(o[key], out);
}

/**
 * Index of the first FAQ line in `body` (body.length when there is no FAQ).
 * 1. an FAQ heading ("FAQ", "Frequently Asked Questions", …) starts it;
 * 2. else the first `Q:` line;
 * 3. else the earliest question line after which every line is a question or
 *    an answer (no heading-like line), with at least two questions, and either
 *    matching a question of the JSON-LD FAQPage or following a body section.
 */
function findFaqStart(body: BodyLine[], from: number, textOf: (l: BodyLine) => string, names: Set<string>): number {
  for (let i = from; i < body.length; i++) {
    const l = body[i] as BodyLine;
    if (l.kind !== "item" && l.kind !== "a" && isFaqHeading(textOf(l))) return i;
  }
  const q = body.findIndex((l, i) => i >= from && l.kind === "q");
  if (q !== -1) return q;
  // walk back from the end while lines are questions or answers
  let start = body.length;
  let questions = 0;
  let firstNamed = -1;
  for (let i = body.length - 1; i >= from; i--) {
    const l = body[i] as BodyLine;
    const t = textOf(l);
    if (isQuestionLine(l, textOf)) {
      questions++;
      start = i;
      if (names.has(t.trim())) firstNamed = i;
      continue;
    }
    if (l.kind === "hash" || l.kind === "bold" || (l.kind === "plain" && headingLike(t))) break;
  }
  if (start >= body.length || questions < 2) return body.length;
  // answers must follow the first question; lines before it are the body's last section
  if (firstNamed !== -1) return firstNamed;
  const hasSectionBefore = body.slice(from, start).some((l) => l.kind === "hash" || headingLike(textOf(l)));
  return hasSectionBefore ? start : body.length;
}
