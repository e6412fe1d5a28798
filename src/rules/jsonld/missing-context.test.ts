import { describe, expect, it } from "vitest";
import { applyFix, fixtureArticle, runRule } from "../../../test/helpers/structured-data.js";
import { missingContext } from "./missing-context.js";

describe("jsonld/missing-context", () => {
  it("is silent when the context is there", () => {
    expect(runRule(missingContext, fixtureArticle('{"@context": "https://schema.org", "@type": "Event"}\n'))).toEqual(
      [],
    );
  });

  it("reports at the opening brace and inserts the context on its own line", () => {
    const src = 'x\n{\n  "@type": "Event",\n  "name": "Fair"\n}\n';
    const reports = runRule(missingContext, fixtureArticle(src));
    expect(reports.map((r) => [r.messageId, r.span])).toEqual([["missing", { start: 2, end: 3 }]]);
    expect(applyFix(src, reports[0]!)).toBe(
      'x\n{\n  "@context": "https://schema.org",\n  "@type": "Event",\n  "name": "Fair"\n}\n',
    );
  });

  it("inserts on the same line for one-line objects, and checks each item of a root array", () => {
    const src = '[{"@type": "Event"}, {"@context": "https://schema.org", "@type": "Place"}]\n';
    const reports = runRule(missingContext, fixtureArticle(src));
    expect(reports.map((r) => r.span)).toEqual([{ start: 1, end: 2 }]);
    expect(applyFix(src, reports[0]!)).toBe(
      '[{"@context": "https://schema.org", "@type": "Event"}, {"@context": "https://schema.org", "@type": "Place"}]\n',
    );
  });
});
