import { bundle, loc, type RuleCase, tables } from "../../../test/draft-health-harness.js";
import { testRule } from "../../../test/helpers/rule-tester.js";
import { reviewMetadata } from "./review-metadata.js";

const body = ["# Insomnia in Shift Workers", "Keep the same wake time on work days and days off."];

const bare = bundle(body, { author: "Content Team" });
const reviewed = bundle(body, { author: "Maya Ortiz, RN", reviewer: "Dr. Sam Patel", last_reviewed: "2026-06-02" });
const stale = bundle(body, { author: "Maya Ortiz, RN", reviewer: "Dr. Sam Patel", last_reviewed: "2024-03-15" });
const jsonld = bundle(body, {
  article_schema: {
    "@context": "https://schema.org",
    "@type": "MedicalWebPage",
    author: { "@type": "Person", name: "Lena Fox", hasCredential: "MD" },
    reviewedBy: { "@type": "Person", name: "Omar Reid, DO" },
    lastReviewed: "2026-09-30",
  },
});
const uncredentialedJsonLd = bundle(body, {
  article_schema: {
    "@context": "https://schema.org",
    "@type": "Article",
    author: { "@type": "Person", name: "Lena Fox" },
  },
});

const cases: Array<[string, RuleCase]> = [
  [
    "no reviewer, no review date, an author without credentials",
    {
      code: bare,
      errors: [
        { messageId: "noLastReviewed", ...loc(bare, "Insomnia in Shift Workers") },
        { messageId: "noReviewer", ...loc(bare, "Insomnia in Shift Workers") },
        { messageId: "authorWithoutCredentials", ...loc(bare, "Content Team") },
      ],
    },
  ],
  ["reviewed this year by a doctor, written by a nurse", { code: reviewed, errors: [] }],
  [
    "a reviewed page may have a writer without credentials",
    {
      code: bundle(body, { author: "Content Team", reviewer: "Dr. Sam Patel", last_reviewed: "2026-06-02" }),
      errors: [],
    },
  ],
  ["a review over 12 months old", { code: stale, errors: [{ messageId: "staleReview", ...loc(stale, "2024-03-15") }] }],
  ["a longer review cycle", { code: stale, options: { maxAgeMonths: 36 }, errors: [] }],
  ["MedicalWebPage with reviewedBy, lastReviewed and a credentialed author", { code: jsonld, errors: [] }],
  [
    "a JSON-LD author without credentials",
    {
      code: uncredentialedJsonLd,
      errors: [
        { messageId: "noLastReviewed", ...loc(uncredentialedJsonLd, "Insomnia in Shift Workers") },
        { messageId: "noReviewer", ...loc(uncredentialedJsonLd, "Insomnia in Shift Workers") },
        { messageId: "authorWithoutCredentials", ...loc(uncredentialedJsonLd, '"Lena Fox"') },
      ],
    },
  ],
  [
    "the site's reviewer counts",
    {
      code: bundle(body, { author: "Maya Ortiz, RN", last_reviewed: "2026-06-02" }),
      settings: { site: { reviewer: { name: "Dr. Sam Patel" } } },
      errors: [],
    },
  ],
];

testRule(reviewMetadata, tables(cases, "on"));
