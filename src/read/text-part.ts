import type { Link } from "../model/article.js";
import type { TextPart } from "../model/span.js";

/** A verbatim part: `text` is exactly `src.slice(start, end)`. */
export function slicePart(src: string, start: number, end: number): TextPart {
  return { text: src.slice(start, end), span: { start, end } };
}

/** Narrows [start, end) to exclude surrounding whitespace. */
export function trimRange(src: string, start: number, end: number): [number, number] {
  while (start < end && isWs(src.charCodeAt(start))) start++;
  while (end > start && isWs(src.charCodeAt(end - 1))) end--;
  return [start, end];
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0xfeff;
}

/**
 * Builds a TextPart from pieces of source copied in order: `runs` are
 * [sourceStart, sourceEnd] ranges; `extra` text between them is allowed via
 * `pieces` of kind "text" (decoded characters with no source of their own).
 */
export class PartBuilder {
  /** the text up to the pending run */
  #text = "";
  /**
   * Source range copied last and not yet appended to `#text`: copies that continue it only move
   * its end, so a part copied in many adjacent pieces (word, space, word…) costs one slice.
   */
  #runStart = -1;
  #runEnd = -1;
  /**
   * The map, made only once the part stops being verbatim: until then it would be one run from
   * `#start` over the whole text, and most parts (a plain paragraph) are dropped with no map.
   */
  #map: Array<[number, number, number]> | undefined;
  #start = -1;
  #end = -1;
  #verbatim = true;
  #lastSrcEnd = -1;

  constructor(private readonly src: string) {}

  /** The map so far, made from the verbatim run when it does not exist yet (`length`: the text's so far). */
  #mapOf(length: number): Array<[number, number, number]> {
    this.#map ??= length > 0 ? [[0, this.#start, length]] : [];
    return this.#map;
  }

  /** Copies `src[start, end)` as is. */
  copy(start: number, end: number): void {
    if (end <= start) return;
    if (this.#start < 0) this.#start = start;
    const length = this.length;
    if (this.#lastSrcEnd >= 0 && start !== this.#lastSrcEnd) this.#verbatim = false;
    if (!this.#verbatim) {
      const map = this.#mapOf(length);
      const last = map[map.length - 1];
      if (last && last[0] + last[2] === length && last[1] + last[2] === start) last[2] += end - start;
      else map.push([length, start, end - start]);
    }
    if (this.#runEnd !== start) {
      this.#flush();
      this.#runStart = start;
    }
    this.#runEnd = end;
    this.#end = end;
    this.#lastSrcEnd = end;
  }

  /** Adds text decoded from `src[start, end)` (an entity, an escape). */
  decoded(text: string, start: number, end: number): void {
    if (this.#start < 0) this.#start = start;
    if (this.#verbatim) this.#mapOf(this.length);
    this.#verbatim = false;
    this.#flush();
    this.#text += text;
    this.#end = end;
    this.#lastSrcEnd = end;
  }

  #flush(): void {
    if (this.#runStart < 0) return;
    this.#text += this.src.slice(this.#runStart, this.#runEnd);
    this.#runStart = -1;
    this.#runEnd = -1;
  }

  get length(): number {
    return this.#text.length + (this.#runStart < 0 ? 0 : this.#runEnd - this.#runStart);
  }

  build(fallbackStart = 0): TextPart {
    this.#flush();
    const start = this.#start < 0 ? fallbackStart : this.#start;
    const end = this.#end < 0 ? start : this.#end;
    const part: TextPart = { text: this.#text, span: { start, end } };
    // only adjacent copies (verbatim) give exactly `src.slice(start, end)`: no map then
    if (!this.#verbatim) part.map = this.#mapOf(this.#text.length);
    return part;
  }
}

const INLINE = /\*\*|__|`|\[|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])/;
const MARKUP_CHAR = /[*_`[]/;

/**
 * Strips light Markdown inline markup from a bundle line (bold, italics, code
 * ticks, `[text](url)` links) keeping a map back to the source. Lines without
 * markup come back verbatim, with no map.
 */
export function stripInline(src: string, start: number, end: number): { part: TextPart; links: Link[] } {
  const line = src.slice(start, end);
  // INLINE's lookbehinds make a miss slow on long lines; it can only match where one of these characters is
  if (!MARKUP_CHAR.test(line) || !INLINE.test(line)) return { part: slicePart(src, start, end), links: [] };
  const b = new PartBuilder(src);
  const links: Link[] = [];
  let runStart = start;
  let i = start;
  while (i < end) {
    const c = src[i];
    if ((c === "*" || c === "_") && src[i + 1] === c) {
      b.copy(runStart, i);
      i += 2;
      runStart = i;
      continue;
    }
    if (
      c === "`" ||
      (c === "*" && (i === start || /\s|\W/.test(src[i - 1] as string) || /\s|\W/.test(src[i + 1] ?? " ")))
    ) {
      if (c === "*" && src[i + 1] === " ") {
        i++;
        continue;
      }
      b.copy(runStart, i);
      i++;
      runStart = i;
      continue;
    }
    if (c === "[") {
      const close = src.indexOf("](", i);
      const paren = close === -1 ? -1 : src.indexOf(")", close + 2);
      if (close !== -1 && close < end && paren !== -1 && paren < end) {
        b.copy(runStart, i);
        b.copy(i + 1, close);
        const linkText = src.slice(i + 1, close);
        links.push({ href: src.slice(close + 2, paren).trim(), text: linkText, span: { start: i, end: paren + 1 } });
        i = paren + 1;
        runStart = i;
        continue;
      }
    }
    i++;
  }
  b.copy(runStart, end);
  return { part: b.build(start), links };
}

/** Joins parts with "\n" between them, keeping each part's map runs (empty parts list: an empty part at `fallback`). */
export function joinParts(src: string, parts: TextPart[], fallback: number): TextPart {
  if (parts.length === 0) return { text: "", span: { start: fallback, end: fallback } };
  if (parts.length === 1) return parts[0] as TextPart;
  const b = new PartBuilder(src);
  parts.forEach((p, k) => {
    if (k > 0) b.decoded("\n", p.span.start, p.span.start);
    let t = 0;
    for (const [to, so, len] of p.map ?? [[0, p.span.start, p.text.length]]) {
      if (to > t) b.decoded(p.text.slice(t, to), so, so);
      b.copy(so, so + len);
      t = to + len;
    }
    if (t < p.text.length) b.decoded(p.text.slice(t), p.span.end, p.span.end);
  });
  return b.build(fallback);
}
