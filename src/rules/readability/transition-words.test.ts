import { describe, expect, it } from "vitest";
import { testRule } from "../../../test/helpers/rule-tester.js";
import { articleFrom, briefly, lintRule, paragraphOf } from "../../../test/helpers/text-fixtures.js";
import { analyzeText } from "../../text/analyze.js";
import { transitionWords } from "./transition-words.js";

const defaults = transitionWords.meta.options!.parse({});

/** `n` sentences with a transition word, then plain sentences, in a text of more than 200 words. */
function text(withTransition: number, plain: number): string {
  return [
    ...Array(withTransition).fill("However, we water the beds at dawn."),
    paragraphOf(...Array(plain).fill(30)),
  ].join(" ");
}

describe("readability/transition-words", () => {
  it("reports a low share at the title", () => {
    const article = articleFrom({ title: "Linking ideas", body: [text(1, 11)] });
    const d = lintRule(transitionWords, article);
    expect(d.map(briefly)).toEqual([{ messageId: "tooFew", span: [0, 13], line: 1, column: 1 }]);
    expect(d[0]?.message).toContain("Only 8.3% of the sentences (1 of 12) contain a transition word");
  });

  it("scores ≥ 30% green, ≥ 20% orange, below red", () => {
    const score = (w: number, p: number) =>
      transitionWords.assess(analyzeText(articleFrom({ body: [text(w, p)] })), defaults)?.score;
    expect([score(3, 7), score(2, 8), score(1, 11)]).toEqual([9, 6, 3]);
  });

  it("does not apply to texts of 200 words or fewer", () => {
    const short = articleFrom({ body: [paragraphOf(20, 20, 20, 20, 20, 20, 20, 20, 20, 20)] });
    expect(transitionWords.assess(analyzeText(short), defaults)).toBeUndefined();
    expect(lintRule(transitionWords, short)).toEqual([]);
  });
});

testRule(transitionWords, {
  valid: [{ article: articleFrom({ body: [text(3, 7)] }) }, { article: articleFrom({ body: [paragraphOf(20, 20)] }) }],
  invalid: [
    {
      article: articleFrom({ title: "Linking", body: [text(1, 11)] }),
      errors: [{ messageId: "tooFew", line: 1, column: 1, data: { with: 1, total: 12, minPercent: 30 } }],
    },
  ],
});
