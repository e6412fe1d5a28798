import { describe, expect, it } from "vitest";
import { wordsOf } from "../../../test/helpers/words.js";
import { findAttribution, namesSource } from "./_claims.js";

/** The trigger phrase as written, or undefined. */
function trigger(text: string): string | undefined {
  const words = wordsOf(text);
  const hit = findAttribution(words, 0, words.length);
  return hit ? text.slice(words[hit.first]!.start, words[hit.last]!.end) : undefined;
}

describe("findAttribution", () => {
  it.each([
    ["Recent research shows that magnesium can shorten migraine attacks.", "research shows"],
    ["Studies suggest runners with weak hips get knee pain more often.", "Studies suggest"],
    ["Sleep data also points to caffeine as a hidden cause of insomnia.", "data also points to"],
    ["Most experts agree that screens before bed delay sleep.", "experts agree"],
    ["Research has consistently shown a link between dehydration and headaches.", "Research has consistently shown"],
    [
      "According to recent clinical research, cold packs ease a migraine faster.",
      "According to recent clinical research",
    ],
    ["Acupuncture has shown remarkable efficacy for tension headaches.", "has shown remarkable efficacy"],
    ["This knee brace is clinically proven to cut pain in half.", "clinically proven"],
    ["The literature emphasizes rest for runner's knee.", "literature emphasizes"],
    ["Doctors recommend eight hours of sleep for every adult.", "Doctors recommend"],
    ["Evidence indicates that short naps do not harm night sleep.", "Evidence indicates"],
    ["In 2026, sports medicine research stresses gradual mileage increases.", "research stresses"],
    ["Our pillow is clinically tested for neck pain.", "clinically tested"],
    ["This sleep routine is backed by science.", "backed by science"],
    ["There is growing evidence that daylight in the morning improves sleep.", "growing evidence"],
    ["A study found that runners who sleep less get hurt more.", "study found"],
  ])("flags %s", (sentence, phrase) => {
    expect(trigger(sentence)).toBe(phrase);
  });

  it.each([
    "Consult a physical therapist if the knee swells after a run.",
    "Warm up for ten minutes before you run.",
    "Keep a sleep diary for two weeks and bring it to your appointment.",
    "Your data shows how often you wake during the night.",
    "Research the side effects before you start a new migraine medicine.",
    "A physiotherapist can help you plan a return to running.",
    "These experts can design a plan for your sleep.",
    "Data points on a sleep tracker are rough estimates.",
    "A migraine often starts with a throbbing pain on one side of the head.",
    "Ice the knee for fifteen minutes after each run.",
    "A multidisciplinary team is recommended for chronic insomnia.",
    "This pattern is often described in the literature as rebound headache.",
    "Study the label of any sleep aid before taking it.",
    "Talk to your doctor if headaches wake you at night.",
    "The evidence is mixed, so try one change at a time.",
    "More studies are needed before anyone can say.",
    "Ask for evidence that a supplement works before you buy it.",
    "According to your doctor's plan, rest for a week.",
    "Data from your sleep tracker can be a rough guide.",
    "The knee is supported by four ligaments.",
    "Medicines should be tested on your skin first if the label says so.",
  ])("does not flag %s", (sentence) => {
    expect(trigger(sentence)).toBeUndefined();
  });
});

describe("namesSource", () => {
  it.each([
    "Research shows magnesium helps (Smith, 2021).",
    "Studies suggest a link [3].",
    "Peterson et al. found that hip strength matters.",
    "Research published in Headache found a 30% drop.",
    "Data from the CDC shows one in three adults sleeps too little.",
    "A trial by the University of Oslo found fewer injuries.",
    "Experts at the American Academy of Sleep Medicine agree.",
    "Studies show this (see https://example.org/sleep).",
    "Larsen (2019) showed the effect in runners.",
  ])("accepts %s", (sentence) => {
    expect(namesSource(sentence)).toBe(true);
  });

  it.each([
    "In 2026, research shows that rest helps.",
    "Cognitive behavioural therapy (CBT) has shown efficacy in 2025 for insomnia.",
    "Studies show that runners recover faster with sleep.",
  ])("rejects %s", (sentence) => {
    expect(namesSource(sentence)).toBe(false);
  });
});
