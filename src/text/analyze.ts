import type { Article } from "../model/article.js";
import type { TextPart } from "../model/span.js";
import { charClass, MAY_JOIN, TOKEN_GAP, WORD_CHAR } from "./char-class.js";
import { HealthTally, rememberHealthTally } from "./health-detect.js";
import { detectLanguageOfWords, primaryLanguage } from "./language.js";
import { sentenceBounds } from "./sentences.js";
import type { Segment, SegmentKind, Sentence, TextAnalysis, Word } from "./types.js";
import { internWord } from "./word-table.js";
import { WordToken } from "./word-token.js";
import { joinsAt } from "./words.js";

/**
 * Maps text offsets of one part to source offsets. Queries come in increasing
 * order, so a cursor over the part's runs keeps mapping linear overall.
 */
class OffsetMapper {
  #run = 0;
  readonly #map: ReadonlyArray<readonly [number, number, number]>;
  readonly #start: number;
  readonly #end: number;
  constructor(part: TextPart) {
    this.#map = part.map ?? [];
    this.#start = part.span.start;
    this.#end = part.span.end;
  }

  /** Source offset of a range end: at a run boundary, the end of the earlier run. */
  map(offset: number): number {
    return this.#find(offset, false);
  }

  /** Source offset of a range start: at a run boundary, the start of the later run ("**bold**" starts at "b"). */
  mapStart(offset: number): number {
    return this.#find(offset, true);
  }

  #find(offset: number, preferNext: boolean): number {
    const map = this.#map;
    const n = map.length;
    if (n === 0) return this.#start + offset;
    let r = this.#run;
    // Same semantics as sourceOffset(): inside a run map linearly, between runs go to the next run's start.
    while (r < n) {
      const run = map[r] as readonly [number, number, number];
      const t = run[0];
      if (offset < t) {
        this.#run = r;
        return run[1];
      }
      const end = t + run[2];
      if (
        offset < end ||
        (offset === end && !(preferNext && r + 1 < n && (map[r + 1] as readonly number[])[0] === offset))
      ) {
        this.#run = r;
        return run[1] + (offset - t);
      }
      r++;
    }
    this.#run = r;
    return this.#end;
  }
}

/** Fewer chars per word than any English text averages, so `words` is rarely grown past its first size. */
const CHARS_PER_WORD_LOW = 5;

/** A visible part and where it sits; `level` and `item` are -1 where they do not apply (one shape for all). */
interface PartRef {
  kind: SegmentKind;
  index: number;
  part: TextPart;
  level: number;
  item: number;
}

function partRef(kind: SegmentKind, index: number, part: TextPart, level = -1, item = -1): PartRef {
  return { kind, index, part, level, item };
}

function visibleParts(article: Article): PartRef[] {
  const parts: PartRef[] = [];
  if (article.title) parts.push(partRef("title", -1, article.title));
  const { blocks, faq } = article;
  for (let index = 0; index < blocks.length; index++) {
    const b = blocks[index] as Article["blocks"][number];
    switch (b.kind) {
      case "heading":
        parts.push(partRef("heading", index, b.content, b.level));
        break;
      case "paragraph":
      case "quote":
        parts.push(partRef("paragraph", index, b.content));
        break;
      case "list":
        for (let item = 0; item < b.items.length; item++)
          parts.push(partRef("list-item", index, b.items[item] as TextPart, -1, item));
        break;
      case "image":
        break;
    }
  }
  for (let index = 0; index < faq.length; index++) {
    const f = faq[index] as Article["faq"][number];
    parts.push(partRef("faq-question", index, f.question));
    parts.push(partRef("faq-answer", index, f.answer));
  }
  return parts;
}

function declaredLanguage(article: Article): { lang: string; source: TextAnalysis["langSource"] } | undefined {
  if (article.lang?.trim()) return { lang: primaryLanguage(article.lang), source: "article" };
  const meta = article.meta.lang?.text;
  if (meta?.trim()) return { lang: primaryLanguage(meta), source: "meta" };
  return undefined;
}

