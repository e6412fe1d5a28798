import type { Word } from "../../text/types.js";
import { normWord, scanWords } from "../../text/words.js";
import { defineRole, rolesOf } from "../_word-roles.js";

/**
 * Finds word sequences ("delve into", "anti-inflammatory drugs") in the
 * text layer's word tokens with a trie built once per list, so a scan costs
 * one pass over the words however long the list is.
 *
 * Phrase syntax: words separated by spaces; `a|b` accepts either word;
 * `*` accepts any one word. Matching is on `Word.norm` (case-insensitive,
 * typographic apostrophes folded), words tokenised like the text layer.
 */
interface Node {
  next: Map<string, Node>;
  any?: Node;
  /** the phrase as configured, when a phrase ends here */
  phrase?: string;
}

export interface PhraseMatch {
  /** index of the first and last matched word in the word array */
  first: number;
  last: number;
  /** the configured phrase that matched */
  phrase: string;
}

function newNode(): Node {
  return { next: new Map() };
}

/** Normalises one configured word the way the text layer normalises `Word.norm`. */
function normToken(token: string): string {
  let out = "";
  scanWords(token, 0, token.length, (s, e) => {
    out = out ? `${out} ${token.slice(s, e)}` : token.slice(s, e);
  });
  return normWord(out);
}

export class PhraseMatcher {
  readonly #root = newNode();
  readonly size: number;
  /** the role of the words a phrase starts with (0: none given, ask the trie) */
  readonly #startRole: number;

  constructor(phrases: readonly string[]) {
    let size = 0;
    for (const phrase of phrases) {
      const tokens = phrase.trim().split(/\s+/).filter(Boolean);
      if (tokens.length === 0) continue;
      let level: Node[] = [this.#root];
      for (const token of tokens) {
        const nextLevel: Node[] = [];
        for (const node of level) {
          if (token === "*") {
            node.any ??= newNode();
            nextLevel.push(node.any);
            continue;
          }
          for (const alt of token.split("|")) {
            const key = normToken(alt);
            if (!key) continue;
            let child = node.next.get(key);
            if (!child) {
              child = newNode();
              node.next.set(key, child);
            }
            nextLevel.push(child);
          }
        }
        level = nextLevel;
      }
      for (const node of level) node.phrase ??= phrase;
      size++;
    }
    this.size = size;
    const root = this.#root;
    // a phrase starting with `*` (or an empty one) can start at any word: no role tells more
    this.#startRole =
      root.phrase === undefined && root.any === undefined ? defineRole((norm) => root.next.has(norm)) : 0;
  }

  /** Longest phrase starting at `words[i]` (not past `to`), or undefined. */
  matchAt(words: readonly Word[], i: number, to: number): PhraseMatch | undefined {
    if (this.#cannotStart(words, i, to)) return undefined;
    const end = this.#longest(this.#root, words, i, to);
    return end >= 0 ? { first: i, last: end - 1, phrase: this.#found } : undefined;
  }

  /** Whether no phrase can start at words[i]: most words open no phrase, and this settles them without the search. */
  #cannotStart(words: readonly Word[], i: number, to: number): boolean {
    const role = this.#startRole;
    if (role !== 0) return i >= to || (rolesOf(words[i]!.lex) & role) === 0;
    const root = this.#root;
    return root.phrase === undefined && root.any === undefined && (i >= to || !root.next.has(words[i]!.norm));
  }

  /** the phrase of the end `#longest` returned last (an instance field: the search allocates nothing) */
  #found = "";

  /**
   * End (exclusive word index) of the longest phrase from `node` on at `words[j]`, or -1; its phrase is
   * left in `#found`. Ties keep the phrase ending at this node, then the one via the word, then via `*`.
   */
  #longest(node: Node, words: readonly Word[], j: number, to: number): number {
    let end = -1;
    let phrase = "";
    if (node.phrase !== undefined) {
      end = j;
      phrase = node.phrase;
    }
    if (j < to) {
      const child = node.next.get(words[j]!.norm);
      if (child) {
        const viaWord = this.#longest(child, words, j + 1, to);
        if (viaWord > end) {
          end = viaWord;
          phrase = this.#found;
        }
      }
      if (node.any) {
        const viaAny = this.#longest(node.any, words, j + 1, to);
        if (viaAny > end) {
          end = viaAny;
          phrase = this.#found;
        }
      }
    }
    this.#found = phrase;
    return end;
  }

  /** Non-overlapping matches in words[from, to), leftmost-longest. */
  findAll(words: readonly Word[], from = 0, to = words.length): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    for (let i = from; i < to; i++) {
      const m = this.matchAt(words, i, to);
      if (m) {
        out.push(m);
        i = m.last;
      }
    }
    return out;
  }

  /** Whether any phrase occurs in words[from, to). */
  some(words: readonly Word[], from = 0, to = words.length): boolean {
    for (let i = from; i < to; i++)
      if (!this.#cannotStart(words, i, to) && this.#longest(this.#root, words, i, to) >= 0) return true;
    return false;
  }
}
