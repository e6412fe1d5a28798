import { decodeHTMLStrict } from "entities";
import { Lexer, type Token, Tokenizer, type Tokens } from "marked";
import { lastAtOrBelow } from "../model/span.js";

/**
 * The subset of the mdast tree the Markdown reader walks, built from marked's
 * lexer (six to seven times faster than micromark here). Node shapes, values and
 * offsets follow what mdast-util-from-markdown gives for the same source, so
 * the reader's output does not depend on which parser ran.
 */
export interface Pos {
  start: number;
  end: number;
}
export type MdInline =
  | { type: "text"; value: string; pos: Pos }
  | { type: "inlineCode"; value: string; pos: Pos }
  | { type: "break"; pos: Pos }
  | { type: "image"; url: string; alt: string; pos: Pos }
  | { type: "link"; url: string; children: MdInline[]; pos: Pos }
  | { type: "html"; pos: Pos }
  | { type: "strong" | "emphasis" | "linkReference"; children: MdInline[]; pos: Pos }
  | { type: "imageReference"; pos: Pos };
export interface MdParagraph {
  type: "paragraph";
  children: MdInline[];
  pos: Pos;
}
export interface MdHeading {
  type: "heading";
  depth: number;
  children: MdInline[];
  pos: Pos;
}
export interface MdList {
  type: "list";
  ordered: boolean;
  children: MdListItem[];
  pos: Pos;
}
export interface MdListItem {
  type: "listItem";
  children: MdBlock[];
  pos: Pos;
}
export type MdBlock =
  | MdParagraph
  | MdHeading
  | MdList
  | { type: "blockquote"; children: MdBlock[]; pos: Pos }
  | { type: "code"; lang: string | null; value: string; pos: Pos }
  | { type: "html"; pos: Pos }
  | { type: "yaml"; value: string; pos: Pos }
  | { type: "other"; pos: Pos };

/** Maps an offset in the text marked lexed (de-prefixed, CR-free) to an offset in the source. */
type Mapper = (offset: number) => number;

const FRONT_OPEN = /^---[ \t]*(?:\r\n|\r|\n)/;
const FRONT_CLOSE = /(^|\r\n|\r|\n)---[ \t]*(?=\r\n|\r|\n|$)/g;

/** Parses `src` (without BOM) into blocks with offsets into `src`. */
export function markdownTree(src: string): MdBlock[] {
  const out: MdBlock[] = [];
  let from = 0;
  const open = FRONT_OPEN.exec(src);
  if (open) {
    FRONT_CLOSE.lastIndex = open[0].length - 1;
    const close = FRONT_CLOSE.exec(src);
    if (close) {
      const valueStart = open[0].length;
      const valueEnd = Math.max(valueStart, close.index);
      const end = close.index + close[0].length;
      out.push({ type: "yaml", value: src.slice(valueStart, valueEnd), pos: { start: 0, end } });
      from = end;
    }
  }
  const rest = src.slice(from);
  const crlf = rest.includes("\r");
  const text = crlf ? rest.replace(/\r\n?/g, "\n") : rest;
  const map = crlf ? crMapper(rest, from) : (o: number) => o + from;
  const ctx: Ctx = { crlf, src };
  blocks(ctx, LEXER.lex(text), 0, map, out, text);
  return out;
}

interface Ctx {
  crlf: boolean;
  src: string;
}

/** The offset after the line ending at `p` in the source. */
function afterEol(src: string, p: number): number {
  return src.charCodeAt(p) === 13 && src.charCodeAt(p + 1) === 10 ? p + 2 : p + 1;
}

/** Puts the source's own line endings (CRLF or LF, line by line) back into a text value. */
function sourceEols(ctx: Ctx, value: string, start: number, end: number): string {
  const eols = ctx.src.slice(start, end).match(/\r\n|\r|\n/g) ?? [];
  let k = 0;
  return value.replace(/\n/g, () => eols[k++] ?? "\n");
}

/**
 * Characters at which marked's inline rules can start anything but plain text (`&` too, to stay
 * on the safe side); with the hard break `"  \n"`, inline text without them lexes to one text token.
 */
