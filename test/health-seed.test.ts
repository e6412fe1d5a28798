/**
 * The seed draft (read from ../shared at run time, never copied here): the
 * three claims it credits to unnamed research are flagged by
 * health/unsourced-claim and nothing else is; its year stamping and forced
 * exact keyphrase are flagged by draft hygiene.
 */
import { describe, expect, it } from "vitest";
import type { Diagnostic, Rule } from "../src/engine/types.js";
import { keyphraseStuffing } from "../src/rules/draft/keyphrase-stuffing.js";
import { yearFiller } from "../src/rules/draft/year-filler.js";
import { medicationSafety } from "../src/rules/health/medication-safety.js";
import { professionalAdvice } from "../src/rules/health/professional-advice.js";
import { unsourcedClaim } from "../src/rules/health/unsourced-claim.js";
import { lintWith } from "./draft-health-harness.js";
import { hasShared, readShared, SEED_PATH, sharedSkipReason } from "./helpers/shared.js";

if (!hasShared) console.warn(sharedSkipReason("the seed checks of draft/* and health/* rules"));

function run(rule: Rule<any>): Diagnostic[] {
  return lintWith(rule, { code: readShared(SEED_PATH) });
}

const at = (d: Diagnostic) => [d.messageId, d.line, d.column, d.endLine, d.endColumn];

describe.skipIf(!hasShared)("seed draft", () => {
  it("health/unsourced-claim flags exactly the three sentences credited to unnamed research", () => {
    const seed = readShared(SEED_PATH);
    const found = run(unsourcedClaim);
    expect(found.map(at)).toEqual([
      ["unsourced", 59, 184, 59, 392],
      ["unsourced", 67, 163, 67, 365],
      ["unsourced", 73, 170, 73, 372],
    ]);
    // the flagged sentences are the ones with the research/data/efficacy attributions
    const lines = seed.split("\n");
    const sentence = (d: Diagnostic) => lines[d.line - 1]!.slice(d.column - 1, d.endColumn - 1);
    expect(sentence(found[0]!)).toMatch(/^In 2026, orthopedic research emphasizes .*discomfort\.$/);
    expect(sentence(found[1]!)).toMatch(/^Mindfulness-based .* has shown significant efficacy .*reactivity\.$/);
    expect(sentence(found[2]!)).toMatch(/^In 2026, clinical data also points to .*spasms\.$/);
  });

  it("draft/year-filler flags every year stamp, with the two openers as openers", () => {
    expect(run(yearFiller).map(at)).toEqual([
      ["yearStamp", 57, 475, 57, 482],
      ["yearOpener", 59, 184, 59, 191],
      ["yearStamp", 61, 502, 61, 509],
      ["yearStamp", 63, 208, 63, 215],
      ["yearStamp", 65, 164, 65, 171],
      ["yearStamp", 67, 236, 67, 243],
      ["yearOpener", 73, 170, 73, 177],
    ]);
  });

  it("draft/keyphrase-stuffing flags the exact keyphrase forced into 6 of 7 sections (not the introduction)", () => {
    const found = run(keyphraseStuffing);
    expect(found.map(at)).toEqual([
      ["sections", 59, 34, 59, 54],
      ["sections", 61, 125, 61, 145],
      ["sections", 63, 167, 63, 187],
      ["sections", 67, 47, 67, 67],
      ["sections", 69, 27, 69, 47],
    ]);
    expect(found[0]!.message).toContain("6 of 7 sections (86%)");
  });

  it("is quiet where the seed does the right thing: a safety note next to NSAIDs, advice to see a therapist", () => {
    expect(run(medicationSafety)).toEqual([]);
    expect(run(professionalAdvice)).toEqual([]);
  });
});