/** Builds the shared text layer for an article (once; the engine caches it per article). */
export function analyzeText(article: Article): TextAnalysis {
  const parts = visibleParts(article);
  const declared = declaredLanguage(article);
  // Sentence rules hardly differ between the languages we detect; segment first, detect from the words after.
  const segLang = declared?.lang || "en";
  // Sized from the text (English averages ~6 chars a word with its gap) and cut to the count at the
  // end: growing by push would allocate and copy the array ~3 times its final size over.
  let chars = 0;
  for (const ref of parts) chars += ref.part.text.length;
  const words = wordArray(Math.ceil(chars / CHARS_PER_WORD_LOW));
  let wordCount = 0;
  const sentences: Sentence[] = [];
  const segments: Segment[] = [];
  // sentence start, end pairs, and scratch space for the splitter: appended to part after part (emptying
  // an array frees its store, so each part would grow it anew)
  const bounds: number[] = [];
  const scratch: number[] = [];
  // health detection's token counts, gathered word by word on the way (see HealthTally)
  const health = new HealthTally();

  for (const ref of parts) {
    const { part } = ref;
    const text = part.text;
    const mapper = new OffsetMapper(part);
    health.beginPart(text.length);
    const segment: Segment = {
      kind: ref.kind,
      index: ref.index,
      start: part.span.start,
      end: part.span.end,
      firstSentence: sentences.length,
      sentenceCount: 0,
      firstWord: wordCount,
      wordCount: 0,
    };
    if (ref.level !== -1) segment.level = ref.level;
    if (ref.item !== -1) segment.item = ref.item;
    const segIndex = segments.length;
    segments.push(segment);
    // A heading or title is one sentence even when it holds a "?" or a colon.
    const firstBound = bounds.length;
    if (ref.kind === "heading" || ref.kind === "title") trimmedWhole(text, bounds);
    else sentenceBounds(text, segLang, bounds, scratch);
    for (let b = firstBound; b < bounds.length; b += 2) {
      const s = bounds[b] as number;
      const e = bounds[b + 1] as number;
      const sentence: Sentence = {
        start: mapper.mapStart(s),
        end: 0,
        text: text.slice(s, e),
        firstWord: wordCount,
        wordCount: 0,
        segment: segIndex,
      };
      wordCount = scanWords(text, s, e, mapper, sentences.length, words, wordCount, health);
      sentence.end = mapper.map(e);
      sentence.wordCount = wordCount - sentence.firstWord;
      sentences.push(sentence);
    }
    health.endPart(text);
    segment.sentenceCount = sentences.length - segment.firstSentence;
    segment.wordCount = wordCount - segment.firstWord;
  }
  words.length = wordCount;

  const hasTitle = segments[0]?.kind === "title";
  const body = {
    segment: hasTitle ? 1 : 0,
    sentence: hasTitle ? (segments[0] as Segment).sentenceCount : 0,
    word: hasTitle ? (segments[0] as Segment).wordCount : 0,
  };

  let lang = declared?.lang;
  let langSource: TextAnalysis["langSource"] = declared?.source ?? "default";
  if (!lang) {
    const detected = detectLanguageOfWords(words);
    lang = detected ?? "en";
    langSource = detected ? "detected" : "default";
  }
  const analysis: TextAnalysis = { lang, langSource, words, sentences, segments, body };
  rememberHealthTally(analysis, health);
  return analysis;
}

/**
 * Writes the words of the sentence text[s, e) to `words` from index `n` on,
 * returns the index after them, and counts them in `health`, in one pass over its chars: the
 * words, each hashed while its end is found, and the chars between them checked for one that may
 * join two words into one health token. Every char, ASCII or not, is classed by one table load
 * (char-class.ts), so no branch waits for unusual text to deoptimise the compiled loop.
 */
function scanWords(
  text: string,
  s: number,
  e: number,
  mapper: OffsetMapper,
  sentence: number,
  words: Word[],
  n: number,
  health: HealthTally,
): number {
  let i = s;
  // the class bits of every char between words, for TOKEN_GAP
  let gaps = 0;
  for (;;) {
    let c = 0;
    let k = 0;
    // the gap before the next word
    for (; i < e; i++) {
      c = text.charCodeAt(i);
      k = charClass(c);
      if ((k & WORD_CHAR) !== 0) break;
      gaps |= k;
    }
    if (i >= e) break;
    const start = i;
    let h = Math.imul(0x811c9dc5 ^ c, 0x01000193);
    for (i++; i < e; i++) {
      c = text.charCodeAt(i);
      k = charClass(c);
      if ((k & WORD_CHAR) !== 0 || ((k & MAY_JOIN) !== 0 && i + 1 < e && joinsAt(text, start, i)))
        h = Math.imul(h ^ c, 0x01000193);
      else break;
    }
    const entry = internWord(text, start, i, h);
    health.word(entry);
    words[n++] = new WordToken(mapper.mapStart(start), mapper.map(i), entry.raw, entry.norm, sentence, entry.lex);
  }
  health.tokenAcrossWords(gaps & TOKEN_GAP);
  return n;
}

/**
 * `size` empty slots that hold objects from the start: a fresh `new Array(size)` holds small
 * integers until its first word, so every article's first store changed its map, which threw the
 * scanner's optimised code away.
 */
function wordArray(size: number): Word[] {
  const words = new Array<Word>(size + 1);
  words[0] = undefined as unknown as Word;
  return words;
}

/** Appends the bounds of `text` trimmed, unless that leaves nothing. */
function trimmedWhole(text: string, bounds: number[]): void {
  let s = 0;
  let e = text.length;
  while (s < e && text.charCodeAt(s) <= 32) s++;
  while (e > s && text.charCodeAt(e - 1) <= 32) e--;
  if (s < e) bounds.push(s, e);
}
