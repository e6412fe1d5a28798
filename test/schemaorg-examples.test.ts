import { describe, expect, it } from "vitest";
import { jsonLdNodes } from "../src/jsonld/nodes.js";
import type { Article } from "../src/model/article.js";
import { unknownProperty } from "../src/rules/jsonld/unknown-property.js";
import { unknownType } from "../src/rules/jsonld/unknown-type.js";
import { hasShared, readShared, SCHEMAORG_EXAMPLES_PATH, sharedSkipReason } from "./helpers/shared.js";
import { fixtureArticle, runRule } from "./helpers/structured-data.js";

/** The JSON-LD examples of schema.org's examples file: one per `TYPES:` section that has a JSON: part. */
function examples(text: string): Array<{ id: string; json: string }> {
  const out: Array<{ id: string; json: string }> = [];
  for (const section of text.split(/^TYPES:/m).slice(1)) {
    const id = section.slice(0, section.indexOf("\n")).trim();
    const json = /^JSON:\s*$([\s\S]*?)(?=^[A-Z-]+:\s*$|(?![\s\S]))/m.exec(section)?.[1];
    if (!json) continue;
    const script = /<script[^>]*>([\s\S]*?)<\/script>/i.exec(json)?.[1];
    if (script?.trim()) out.push({ id, json: script.trim() });
  }
  return out;
}

describe("schema.org's own JSON-LD examples", () => {
  if (!hasShared) console.warn(sharedSkipReason("the schema.org examples check"));
  it.skipIf(!hasShared)("jsonld/unknown-type and jsonld/unknown-property stay silent on at least 98%", () => {
    const all = examples(readShared(SCHEMAORG_EXAMPLES_PATH));
    let parsed = 0;
    let silent = 0;
    const noisy: string[] = [];
    for (const { id, json } of all) {
      let article: Article;
      try {
        JSON.parse(json);
        article = fixtureArticle(json);
      } catch {
        continue; // a few examples are not JSON at all; the figure counts the ones that are
      }
      parsed++;
      jsonLdNodes(article);
      const reports = [...runRule(unknownType, article), ...runRule(unknownProperty, article)];
      if (reports.length === 0) silent++;
      else
        noisy.push(`${id}: ${reports.map((r) => `${r.messageId} ${json.slice(r.span.start, r.span.end)}`).join(", ")}`);
    }
    const share = silent / parsed;
    console.log(
      `schema.org examples: ${silent}/${parsed} silent (${(share * 100).toFixed(1)}%) for jsonld/unknown-type + jsonld/unknown-property (${all.length} JSON-LD sections)`,
    );
    if (noisy.length) console.log(`noisy:\n  ${noisy.slice(0, 40).join("\n  ")}`);
    expect(parsed).toBeGreaterThan(400);
    expect(share).toBeGreaterThanOrEqual(0.98);
  });
});
