/**
 * Whole health articles the team wrote (insomnia, migraine, knee pain after
 * running), linted by every draft/* and health/* rule: each test lists every
 * diagnostic, so a false positive anywhere fails it.
 */
import { describe, expect, it } from "vitest";
import { lintArticle } from "../src/engine/lint.js";
import type { Rule } from "../src/engine/types.js";
import { readArticle } from "../src/read/index.js";
import { draftRules } from "../src/rules/draft/index.js";
import { healthRules } from "../src/rules/health/index.js";
import { isHealthArticle } from "../src/text/health-detect.js";
import { bundle, loc, TEST_NOW } from "./draft-health-harness.js";

function lintAll(code: string) {
  const rules = [...draftRules, ...healthRules].map((r) => {
    const rule = r as Rule<any>;
    return {
      rule,
      severity: rule.meta.severity,
      options: (rule.meta.options?.parse({}) ?? {}) as Record<string, unknown>,
    };
  });
  const article = readArticle({ path: "fixture.txt", text: code });
  return lintArticle(article, {
    rules,
    settings: { now: TEST_NOW, health: "auto" },
    throwOnCrash: true,
  }).diagnostics.filter((d) => d.ruleId.startsWith("draft/") || d.ruleId.startsWith("health/"));
}

const at = (ruleId: string, messageId: string, where: { line: number; column: number }) => [
  ruleId,
  messageId,
  where.line,
  where.column,
];

const insomnia = bundle(
  [
    "# Insomnia: Why You Wake at 3 a.m. and What Helps",
    "Waking in the small hours and lying awake is the most common kind of insomnia. Stress, alcohol and an irregular schedule are the usual causes.",
    "## Habits That Help",
    "Get up at the same time every day, even after a bad night. Keep the bedroom cool, dark and quiet, and leave the phone in another room.",
    "If you are still awake after twenty minutes, get up and read in dim light until you feel sleepy.",
    "## What the Evidence Says",
    "Cognitive behavioural therapy for insomnia is the first-line treatment in the American Academy of Sleep Medicine guideline (Edinger et al., 2021). Sleep experts agree that naps make night waking worse.",
    "Research has consistently shown that alcohol fragments the second half of the night.",
    "## Medicines",
    "Melatonin can help jet lag. Check with a pharmacist before taking it with other medicines.",
    "## Sleep Aids",
    "Sleeping pills give fast relief on the worst nights.",
    "## When to Get Help",
    "See your GP if poor sleep lasts more than three months or you feel drowsy while driving.",
  ],
  {
    focus_keyword: "insomnia",
    author: "Maya Ortiz, RN",
    reviewer: "Dr. Sam Patel",
    last_reviewed: "2026-05-12",
  },
);

const migraine = bundle(
  [
    "# Migraine Triggers: Keeping a Headache Diary",
    "A migraine is more than a bad headache: it often comes with nausea and a strong dislike of light.",
    "## Common Triggers",
    "Skipped meals, poor sleep, bright light and changes in routine are the triggers people report most.",
    "Your data shows its own pattern once you log a few attacks.",
    "## Keeping the Diary",
    "Write down the time, what you ate, how you slept and any medicine you took. Bring the diary to your appointment.",
    "## Treatment",
    "Triptans work best when taken early in an attack; they are not suitable with some heart conditions, so your doctor will check first.",
    "## When It Is an Emergency",
    "Call 999 for a sudden, severe headache unlike any before.",
  ],
  { focus_keyword: "migraine triggers", author: "Lena Fox", reviewer: "Omar Reid, DO", last_reviewed: "2026-04-01" },
);

const knee = bundle(
  [
    "# Knee Pain After Running",
    "Knee pain after running usually comes from doing too much too soon.",
    "## Why It Happens",
    "Knee pain after running is often runner's knee, an ache around the kneecap.",
    "## What Helps",
    "Ease knee pain after running with a week of shorter, flatter runs.",
    "## Strength Work",
    "Knee pain after running fades faster with hip and thigh exercises three times a week.",
  ],
  { focus_keyword: "knee pain after running" },
);

describe("health fixtures: every draft/* and health/* diagnostic", () => {
  it("insomnia: two unsourced claims, one bare sleeping-pill mention; advice and sourced claims pass", () => {
    expect(isHealthArticle(readArticle({ path: "fixture.txt", text: insomnia }))).toBe(true);
    expect(lintAll(insomnia).map((d) => [d.ruleId, d.messageId, d.line, d.column])).toEqual([
      at("health/unsourced-claim", "unsourced", loc(insomnia, "Sleep experts agree")),
      at("health/unsourced-claim", "unsourced", loc(insomnia, "Research has consistently shown")),
      at("health/medication-safety", "noSafetyNote", loc(insomnia, "Sleeping pills")),
    ]);
  });

  it("migraine: nothing to report", () => {
    expect(isHealthArticle(readArticle({ path: "fixture.txt", text: migraine }))).toBe(true);
    expect(lintAll(migraine).map((d) => [d.ruleId, d.messageId, d.line, d.column])).toEqual([]);
  });

  it("knee pain: the keyphrase forced into every section, no review metadata, no advice to see anyone", () => {
    const found = lintAll(knee).map((d) => [d.ruleId, d.messageId, d.line, d.column]);
    expect(found).toEqual([
      at("health/professional-advice", "missing", loc(knee, "Knee Pain After Running")),
      at("health/review-metadata", "noLastReviewed", loc(knee, "Knee Pain After Running")),
      at("health/review-metadata", "noReviewer", loc(knee, "Knee Pain After Running")),
      at("draft/keyphrase-stuffing", "sections", loc(knee, "Knee pain after running", 2)),
      at("draft/keyphrase-stuffing", "sections", loc(knee, "knee pain after running", 1)),
      at("draft/keyphrase-stuffing", "sections", loc(knee, "Knee pain after running", 3)),
    ]);
  });

  it("a coffee article is not health content: no health/* rule runs", () => {
    const coffee = bundle(
      [
        "# Pour-Over Coffee at Home",
        "Studies show that a burr grinder gives a more even grind than a blade grinder.",
        "## Ratio",
        "Start with one gram of coffee to sixteen grams of water and adjust to taste.",
        "## Pouring",
        "Pour slowly in circles, wait for the bloom, then finish the pour within three minutes.",
      ],
      { focus_keyword: "pour-over coffee" },
    );
    expect(isHealthArticle(readArticle({ path: "fixture.txt", text: coffee }))).toBe(false);
    expect(lintAll(coffee)).toEqual([]);
  });
});
