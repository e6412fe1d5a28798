import { describe, expect, it } from "vitest";
import { detectLanguage, detectLanguageOfWords, primaryLanguage } from "../src/text/language.js";
import { withLexemes } from "../src/text/lexeme.js";
import { splitSentences } from "../src/text/sentences.js";
import { countWords, wordsOf } from "../src/text/words.js";

const sentencesOf = (text: string) => splitSentences(text, "en").map(([s, e]) => text.slice(s, e));

describe("splitSentences", () => {
  it("splits on sentence ends and trims whitespace", () => {
    expect(splitSentences("One two.  Three four?\n\nFive!", "en")).toEqual([
      [0, 8],
      [10, 21],
      [23, 28],
    ]);
  });

  it("does not split after titles and Latin short forms", () => {
    expect(sentencesOf("Dr. Okafor met Mr. Lund at St. Mary's. They spoke.")).toEqual([
      "Dr. Okafor met Mr. Lund at St. Mary's.",
      "They spoke.",
    ]);
    expect(sentencesOf("Bring tools, e.g. a hammer and a saw. Then start.")).toEqual([
      "Bring tools, e.g. a hammer and a saw.",
      "Then start.",
    ]);
    expect(sentencesOf("It was apples vs. oranges all over again. Fine.")).toEqual([
      "It was apples vs. oranges all over again.",
      "Fine.",
    ]);
  });

  it("joins No. before a number only, and etc. before a lower-case word only", () => {
    expect(sentencesOf("See No. 5 on the list. I said no. We left.")).toEqual([
      "See No. 5 on the list.",
      "I said no.",
      "We left.",
    ]);
    expect(sentencesOf("Pack rope, tape, etc. and go. Bring food, water, etc. Then rest.")).toEqual([
      "Pack rope, tape, etc. and go.",
      "Bring food, water, etc.",
      "Then rest.",
    ]);
  });

  it("falls back to English rules for a malformed language tag", () => {
    expect(splitSentences("One. Two.", "not a tag!")).toEqual([
      [0, 4],
      [5, 9],
    ]);
  });

  it("keeps initials with the name", () => {
    expect(sentencesOf("The novel by J. R. Tolkien sold well. Readers agreed.")).toEqual([
      "The novel by J. R. Tolkien sold well.",
      "Readers agreed.",
    ]);
  });
});

describe("word tokens", () => {
  it("keeps hyphenated compounds and apostrophes inside one word", () => {
    expect(wordsOf("A well-known t-shirt isn’t the patient's choice")).toEqual([
      "a",
      "well-known",
      "t-shirt",
      "isn't",
      "the",
      "patient's",
      "choice",
    ]);
  });

  it("separates on em and en dashes, slashes and typographic quotes", () => {
    expect(wordsOf("rest—then stretch – slowly/gently “warm” up")).toEqual([
      "rest",
      "then",
      "stretch",
      "slowly",
      "gently",
      "warm",
      "up",
    ]);
  });

  it("keeps decimals, thousands and short forms together", () => {
    expect(wordsOf("It costs 3.5 or 1,200 in the U.S. today, e.g. now.")).toEqual([
      "it",
      "costs",
      "3.5",
      "or",
      "1,200",
      "in",
      "the",
      "u.s",
      "today",
      "e.g",
      "now",
    ]);
  });

  it("handles non-ASCII letters and ignores stray punctuation", () => {
    expect(wordsOf("Café — naïve ... 'quoted' -dash- end")).toEqual(["café", "naïve", "quoted", "dash", "end"]);
    expect(countWords("  ... — !! ")).toBe(0);
  });
});

describe("language", () => {
  it("takes the primary subtag", () => {
    expect(primaryLanguage("en-US")).toBe("en");
    expect(primaryLanguage("pt_BR")).toBe("pt");
  });

  it("detects from stop words and refuses to guess on too little text", () => {
    expect(detectLanguage(wordsOf("The dog and the cat sat in the garden with the owner and it was fine"))).toBe("en");
    expect(detectLanguage(wordsOf("El perro y el gato de la casa están en el jardín con los niños que juegan"))).toBe(
      "es",
    );
    expect(detectLanguage(wordsOf("Der Hund und die Katze sind nicht in dem Garten, das ist mit den Kindern so"))).toBe(
      "de",
    );
    expect(detectLanguage(wordsOf("Le chien et le chat sont dans le jardin avec les enfants qui jouent pas"))).toBe(
      "fr",
    );
    expect(detectLanguage(wordsOf("Hello world"))).toBeUndefined();
  });

  it("gives the same guess from words' lexemes, asked twice (the lexeme keeps its stop-word languages)", () => {
    for (const text of [
      "The dog and the cat sat in the garden with the owner and it was fine",
      "El perro y el gato de la casa están en el jardín con los niños que juegan",
      "De hond en de kat zijn niet in het huis, dat is met de kinderen ook zo",
      "Hello world",
      // a tie (la, de, en, que count for es and fr alike): the language counted first wins
      "la de en que la de en que",
    ]) {
      const norms = wordsOf(text);
      const expected = detectLanguage(norms);
      expect(detectLanguageOfWords(withLexemes(norms, 0, norms.length))).toBe(expected);
      expect(detectLanguageOfWords(withLexemes(norms, 0, norms.length))).toBe(expected);
      expect(detectLanguageOfWords(withLexemes(norms, 0, norms.length), 3)).toBe(detectLanguage(norms, 3));
    }
    expect(detectLanguage(wordsOf("la de en que la de en que"))).toBe("es");
  });
});