const INLINE_SYNTAX = /[\\<![`*_~&]/;

/**
 * Whether a line of `s` ends in `=` or `-` (then blanks): a setext heading's underline needs one.
 * Containers only strip line prefixes, so a text without such a line has none at any depth. Looked
 * for from each line end backwards, not with `/[=-][ \t]*(?:\n|$)/`, which stops at every hyphen.
 */
function mayUnderline(s: string): boolean {
  for (let eol = s.indexOf("\n"), from = 0; from <= s.length; eol = s.indexOf("\n", from)) {
    const end = eol < 0 ? s.length : eol;
    let i = end - 1;
    while (i >= from && (s.charCodeAt(i) === 0x20 || s.charCodeAt(i) === 0x09)) i--;
    if (i >= from && (s.charCodeAt(i) === 0x3d || s.charCodeAt(i) === 0x2d)) return true;
    if (eol < 0) break;
    from = eol + 1;
  }
  return false;
}

/**
 * A tokenizer without setext headings, for texts with no underline: marked tries its setext rule
 * before every paragraph, and that regex walks the whole paragraph (an eighth of the lexer's time).
 * Marked points the tokenizer at each lexer that uses it, so one serves every text in turn.
 */
const NO_SETEXT = Object.assign(new Tokenizer(), { lheading: () => undefined });

/**
 * `new Lexer().lex(s)`, except that inline text with no inline syntax becomes its single text token
 * without running marked's inline rules (most paragraphs of a draft are plain prose), and that the
 * setext rule is skipped when no line could underline a heading.
 */
export const LEXER = {
  lex(s: string): Token[] {
    const lexer = new Lexer(mayUnderline(s) ? { gfm: false } : { gfm: false, tokenizer: NO_SETEXT });
    lexer.blockTokens(s, lexer.tokens);
    for (const { src, tokens } of lexer.inlineQueue) {
      if (!INLINE_SYNTAX.test(src) && !src.includes("  \n")) {
        if (src !== "") tokens.push({ type: "text", raw: src, text: src });
        continue;
      }
      lexer.state.inRawBlock = false;
      lexer.inlineTokens(src, tokens);
    }
    lexer.inlineQueue = [];
    return lexer.tokens;
  },
};

/** CR-free offsets back to the source: each dropped `\r` of a CRLF shifts later offsets by one. */
function crMapper(src: string, base: number): Mapper {
  const dropped: number[] = []; // normalised offsets of the `\n` that followed each dropped `\r`
  for (let i = 0, k = 0; i < src.length; i++) {
    if (src.charCodeAt(i) === 13 && src.charCodeAt(i + 1) === 10) {
      dropped.push(i - k);
      k++;
    }
  }
  return (o) => {
    let lo = 0;
    let hi = dropped.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((dropped[mid] as number) < o) lo = mid + 1;
      else hi = mid;
    }
    return base + o + lo;
  };
}

/** Maps offsets in a container's de-prefixed text to offsets in its raw text, line by line. */
function lineMapper(raw: string, text: string, rawAt: number, outer: Mapper): Mapper {
  const rawLines = raw.split("\n");
  const textLines = text.split("\n");
  const starts: number[] = []; // text offset of each line start
  const shift: number[] = []; // raw offset minus text offset for that line
  let t = 0;
  let r = 0;
  for (let k = 0; k < textLines.length; k++) {
    const tl = textLines[k] as string;
    const rl = rawLines[k] ?? tl;
    const lead = rl.endsWith(tl) ? rl.length - tl.length : Math.max(0, rl.indexOf(tl));
    starts.push(t);
    shift.push(r + lead - t);
    t += tl.length + 1;
    r += rl.length + 1;
  }
  return (o) => outer(rawAt + o + (shift[lastAtOrBelow(starts, o)] as number));
}

/** Whether a UTF-16 unit is whitespace as `\s` and `trim` see it. */
function isJsSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

// counted with loops, not trim/replace: these run on every token and text run, and a regex
// anchored at the end (`\s+$`) is tried from every whitespace of a long paragraph
/** Length of the leading whitespace (what `trimStart` removes). */
const leadWs = (s: string) => {
  let i = 0;
  while (i < s.length && isJsSpace(s.charCodeAt(i))) i++;
  return i;
};
/** Number of trailing `\n`. */
const trailNl = (s: string) => {
  let i = s.length;
  while (i > 0 && s.charCodeAt(i - 1) === 10) i--;
  return s.length - i;
};
/** Length without the trailing whitespace (what `s.replace(/\s+$/, "")` keeps). */
const trimmedEnd = (s: string) => {
  let i = s.length;
  while (i > 0 && isJsSpace(s.charCodeAt(i - 1))) i--;
  return i;
};
/** Length without trailing spaces, tabs and `\n`. */
const trimmedBlanks = (s: string) => {
  let i = s.length;
  for (let c = s.charCodeAt(i - 1); i > 0 && (c === 0x20 || c === 0x09 || c === 0x0a); c = s.charCodeAt(i - 1)) i--;
  return i;
};

/** `text` is the string the tokens were lexed from, `at` the first token's offset in it. */
function blocks(ctx: Ctx, tokens: Token[], at: number, map: Mapper, out: MdBlock[], text: string): void {
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    const b = block(ctx, t, at, map, text);
    if (b) out.push(b);
    at += t.raw.length;
  }
}

function block(ctx: Ctx, t: Token, at: number, map: Mapper, text: string): MdBlock | undefined {
  const raw = t.raw;
  const start = at + leadWs(raw);
  switch (t.type) {
    case "space":
    case "def":
      return undefined;
    case "paragraph":
    case "text": {
      const p = t as Tokens.Paragraph;
      if (!p.tokens) return undefined;
      // mdast's paragraph keeps its last line's trailing blanks, which marked leaves out of list items
      let end = map(at + raw.length - trailNl(raw));
      while (ctx.src[end] === " " || ctx.src[end] === "\t") end++;
      return { type: "paragraph", children: inline(ctx, p.tokens, at, map, true), pos: { start: map(start), end } };
    }
    case "heading": {
      const h = t as Tokens.Heading;
      const hashes = /^ {0,3}#{1,6}[ \t]*/.exec(raw);
      const textAt = at + (hashes ? raw.indexOf(h.text, hashes[0].length) : raw.indexOf(h.text));
      return {
        type: "heading",
        depth: h.depth,
        children: inline(ctx, h.tokens, textAt, map, true),
        pos: { start: map(start), end: map(at + raw.length - trailNl(raw)) },
      };
    }
    case "list": {
      const l = t as Tokens.List;
      const items: MdListItem[] = [];
      let k = at;
      for (let j = 0; j < l.items.length; j++) {
        const item = l.items[j] as Tokens.ListItem;
        items.push(listItem(ctx, item, k, map, text));
        k += item.raw.length;
      }
      const first = items[0];
      const last = items[items.length - 1];
      return {
        type: "list",
        ordered: l.ordered,
        children: items,
        pos: { start: first ? first.pos.start : map(start), end: last ? last.pos.end : map(start) },
      };
    }
    case "blockquote": {
      const q = t as Tokens.Blockquote;
      const inner = lineMapper(raw, q.text, at, map);
      const children: MdBlock[] = [];
      blocks(ctx, q.tokens, 0, inner, children, q.text);
      // its last paragraph may keep trailing blanks that the raw quote's trimmed end drops
      const end = Math.max(map(at + trimmedEnd(raw)), children[children.length - 1]?.pos.end ?? 0);
      return { type: "blockquote", children, pos: { start: map(start), end } };
    }
    case "code": {
      const c = t as Tokens.Code;
      const lang = c.codeBlockStyle === "indented" ? null : (c.lang ?? "").trim().split(/\s+/)[0] || null;
      const s = c.codeBlockStyle === "indented" ? at : start;
      // an unclosed fence runs to the end of the document, line ending included (as in mdast)
      const end =
        c.codeBlockStyle === "indented" || closedFence(raw) ? at + raw.length - trailNl(raw) : at + raw.length;
      return { type: "code", lang, value: c.text, pos: { start: map(s), end: map(end) } };
    }
    case "html": {
      // like an unclosed fence, a script/pre/style/comment block that never closes runs to the end, line ending included
      const end = unclosedHtml(raw) ? at + raw.length : at + raw.length - trailNl(raw);
      return { type: "html", pos: { start: map(start), end: map(end) } };
    }
    default:
      return { type: "other", pos: { start: map(start), end: map(at + trimmedEnd(raw)) } };
  }
}

function listItem(ctx: Ctx, item: Tokens.ListItem, at: number, map: Mapper, text: string): MdListItem {
  const raw = item.raw;
  const start = map(at + leadWs(raw));
  const inner = lineMapper(raw, item.text, at, map);
  const children: MdBlock[] = [];
  blocks(ctx, item.tokens, 0, inner, children, item.text);
  const last = children[children.length - 1];
  // an empty item ends after its marker's trailing blanks, which marked may leave to the next token
  let empty = at + raw.length - trailNl(raw);
  while (text[empty] === " " || text[empty] === "\t") empty++;
  const end = last ? last.pos.end : map(empty);
  return { type: "listItem", children, pos: { start, end } };
}

function closedFence(raw: string): boolean {
  const lines = raw.replace(/\n+$/, "").split("\n");
  const open = /^ {0,3}(`{3,}|~{3,})/.exec(lines[0] as string)?.[1] as string;
  const close =
    lines.length > 1 ? /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[lines.length - 1] as string)?.[1] : undefined;
  return close !== undefined && close[0] === open[0] && close.length >= open.length;
}

