import type { Lexeme } from "./lexeme.js";
import type { Word } from "./types.js";

/**
 * The scanner's word tokens, made by a constructor rather than an object literal: V8 tracks a
 * literal's allocation site and, once enough of its objects outlive a young-generation GC (an
 * article's words live as long as its check), starts allocating them straight in the old
 * generation. That decision throws the optimised scanner away (one more compile on every fresh
 * thread) and leaves every later article's words to the slower old-generation GC. Objects made by
 * `new` have no allocation site: they are always young and die young. Same fields, same order.
 */
export class WordToken implements Word {
  constructor(
    public start: number,
    public end: number,
    public text: string,
    public norm: string,
    public sentence: number,
    public lex: Lexeme,
  ) {}
}
