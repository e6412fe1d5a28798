import { describe, expect, it } from "vitest";
import { wordsOf } from "../../../test/helpers/words.js";
import { PhraseMatcher } from "./_phrase-matcher.js";

const PHRASES = ["delve into", "it's important to note", "a|the * of", "rich tapestry"];
const TEXT = "Let us Delve into the rich tapestry. It’s important to note the heart of it, a tapestry.";

function found(matcher: PhraseMatcher, text: string, from?: number, to?: number): string[] {
  const words = wordsOf(text);
  return matcher
    .findAll(words, from, to)
    .map((m) => `${text.slice(words[m.first]!.start, words[m.last]!.end)}=${m.phrase}`);
}

describe("PhraseMatcher", () => {
  // the first matcher gets a word role for its start words; one built after words were asked gets none
  const withRole = new PhraseMatcher(PHRASES);
  const expected = [
    "Delve into=delve into",
    "rich tapestry=rich tapestry",
    "It’s important to note=it's important to note",
    "the heart of=a|the * of",
  ];

  it("finds leftmost-longest matches by the start words' role", () => {
    expect(found(withRole, TEXT)).toEqual(expected);
  });

  it("finds the same without a role (a matcher built after words were asked)", () => {
    const late = new PhraseMatcher(PHRASES);
    expect(found(late, TEXT)).toEqual(expected);
    expect(found(late, TEXT, 0, 3)).toEqual([]);
    expect(found(withRole, TEXT, 0, 3)).toEqual([]);
    expect(found(withRole, TEXT, 0, 5)).toEqual(["Delve into=delve into"]);
  });

  it("a phrase starting with * can start anywhere", () => {
    const any = new PhraseMatcher(["* tapestry"]);
    expect(found(any, TEXT)).toEqual(["rich tapestry=* tapestry", "a tapestry=* tapestry"]);
    const words = wordsOf(TEXT);
    expect(any.some(words, 0, 6)).toBe(false);
    expect(any.some(words, 0, 7)).toBe(true);
  });
});
