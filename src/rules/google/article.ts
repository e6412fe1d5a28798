import type { Rule } from "../../engine/types.js";
import {
  isArticleLike,
  isObject,
  type JsonLdNode,
  jsonLdNodes,
  nodeAnchor,
  propertyValues,
  schemaTerm,
  valueSpan,
} from "../../jsonld/nodes.js";
import type { VocabIndex } from "../../vocab/types.js";

const DOC = "https://developers.google.com/search/docs/appearance/structured-data/article";
const RECOMMENDED = ["headline", "image", "datePublished", "dateModified", "author"] as const;

/** What makes an author name more than a name, per Google's author markup best practices. */
const NAME_PROBLEMS: Array<[RegExp, string]> = [
  [/^\s*(posted|written|reviewed)?\s*by\b/i, 'starts with "by"'],
  [/\b(dr|mr|mrs|ms|prof)\.?\s/i, "includes an honorific"],
  [/,\s*(md|phd|rn|do|mph|msc|bsc|ma|mba|dds|pharmd)\b/i, "includes credentials"],
  [/[|•·]|\s[-–—]\s/, "includes a separator (job title or site name?)"],
  [/\s(and|&)\s/i, "names more than one person (use one author object each)"],
  [/@|https?:\/\//i, "includes an email address or URL"],
];

function authorNameProblem(name: string): string | undefined {
  for (const [re, why] of NAME_PROBLEMS) if (re.test(name)) return why;
  return undefined;
}

function checkAuthor(
  node: JsonLdNode,
  vocab: VocabIndex,
  report: (messageId: string, pointer: string, data?: Record<string, string>) => void,
) {
  for (const { value, pointer } of propertyValues(node, "author")) {
    if (typeof value === "string") {
      if (value.trim() !== "") report("authorNotObject", pointer, { name: value });
      continue;
    }
    if (!isObject(value) || ("@id" in value && Object.keys(value).length === 1)) continue;
    const types = (Array.isArray(value["@type"]) ? value["@type"] : [value["@type"]])
      .filter((t): t is string => typeof t === "string")
      .map((t) => schemaTerm(t));
    const isOrganization = types.some((t) => t && vocab.isSubtypeOf(t, "Organization"));
    if (!isOrganization && !types.some((t) => t && vocab.isSubtypeOf(t, "Person"))) {
      report("authorType", pointer, { type: types.join(", ") || "none" });
    }
    const keys = Object.keys(value);
    const nameKey = keys.find((k) => schemaTerm(k) === "name");
    const name = nameKey === undefined ? undefined : value[nameKey];
    if (nameKey === undefined) report("authorName", pointer);
    else if (typeof name === "string" && name.trim() !== "" && !isOrganization) {
      // organization names legitimately contain "&", "and" or dashes: only people's names are checked
      const problem = authorNameProblem(name);
      if (problem) report("authorNameHygiene", `${pointer}/${nameKey}`, { name, problem });
    }
    if (!keys.some((k) => schemaTerm(k) === "url" || schemaTerm(k) === "sameAs")) report("authorUrl", pointer);
  }
}

export const article: Rule = {
  meta: {
    id: "google/article",
    description:
      "Article, NewsArticle and BlogPosting markup has Google's recommended properties: headline, image, datePublished, dateModified, and an author (Person or Organization) with name and url.",
    severity: "warn",
    presets: ["recommended"],
    messages: {
      missing: `The {{type}} has no \`{{property}}\`, a property Google recommends for article rich results (${DOC}). Add it.`,
      authorNotObject: `\`author\` is the plain text "{{name}}"; Google recommends an author object so it can tell people from organizations (${DOC}#author-bp). Write {"@type": "Person", "name": "{{name}}", "url": "…"}.`,
      authorType: `\`author\` has type {{type}}; Google expects a Person or an Organization (${DOC}#author-bp). Use one of those types.`,
      authorName: `The author has no \`name\`, which Google needs to show who wrote the article (${DOC}#author-bp). Add the author's name.`,
      authorUrl: `The author has no \`url\` (or \`sameAs\`), which Google recommends to identify the author (${DOC}#author-bp). Link the author's profile page.`,
      authorNameHygiene: `Author name "{{name}}" {{problem}}; Google asks for only the name in \`author.name\` (${DOC}#author-bp). Put titles, credentials and roles elsewhere (jobTitle, honorificPrefix).`,
    },
  },
  check(ctx) {
    const nodes = jsonLdNodes(ctx.article);
    // index loops: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n]!;
      if (!isArticleLike(node, ctx.vocab)) continue;
      const type = node.types.find((t) => ctx.vocab.isSubtypeOf(t, "Article")) ?? "Article";
      for (let r = 0; r < RECOMMENDED.length; r++) {
        const property = RECOMMENDED[r]!;
        // empty values are jsonld/empty-value's to report: here only what is absent
        if (propertyValues(node, property).length === 0) {
          ctx.report({ messageId: "missing", data: { type, property }, span: nodeAnchor(node) });
        }
      }
      checkAuthor(node, ctx.vocab, (messageId, pointer, data) =>
        ctx.report({ messageId, ...(data ? { data } : {}), span: valueSpan(node.block, pointer) }),
      );
    }
  },
};
