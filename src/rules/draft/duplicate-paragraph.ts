import { z } from "zod";
import type { Rule, RuleContext } from "../../engine/types.js";
import type { Lexeme } from "../../text/lexeme.js";
import type { Segment, Word } from "../../text/types.js";
import { charsHash } from "../../text/word-table.js";

const options = z.object({
  /** shingled Jaccard similarity at or above which two paragraphs are near-duplicates */
  threshold: z.number().min(0).max(1).default(0.8),
  /** paragraphs shorter than this (in words) are not compared */
  minWords: z.number().int().min(1).default(12),
  /** words per shingle */
  shingleSize: z.number().int().min(1).default(3),
});
export type DuplicateParagraphOptions = z.infer<typeof options>;

/** 30-bit FNV-1a of a word (the word table's hash): numbers compare faster than strings and need no lookup table. */
export function wordHash(norm: string): number {
  return charsHash(norm, 0, norm.length) & 0x3fffffff;
}

/** `wordHash` of a lexeme's norm, worked out once per distinct word of the run and kept on the lexeme. */
export function lexemeHash(lex: Lexeme): number {
  let h = lex.hash;
  if (h < 0) {
    h = wordHash(lex.norm);
    lex.hash = h;
  }
  return h;
}

/**
 * Which earlier paragraphs hold each shingle: an open-addressing table of shingle hashes whose
 * slots head a list of (paragraph, next) nodes. Adding a paragraph's shingles counts its overlap
 * with every earlier paragraph in one pass over the shingles, instead of sorting each paragraph's
 * set and merging it with every earlier one. Buffers are reused from article to article; a slot
 * belongs to the current article only when its stamp is the current generation.
 *
 * A slot's stamp, key and head sit side by side (four ints per slot), and so do a node's paragraph
 * and next: a probe touches one cache line instead of one per array, and the table outgrows L1.
 *
 * The buffers start big enough for 4,096 shingles (about as many prose words), which covers the
 * drafts copydesk sees: growing allocates at a `new` the optimised code has never seen run, and
 * that throws away the rule's compiled code (a 100 ms recompile in a fresh thread).
 */
export const START_SHINGLES = 4096;

/** log2 of the ints per table slot: stamp, key, head and one unused, so that no slot straddles a cache line */
const SLOT_SHIFT = 2;

class ShingleIndex {
  /** per slot: [stamp, key, head, unused]; a table at most half full */
  #table = new Int32Array((START_SHINGLES * 2) << SLOT_SHIFT);
  /** per node: [paragraph, next node or -1] */
  #nodes = new Int32Array(START_SHINGLES * 2);
  #count = 0;
  #generation = 0;

