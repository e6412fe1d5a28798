import type { Rule } from "../../engine/types.js";
import {
  isObject,
  type JsonLdNode,
  jsonLdNodes,
  lineOf,
  nodeAnchor,
  nodeIs,
  normalizeForCompare,
  propertyValues,
  valueSpan,
} from "../../jsonld/nodes.js";
import type { FaqItem } from "../../model/article.js";

const DOC = "https://developers.google.com/search/docs/appearance/structured-data/faqpage#guidelines";

interface MarkedQuestion {
  question: string;
  questionPointer: string;
  answer?: string;
  answerPointer?: string;
}

/** The Questions of an FAQPage with the text of their (first) accepted answer. */
function markedQuestions(page: JsonLdNode, nodes: readonly JsonLdNode[]): MarkedQuestion[] {
  const out: MarkedQuestion[] = [];
  for (const { value, pointer } of propertyValues(page, "mainEntity")) {
    if (!isObject(value)) continue;
    const q = nodes.find((n) => n.block === page.block && n.pointer === pointer);
    const name = q && propertyValues(q, "name")[0];
    if (!q || !name || typeof name.value !== "string" || name.value.trim() === "") continue;
    const entry: MarkedQuestion = { question: name.value.trim(), questionPointer: name.pointer };
    const answer = propertyValues(q, "acceptedAnswer")[0];
    const answerNode = answer && nodes.find((n) => n.block === page.block && n.pointer === answer.pointer);
    const text = answerNode && propertyValues(answerNode, "text")[0];
    if (text && typeof text.value === "string") {
      entry.answer = text.value;
      entry.answerPointer = text.pointer;
    }
    out.push(entry);
  }
  return out;
}

export const faqMismatch: Rule = {
  meta: {
    id: "consistency/faq-mismatch",
    description:
      "Every FAQPage question and answer matches a visible FAQ item, and every visible FAQ item is in the markup (whitespace, quotes and markup normalized).",
    severity: "error",
    presets: ["recommended"],
    messages: {
      noVisibleFaq: `This FAQPage marks up questions, but the page shows no FAQ section; Google requires FAQ markup to match content visible on the page (${DOC}). Add the FAQ to the page or remove the markup.`,
      questionNotVisible: `The marked-up question "{{question}}" is not among the page's visible FAQ questions; Google requires marked-up content to be visible (${DOC}). Add it to the page or remove it from the markup.`,
      answerDiffers: `The marked-up answer to "{{question}}" differs from the answer the page shows (line {{line}}); Google requires the full answer as visible on the page (${DOC}). Copy the visible answer into \`text\`.`,
      questionNotMarked: `The visible FAQ question "{{question}}" is missing from the FAQPage markup, so the markup no longer matches the page (${DOC}). Add it as a Question or drop it from the markup's source.`,
    },
  },
  check(ctx) {
    const nodes = jsonLdNodes(ctx.article);
    const pages = nodes.filter((n) => nodeIs(n, ctx.vocab, "FAQPage"));
    if (pages.length === 0) return;
    const visible = new Map<string, FaqItem>();
    for (const item of ctx.article.faq) visible.set(normalizeForCompare(item.question.text), item);
    const missingFromMarkup = new Set<FaqItem>();
    for (const page of pages) {
      const marked = markedQuestions(page, nodes);
      if (marked.length === 0) continue;
      if (visible.size === 0) {
        ctx.report({ messageId: "noVisibleFaq", span: nodeAnchor(page) });
        continue;
      }
      const seen = new Set<FaqItem>();
      for (const m of marked) {
        const item = visible.get(normalizeForCompare(m.question));
        if (!item) {
          ctx.report({
            messageId: "questionNotVisible",
            data: { question: m.question },
            span: valueSpan(page.block, m.questionPointer),
          });
          continue;
        }
        seen.add(item);
        if (
          m.answer !== undefined &&
          m.answerPointer !== undefined &&
          // the same text normalises the same: most answers are copied verbatim, and normalising copies them
          m.answer !== item.answer.text &&
          normalizeForCompare(m.answer) !== normalizeForCompare(item.answer.text)
        ) {
          ctx.report({
            messageId: "answerDiffers",
            data: { question: m.question, line: lineOf(ctx.article, item.answer.span.start) },
            span: valueSpan(page.block, m.answerPointer),
          });
        }
      }
      for (const item of visible.values()) if (!seen.has(item)) missingFromMarkup.add(item);
    }
    for (const item of ctx.article.faq) {
      if (missingFromMarkup.has(item)) {
        ctx.report({
          messageId: "questionNotMarked",
          data: { question: item.question.text.trim() },
          span: item.question.span,
        });
      }
    }
  },
};
