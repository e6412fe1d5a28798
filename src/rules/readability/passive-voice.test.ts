import { describe, expect, it } from "vitest";
import { testRule } from "../../../test/helpers/rule-tester.js";
import { articleFrom, briefly, lintRule } from "../../../test/helpers/text-fixtures.js";
import { analyzeText } from "../../text/analyze.js";
import { passiveVoice } from "./passive-voice.js";

const defaults = passiveVoice.meta.options!.parse({});
const active = ["We water the beds.", "Worms loosen soil.", "Beans climb poles.", "Rain helps.", "Sun warms leaves."];

describe("readability/passive-voice", () => {
  it("reports the passive share at the title and, on request, each passive sentence", () => {
    const passive = "The seeds were sown in March.";
    const article = articleFrom({ title: "Sowing", body: [[passive, ...active.slice(0, 4)].join(" ")] });
    const d = lintRule(passiveVoice, article);
    expect(d.map(briefly)).toEqual([{ messageId: "tooMuch", span: [0, 6], line: 1, column: 1 }]);
    expect(d[0]?.message).toBe(
      "20% of the sentences (1 of 5) are in the passive voice; keep it at 10% or less. Say who does what.",
    );
    const each = lintRule(passiveVoice, article, { reportEach: true });
    expect(each.map((x) => [x.messageId, x.span.start, x.span.end])).toEqual([
      ["tooMuch", 0, 6],
      ["passive", 8, 8 + passive.length],
    ]);
  });

  it("scores ≤ 10% green, ≤ 15% orange, above red", () => {
    const score = (passive: number, activeCount: number) =>
      passiveVoice.assess(
        analyzeText(
          articleFrom({
            body: [
              [...Array(passive).fill("The beds were weeded."), ...Array(activeCount).fill("We pick beans.")].join(" "),
            ],
          }),
        ),
        defaults,
      )?.score;
    expect([score(1, 9), score(1, 6), score(1, 4), score(0, 3)]).toEqual([9, 6, 3, 9]);
    expect(lintRule(passiveVoice, articleFrom({ body: [active.join(" ")] }))).toEqual([]);
  });

  it("is English-only: the engine skips it on other languages", () => {
    const es = articleFrom({ lang: "es", body: ["Las semillas fueron sembradas en marzo."] });
    expect(lintRule(passiveVoice, es)).toEqual([]);
    expect(passiveVoice.meta.languages).toEqual(["en"]);
  });
});

testRule(passiveVoice, {
  valid: [{ article: articleFrom({ body: [active.join(" ")] }) }],
  invalid: [
    {
      article: articleFrom({ title: "Sowing", body: ["The seeds were sown in March. We water the beds."] }),
      errors: [{ messageId: "tooMuch", line: 1, column: 1, endLine: 1, endColumn: 7, data: { passive: 1, total: 2 } }],
    },
  ],
});