  /** Starts a new article whose paragraphs hold at most `shingles` shingles in all. */
  reset(shingles: number): void {
    if (shingles * 2 > this.#nodes.length) this.#grow(shingles);
    this.#count = 0;
    this.#generation++;
    if (this.#generation === 0x7fffffff) {
      this.#table.fill(0);
      this.#generation = 1;
    }
  }

  /** Room for `shingles`: a node for each, and a table at most half full. */
  #grow(shingles: number): void {
    const slots = 2 ** Math.ceil(Math.log2(shingles * 2));
    if (slots << SLOT_SHIFT > this.#table.length) this.#table = new Int32Array(slots << SLOT_SHIFT);
    this.#nodes = new Int32Array(shingles * 2);
  }

  /**
   * Adds shingle `h` of paragraph `unit` (paragraphs are added in order): adds 1 to `shared[j]` for
   * each earlier paragraph j holding it and returns true, or returns false when `unit` already holds it.
   */
  add(h: number, unit: number, shared: Int32Array): boolean {
    const table = this.#table;
    const nodes = this.#nodes;
    const generation = this.#generation;
    const last = table.length - (1 << SLOT_SHIFT);
    let at = ((h ^ (h >>> 15)) << SLOT_SHIFT) & last;
    while (table[at] === generation && table[at + 1] !== h) at = (at + (1 << SLOT_SHIFT)) & last;
    let head = -1;
    if (table[at] === generation) {
      head = table[at + 2]!;
      if (nodes[head << 1] === unit) return false;
      for (let n = head; n >= 0; n = nodes[(n << 1) + 1]!) shared[nodes[n << 1]!]!++;
    } else {
      table[at] = generation;
      table[at + 1] = h;
    }
    const node = this.#count++;
    nodes[node << 1] = unit;
    nodes[(node << 1) + 1] = head;
    table[at + 2] = node;
    return true;
  }
}

const index = new ShingleIndex();

/** An Int32Array of at least `length`, reused from article to article (its old contents are garbage). */
class Scratch {
  #buffer: Int32Array;
  constructor(length: number) {
    this.#buffer = new Int32Array(length);
  }
  get(length: number): Int32Array {
    if (length > this.#buffer.length) this.#buffer = new Int32Array(Math.max(length, this.#buffer.length * 2));
    return this.#buffer;
  }
}

// every slot is written before it is read (hashes of the compared paragraphs' words, sizes of earlier
// paragraphs, `shared` cleared per paragraph), so nothing is zeroed between articles; sized, like the
// index, so that the drafts copydesk sees never grow them
const hashScratch = new Scratch(START_SHINGLES * 2);
const sizeScratch = new Scratch(512);
const sharedScratch = new Scratch(512);

const PROSE: ReadonlySet<string> = new Set(["paragraph", "list-item", "faq-answer"]);

/**
 * Identical or near-identical paragraphs: models repeat a paragraph when a
 * section prompt overlaps the one before it. A FAQ that a reader exposes
 * both as body blocks and as FAQ items is one text (same source span), not
 * a duplicate; the FAQ copy inside JSON-LD is not visible text at all.
 */
export const duplicateParagraph: Rule<DuplicateParagraphOptions> = {
  meta: {
    id: "draft/duplicate-paragraph",
    description: "Identical or near-identical paragraphs repeat the same content.",
    severity: "warn",
    presets: ["recommended"],
    messages: {
      duplicate:
        'This paragraph repeats an earlier one ("{{excerpt}}…"). Delete it or rewrite it to add something new.',
      nearDuplicate:
        'This paragraph is {{percent}}% the same as an earlier one ("{{excerpt}}…"). Merge the two or make this one say something new.',
    },
    options,
  },
  check(ctx) {
    const { threshold, minWords, shingleSize } = ctx.options;
    const { words, segments } = ctx.text;
    const units = proseUnits(segments, minWords);
    if (units.length < 2) return;
    const hashes = hashUnits(words, units);
    /** distinct shingles per paragraph */
    const sizes = sizeScratch.get(units.length);
    /** shingles paragraph i shares with each earlier one */
    const shared = sharedScratch.get(units.length);
    for (let i = 0; i < units.length; i++) {
      const seg = units[i]!;
      shared.fill(0, 0, i);
      const a = addShingles(hashes, seg, Math.min(shingleSize, seg.wordCount), i, shared);
      sizes[i] = a;
      let best = 0;
      let match = -1;
      for (let j = 0; j < i; j++) {
        const b = sizes[j]!;
        // Jaccard is at most min/max: skip pairs whose sizes alone rule it out
        if (Math.min(a, b) / Math.max(a, b) < threshold) continue;
        const both = shared[j]!;
        const sim = both / (a + b - both);
        if (sim > best) {
          best = sim;
          match = j;
        }
      }
      if (match >= 0 && best >= threshold) reportDuplicate(ctx, words, seg, units[match]!, best);
    }
  },
};

// The check's parts are functions of their own: the hot loops are compiled on their own, early and
// small, and the check around them (run once per article) stays small when it is compiled.

/** The prose paragraphs long enough to compare, each text once (a FAQ shown twice is one span). */
function proseUnits(segments: readonly Segment[], minWords: number): Segment[] {
  const seen = new Set<number>();
  const units: Segment[] = [];
  for (const seg of segments) {
    if (!PROSE.has(seg.kind) || seg.wordCount < minWords || seen.has(seg.start)) continue;
    seen.add(seg.start);
    units.push(seg);
  }
  return units;
}

/** Readies the index for `units` and returns their words' hashes, by word index. */
function hashUnits(words: readonly Word[], units: readonly Segment[]): Int32Array {
  let total = 0;
  for (const seg of units) total += seg.wordCount;
  index.reset(total);
  const hashes = hashScratch.get(words.length);
  for (const seg of units) {
    for (let i = seg.firstWord; i < seg.firstWord + seg.wordCount; i++) hashes[i] = lexemeHash(words[i]!.lex);
  }
  return hashes;
}

/** Adds the `k`-word shingles of paragraph `unit` to the index; returns how many distinct ones it holds. */
function addShingles(hashes: Int32Array, seg: Segment, k: number, unit: number, shared: Int32Array): number {
  const n = seg.wordCount - k + 1;
  let distinct = 0;
  for (let s = 0; s < n; s++) {
    let h = 0;
    // collisions are rare and only make two shingles look alike
    for (let j = 0; j < k; j++) h = Math.imul(h ^ hashes[seg.firstWord + s + j]!, 0x01000193);
    if (index.add(h, unit, shared)) distinct++;
  }
  return distinct;
}

function reportDuplicate(
  ctx: RuleContext<DuplicateParagraphOptions>,
  words: readonly Word[],
  seg: Segment,
  match: Segment,
  best: number,
): void {
  const first = match.firstWord;
  const excerpt = words
    .slice(first, first + Math.min(6, match.wordCount))
    .map((w) => w.text)
    .join(" ");
  const identical = best === 1 && seg.wordCount === match.wordCount;
  ctx.report({
    messageId: identical ? "duplicate" : "nearDuplicate",
    data: { excerpt, percent: Math.floor(best * 100) },
    span: { start: seg.start, end: seg.end },
  });
}
