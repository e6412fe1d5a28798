import { describe, expect, it } from "vitest";
import { readArticle } from "../read/index.js";
import { jsonLdNodes, lineOf, propertyValues, schemaTerm, stringProperty } from "./nodes.js";

function nodesOf(json: string) {
  const text = `<html><head><script type="application/ld+json">${json}</script></head><body><h1>T</h1></body></html>`;
  return jsonLdNodes(readArticle({ path: "a.html", text }));
}

describe("jsonLdNodes", () => {
  it("finds nodes in arrays, @graph and @list, skipping plain values, @value objects and the graph wrapper", () => {
    const nodes = nodesOf(
      JSON.stringify({
        "@context": "https://schema.org",
        "@graph": [
          {
            "@type": "Article",
            keywords: ["a", "b", 3, null],
            author: [{ "@type": "Person", name: "A" }, "plain", { "@value": "x" }],
            hasPart: { "@list": [{ "@type": "WebPageElement" }, "y"] },
          },
          { "@type": "schema:Organization", name: "O" },
        ],
      }),
    );
    expect(nodes.map((n) => [n.pointer, n.types, n.property ?? null, n.parent?.pointer ?? null])).toEqual([
      ["/@graph/0", ["Article"], null, null],
      ["/@graph/0/author/0", ["Person"], "author", "/@graph/0"],
      ["/@graph/0/hasPart/@list/0", ["WebPageElement"], "hasPart", "/@graph/0"],
      ["/@graph/1", ["Organization"], null, null],
    ]);
  });
});

describe("propertyValues", () => {
  it("gathers every spelling of a property in key order, arrays flattened, context terms left out", () => {
    const [node] = nodesOf(
      JSON.stringify({
        "@context": ["https://schema.org", { name: "http://example.com/name" }],
        "@type": "Thing",
        "schema:alternateName": "one",
        alternateName: ["two", "three"],
        "https://schema.org/alternateName": "four",
        "http://schema.org/name": "n",
        name: "aliased",
      }),
    );
    if (!node) throw new Error("no node");
    expect(propertyValues(node, "alternateName")).toEqual([
      { value: "one", pointer: "/schema:alternateName" },
      { value: "two", pointer: "/alternateName/0" },
      { value: "three", pointer: "/alternateName/1" },
      { value: "four", pointer: "/https:~1~1schema.org~1alternateName" },
    ]);
    expect(propertyValues(node, "name")).toEqual([{ value: "n", pointer: "/http:~1~1schema.org~1name" }]);
    expect(propertyValues(node, "description")).toEqual([]);
    expect(propertyValues(node, "@type")).toEqual([]);
    // asked again: the same answer
    expect(stringProperty(node, "alternateName")).toEqual({ value: "one", pointer: "/schema:alternateName" });
  });
});

describe("schemaTerm", () => {
  it("reads bare, prefixed and IRI terms, and refuses others", () => {
    expect(
      ["name", "schema:name", "https://schema.org/name", "http://schema.org/name"].map((t) => schemaTerm(t)),
    ).toEqual(["name", "name", "name", "name"]);
    expect(["@type", "gs1:x", "http://purl.org/x", "httpish"].map((t) => schemaTerm(t))).toEqual([
      undefined,
      undefined,
      undefined,
      "httpish",
    ]);
  });
});

describe("the last article's nodes", () => {
  const article = (json: string) =>
    readArticle({
      path: "a.html",
      text: `<html><head>\n<script type="application/ld+json">${json}</script></head><body><h1>T</h1></body></html>`,
    });

  it("are built once per article, and nodes of an article asked before still answer after another's", () => {
    const a = article('{"@context": "https://schema.org", "@type": "Article", "headline": ["H1", "H2"]}');
    const b = article('{"@context": "https://schema.org", "@type": "Person", "name": "N"}');
    const nodesA = jsonLdNodes(a);
    expect(jsonLdNodes(a)).toBe(nodesA);
    const [nodeA] = nodesA;
    expect(propertyValues(nodeA as never, "headline").map((v) => [v.value, v.pointer])).toEqual([
      ["H1", "/headline/0"],
      ["H2", "/headline/1"],
    ]);
    const [nodeB] = jsonLdNodes(b);
    expect(propertyValues(nodeB as never, "name").map((v) => v.value)).toEqual(["N"]);
    // a's nodes, asked again after b's: the same values (built again), and a's nodes again equal
    expect(propertyValues(nodeA as never, "headline").map((v) => v.value)).toEqual(["H1", "H2"]);
    expect(jsonLdNodes(a)).toEqual(nodesA);
    expect(lineOf(a, 12)).toBe(1);
    expect(lineOf(a, 13)).toBe(2);
    expect(lineOf(b, 0)).toBe(1);
    expect(lineOf(a, 0)).toBe(1);
  });
});
