import { describe, expect, it } from "vitest";
import { makeArticle } from "../../../test/helpers/article.js";
import type { TextPart } from "../../model/span.js";
import { visibleParts } from "./_visible-parts.js";

const part = (text: string, start: number, end: number): TextPart => ({ text, span: { start, end } });

describe("visibleParts", () => {
  it("lists each source span once, parts that share only a start too, and skips blank parts", () => {
    const text = "Q? A. B. Item one. Two.";
    const question = part("Q?", 0, 2);
    const answer = part("A.", 3, 5);
    const article = makeArticle(text, {
      title: part("Q?", 0, 2),
      blocks: [
        { kind: "paragraph", content: answer, span: answer.span },
        // a list item starting where the paragraph starts but ending later, then again the same span
        {
          kind: "list",
          ordered: false,
          items: [part("A. B.", 3, 8), part("A. B.", 3, 8), part("  ", 9, 11)],
          span: { start: 3, end: 11 },
        },
        { kind: "paragraph", content: part("Item one.", 9, 18), span: { start: 9, end: 18 } },
      ],
      // the reader exposed the visible FAQ both as body blocks and as FAQ items over the same source
      faq: [
        { question, answer, span: { start: 0, end: 5 } },
        { question: part("Two.", 19, 23), answer: part("Item one. Two.", 9, 23), span: { start: 9, end: 23 } },
      ],
    });
    const got = visibleParts(article).map(({ kind, part: p }) => `${kind} ${p.span.start}-${p.span.end}`);
    expect(got).toEqual([
      "title 0-2",
      "paragraph 3-5",
      "list-item 3-8",
      "paragraph 9-18",
      "faq-question 19-23",
      "faq-answer 9-23",
    ]);
    expect(visibleParts(article)).toBe(visibleParts(article));
  });
  it("answers for the article asked about when articles alternate (only the last one's parts are kept)", () => {
    const one = makeArticle("One.", {
      blocks: [{ kind: "paragraph", content: part("One.", 0, 4), span: { start: 0, end: 4 } }],
    });
    const two = makeArticle("Two.", {
      blocks: [{ kind: "paragraph", content: part("Two.", 0, 4), span: { start: 0, end: 4 } }],
    });
    const texts = (a: typeof one) => visibleParts(a).map((p) => p.part.text);
    expect([texts(one), texts(two), texts(one), texts(one)]).toEqual([["One."], ["Two."], ["One."], ["One."]]);
    expect(visibleParts(one)).toBe(visibleParts(one));
  });
});