/** CommonMark HTML blocks of kinds 1-5 end only at their closing marker, not at a blank line. */
function unclosedHtml(raw: string): boolean {
  const open = /^ {0,3}<(?:(script|pre|style|textarea)(?=[\s>]|$)|(!--)|(\?)|(!\[CDATA\[)|(![a-z]))/i.exec(raw);
  if (!open) return false;
  const rest = raw.slice(open[0].length);
  if (open[1]) return !/<\/(?:script|pre|style|textarea)>/i.test(rest);
  if (open[2]) return !rest.includes("-->");
  if (open[3]) return !rest.includes("?>");
  if (open[4]) return !rest.includes("]]>");
  return !rest.includes(">");
}

const ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi;
function decodeEntities(s: string): string {
  return s.includes("&") ? s.replace(ENTITY, (m) => decodeHTMLStrict(m)) : s;
}

/**
 * Adjacent text and escape tokens becoming one text node. Their raw texts stay pieces: joined, they
 * made a cons string that the whitespace counts below flattened into one more copy of the paragraph.
 */
interface Run {
  /** where the run's node sits in the output */
  index: number;
  start: number;
  end: number;
  value: string;
  raws: string[];
}

/** Holds a run's place in the output until the run's node is built. */
const PENDING: MdInline = { type: "text", value: "", pos: { start: 0, end: 0 } };

/** `leadWs` of the joined pieces. */
function leadWsOf(raws: string[]): number {
  let n = 0;
  for (let j = 0; j < raws.length; j++) {
    const p = raws[j] as string;
    const k = leadWs(p);
    n += k;
    if (k < p.length) break;
  }
  return n;
}

/** Length of the trailing whitespace of the joined pieces (what `trimmedEnd` drops). */
function trailWsOf(raws: string[]): number {
  let n = 0;
  for (let k = raws.length - 1; k >= 0; k--) {
    const p = raws[k] as string;
    const w = p.length - trimmedEnd(p);
    n += w;
    if (w < p.length) break;
  }
  return n;
}

/** Length of the joined pieces' trailing `\n[ \t]*` (0 when they do not end in a line break and blanks). */
function trailingBreakOf(raws: string[]): number {
  let n = 0;
  for (let k = raws.length - 1; k >= 0; k--) {
    const p = raws[k] as string;
    let i = p.length;
    while (i > 0 && (p.charCodeAt(i - 1) === 0x20 || p.charCodeAt(i - 1) === 0x09)) i--;
    n += p.length - i;
    if (i > 0) return p.charCodeAt(i - 1) === 10 ? n + 1 : 0;
  }
  return 0;
}

/** Converts inline tokens; adjacent text and escapes merge into one text node as in mdast. */
function inline(ctx: Ctx, tokens: Token[], at: number, map: Mapper, edges: boolean): MdInline[] {
  const out: MdInline[] = [];
  let run: Run | undefined;
  const runs: Run[] = [];
  const flush = () => {
    if (!run) return;
    run.index = out.length;
    runs.push(run);
    out.push(PENDING);
    run = undefined;
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    const raw = t.raw;
    const s = at;
    const e = at + raw.length;
    at = e;
    switch (t.type) {
      case "text":
      case "escape": {
        const v = t.type === "escape" ? (t as Tokens.Escape).text : decodeEntities(raw);
        if (run) {
          run.end = e;
          run.value += v;
          run.raws.push(raw);
        } else run = { index: 0, start: s, end: e, value: v, raws: [raw] };
        continue;
      }
    }
    flush();
    switch (t.type) {
      case "br": {
        const nl = raw.indexOf("\n");
        out.push({ type: "break", pos: { start: map(s), end: afterEol(ctx.src, map(s + nl)) } });
        break;
      }
      case "codespan":
        out.push({ type: "inlineCode", value: (t as Tokens.Codespan).text, pos: { start: map(s), end: map(e) } });
        break;
      case "strong":
      case "em": {
        const inner = (t as Tokens.Strong).text;
        const mark = (raw.length - inner.length) >> 1;
        out.push({
          type: t.type === "em" ? "emphasis" : "strong",
          children: inline(ctx, (t as Tokens.Strong).tokens, s + mark, map, false),
          pos: { start: map(s), end: map(e) },
        });
        break;
      }
      case "link": {
        const l = t as Tokens.Link;
        const pos = { start: map(s), end: map(e) };
        if (raw.startsWith("<")) {
          out.push({
            type: "link",
            url: l.href,
            children: [{ type: "text", value: l.text, pos: { start: map(s + 1), end: map(e - 1) } }],
            pos,
          });
          break;
        }
        const children = inline(ctx, l.tokens, s + 1, map, false);
        if (raw.endsWith(")")) out.push({ type: "link", url: decodeEntities(l.href), children, pos });
        else out.push({ type: "linkReference", children, pos });
        break;
      }
      case "image": {
        const im = t as Tokens.Image;
        const pos = { start: map(s), end: map(e) };
        if (!raw.endsWith(")")) {
          out.push({ type: "imageReference", pos });
          break;
        }
        const alt = plain(inline(ctx, im.tokens ?? [], s + 2, map, false));
        out.push({ type: "image", url: decodeEntities(im.href), alt, pos });
        break;
      }
      default:
        out.push({ type: "html", pos: { start: map(s), end: map(e) } });
    }
  }
  flush();
  // fill the text runs now that we know which are first/last in the paragraph
  const drop: number[] = [];
  for (let k = 0; k < runs.length; k++) {
    const r = runs[k] as Run;
    const idx = r.index;
    let { start, end, value } = r;
    if (value.includes("\n")) value = value.replace(/[ \t]*\n[ \t]*/g, "\n");
    if (edges && idx === 0) {
      const n = leadWs(value);
      if (n > 0) value = value.slice(n);
      start += leadWsOf(r.raws);
    }
    if (edges && idx === out.length - 1) {
      value = value.slice(0, trimmedBlanks(value));
      end = r.end - trailWsOf(r.raws);
    }
    // a run ending in a line break stops right after it: what follows is the next line's prefix
    const tail = edges && idx === out.length - 1 ? 0 : trailingBreakOf(r.raws);
    const pos = { start: map(start), end: tail > 0 ? afterEol(ctx.src, map(end - tail)) : map(end) };
    if (value === "") {
      drop.push(idx);
      continue;
    }
    if (ctx.crlf && value.includes("\n")) value = sourceEols(ctx, value, pos.start, pos.end);
    out[idx] = { type: "text", value, pos };
  }
  for (let k = drop.length - 1; k >= 0; k--) out.splice(drop[k] as number, 1);
  return out;
}

/** The plain text of inline nodes (mdast's toString), for image alt text. */
function plain(nodes: MdInline[]): string {
  let s = "";
  for (const n of nodes) {
    if (n.type === "text" || n.type === "inlineCode") s += n.value;
    else if (n.type === "image") s += n.alt;
    else if ("children" in n) s += plain(n.children);
  }
  return s;
}
