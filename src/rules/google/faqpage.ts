import type { Rule } from "../../engine/types.js";
import {
  isEmptyValue,
  isObject,
  jsonLdNodes,
  nodeAnchor,
  nodeIs,
  propertyValues,
  valueSpan,
} from "../../jsonld/nodes.js";

const DOC = "https://developers.google.com/search/docs/appearance/structured-data/faqpage";

export const faqpage: Rule = {
  meta: {
    id: "google/faqpage",
    description:
      "FAQPage markup has Google's required properties: mainEntity of Questions, each with a name and exactly one acceptedAnswer with text.",
    severity: "error",
    presets: ["recommended"],
    messages: {
      missingMainEntity: `The FAQPage has no questions in \`mainEntity\`, which Google requires (${DOC}#faq-page). Add one Question per visible FAQ item.`,
      notQuestion: `An item of the FAQPage's \`mainEntity\` is not a Question; Google requires Questions there (${DOC}#faq-page). Set "@type": "Question".`,
      missingName: `A Question has no \`name\` (the question's full text), which Google requires (${DOC}#question). Add the question as written on the page.`,
      missingAnswer: `The question "{{question}}" has no \`acceptedAnswer\`, which Google requires (${DOC}#question). Add {"@type": "Answer", "text": "…"}.`,
      multipleAnswers: `The question "{{question}}" has {{count}} accepted answers; Google requires exactly one per question on an FAQPage (${DOC}#question). Keep the one the page shows.`,
      missingAnswerText: `The answer to "{{question}}" has no \`text\`, which Google requires (${DOC}#answer). Add the full answer as shown on the page.`,
    },
  },
  check(ctx) {
    const nodes = jsonLdNodes(ctx.article);
    // an index loop: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n]!;
      if (!nodeIs(node, ctx.vocab, "FAQPage")) continue;
      // an empty string or [] is no question at all; an object that is not a Question is reported below
      const questions = propertyValues(node, "mainEntity").filter((q) => isObject(q.value) || !isEmptyValue(q.value));
      if (questions.length === 0) {
        ctx.report({ messageId: "missingMainEntity", span: nodeAnchor(node) });
        continue;
      }
      for (const q of questions) {
        const span = valueSpan(node.block, q.pointer);
        if (!isObject(q.value)) {
          ctx.report({ messageId: "notQuestion", span });
          continue;
        }
        const question = jsonLdNodes(ctx.article).find((n) => n.block === node.block && n.pointer === q.pointer);
        if (!question) continue;
        if (!nodeIs(question, ctx.vocab, "Question")) {
          ctx.report({ messageId: "notQuestion", span });
          continue;
        }
        const name = propertyValues(question, "name")[0];
        const text = typeof name?.value === "string" ? name.value.trim() : "";
        if (text === "")
          ctx.report({ messageId: "missingName", span: name ? valueSpan(node.block, name.pointer) : span });
        const label = text || "(unnamed)";
        const answers = propertyValues(question, "acceptedAnswer").filter((a) => !isEmptyValue(a.value));
        if (answers.length === 0) {
          ctx.report({
            messageId: "missingAnswer",
            data: { question: label },
            span: name ? valueSpan(node.block, name.pointer) : span,
          });
          continue;
        }
        if (answers.length > 1) {
          ctx.report({
            messageId: "multipleAnswers",
            data: { question: label, count: answers.length },
            span: valueSpan(node.block, (answers[1] as { pointer: string }).pointer),
          });
        }
        for (const a of answers) {
          const answer = isObject(a.value) ? a.value : undefined;
          const textKey = answer && Object.keys(answer).find((k) => k === "text" || k === "schema:text");
          const value = textKey === undefined ? undefined : answer?.[textKey];
          if (typeof value !== "string" || value.trim() === "") {
            const at = textKey === undefined ? a.pointer : `${a.pointer}/${textKey}`;
            ctx.report({ messageId: "missingAnswerText", data: { question: label }, span: valueSpan(node.block, at) });
          }
        }
      }
    }
  },
};
