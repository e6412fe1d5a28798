import { Lexer, type Token } from "marked";
import { describe, expect, it } from "vitest";
import { LEXER } from "./markdown-tree.js";

/** What the tree builder reads of a token: its type and raw text, and the same of its children. */
function shape(tokens: Token[]): unknown[] {
  return tokens.map((t) => {
    const kids = "tokens" in t && t.tokens ? shape(t.tokens) : undefined;
    const items = t.type === "list" ? t.items.map((i: Token) => shape([i])) : undefined;
    return [t.type, t.raw, kids, items];
  });
}

describe("the Markdown lexer's plain-text shortcut", () => {
  it("gives the tokens marked gives, on random text full of inline syntax", () => {
    const alphabet = [
      "a",
      "b ",
      " ",
      "  ",
      "\n",
      "\n\n",
      "*",
      "_",
      "[",
      "]",
      "(",
      ")",
      "!",
      "<",
      ">",
      "`",
      "&",
      "~",
      "\\",
      "# ",
      "- ",
      "1. ",
      "> ",
      "amp;",
      "x.com",
    ];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 2000; k++) {
      let s = "";
      const len = 1 + rand(40);
      for (let j = 0; j < len; j++) s += alphabet[rand(alphabet.length)];
      expect(shape(LEXER.lex(s)), JSON.stringify(s)).toEqual(shape(new Lexer({ gfm: false }).lex(s)));
    }
  });

  it("gives marked's tokens with and without setext underlines, in lists and quotes too", () => {
    const pieces = [
      "Text",
      " words",
      "\n",
      "\n\n",
      "=",
      "==",
      "-",
      "---",
      " ",
      "\t",
      "- ",
      "  ",
      "> ",
      "1. ",
      "# ",
      "*",
    ];
    let seed = 11;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return (seed >>> 16) % n; // the high bits: the low ones of this generator cycle fast
    };
    const setext = (ts: Token[]): boolean =>
      ts.some(
        (t) =>
          (t.type === "heading" && t.raw.includes("\n")) ||
          ("tokens" in t && t.tokens && setext(t.tokens)) ||
          (t.type === "list" && setext(t.items)),
      );
    let plain = 0;
    let headings = 0;
    for (let k = 0; k < 3000; k++) {
      let s = "";
      const len = 1 + rand(30);
      for (let j = 0; j < len; j++) s += pieces[rand(pieces.length)];
      if (!/[=-][ \t]*(?:\n|$)/.test(s)) plain++;
      const expected = new Lexer({ gfm: false }).lex(s);
      if (setext(expected)) headings++;
      expect(shape(LEXER.lex(s)), JSON.stringify(s)).toEqual(shape(expected));
    }
    // the shortcut ran on a good share of them, and setext headings were met
    expect(plain).toBeGreaterThan(500);
    expect(headings).toBeGreaterThan(100);
  });

  it("still reads a setext heading, at the top and in a list", () => {
    expect(LEXER.lex("Title\n=====\n\n- item\n  text\n  ---\n").map((t) => t.type)).toEqual([
      "heading",
      "space",
      "list",
    ]);
    expect(LEXER.lex("Title\n=====\n").map((t) => t.type)).toEqual(["heading"]);
    expect(LEXER.lex("Title\nnot an underline =x\n").map((t) => t.type)).toEqual(["paragraph"]);
  });

  it("keeps a plain paragraph as one text token", () => {
    const [p] = LEXER.lex("Plain prose, with commas; and (parentheses).\nSecond line.");
    expect(p?.type === "paragraph" && p.tokens).toEqual([
      {
        type: "text",
        raw: "Plain prose, with commas; and (parentheses).\nSecond line.",
        text: "Plain prose, with commas; and (parentheses).\nSecond line.",
      },
    ]);
  });
});
