import { describe, expect, it } from "vitest";
import { applyFix, fixtureArticle, reported, runRule } from "../../../test/helpers/structured-data.js";
import { syntax } from "./syntax.js";

describe("jsonld/syntax", () => {
  it("is silent on strict JSON", () => {
    expect(runRule(syntax, fixtureArticle('{"@context": "https://schema.org", "@type": "Recipe"}\n'))).toEqual([]);
  });

  it("reports typographic quotes and fixes them, keeping inner curly quotes as characters", () => {
    const src = "Intro\n{\n“@type”: “Recipe”,\n“name”: “Mum’s “quick” bread”\n}\nOutro\n";
    const article = fixtureArticle(src);
    const [r, ...rest] = runRule(syntax, article);
    expect(rest).toEqual([]);
    expect(r?.messageId).toBe("repaired");
    expect(r?.span).toEqual({ start: 6, end: 58 }); // "Intro\n" then the object through its closing brace
    expect(reported(src, r!)).toMatch(/^\{[\s\S]*\}$/);
    expect(applyFix(src, r!)).toBe('Intro\n{\n  "@type": "Recipe",\n  "name": "Mum’s “quick” bread"\n}\nOutro\n');
  });

  it("indents the fixed JSON like the line it starts on", () => {
    const src = "  {“@type”: “Recipe”, “name”: “Bread”}\n";
    const [r] = runRule(syntax, fixtureArticle(src.trimStart().padStart(src.length, " ")));
    expect(r).toBeUndefined(); // a block not at a line start is not picked up by the fixture
    const article = fixtureArticle("{“@type”: “Recipe”, “name”: “Bread”}\n");
    const [fixed] = runRule(syntax, article);
    expect(applyFix(article.source.text, fixed!)).toBe('{\n  "@type": "Recipe",\n  "name": "Bread"\n}\n');
  });

  it("judges blocks cut from a wrapper by their own text: strict is silent, curly is reported", () => {
    const strict = '{"@type": "Recipe"}';
    const curlyBlock = "{ “@type”: “Recipe”}";
    const src = `${strict}\n${curlyBlock}\n`;
    const article = fixtureArticle(src);
    const cut = (start: number, end: number) => ({
      span: { start, end },
      origin: "fenced" as const,
      value: { "@type": "Recipe" },
      repair: "prepass" as const,
      pointers: {},
      notes: ['from the "article_schema" member of the schema block'],
    });
    article.jsonld = [cut(0, strict.length), cut(strict.length + 1, src.length - 1)];
    expect(runRule(syntax, article).map((r) => [r.messageId, r.span])).toEqual([
      ["repaired", { start: strict.length + 1, end: src.length - 1 }],
    ]);
  });

  it("reports a block that could not be parsed, without a fix", () => {
    const src = "{ ]]] \n";
    const article = fixtureArticle(src);
    article.jsonld = [
      {
        span: { start: 0, end: 6 },
        origin: "script",
        value: undefined,
        repair: "failed",
        pointers: {},
        notes: ["could not be parsed"],
      },
    ];
    const reports = runRule(syntax, article);
    expect(reports).toEqual([
      { messageId: "failed", data: { notes: "could not be parsed" }, span: { start: 0, end: 6 } },
    ]);
  });
});
