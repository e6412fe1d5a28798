import { matchKeyphrase } from "../../text/keyphrase.js";
import { splitSentences } from "../../text/sentences.js";
import { present } from "./_article-parts.js";
import { scored, seoRule } from "./_assessment.js";
import { keyphraseFacts } from "./_keyphrase.js";

export const keyphraseInMetaDescription = seoRule(
  {
    id: "seo/keyphrase-in-meta-description",
    description: "The meta description should use the focus keyphrase once or twice.",
    severity: "warn",
    presets: ["recommended"],
    messages: {
      missing:
        "The meta description does not contain the focus keyphrase “{{keyphrase}}”; Google bolds the searched words in the snippet, which draws the eye. Use the keyphrase once.",
      tooOften:
        "The focus keyphrase appears in {{count}} sentences of the meta description; more than two reads as stuffing. Use it once or twice.",
    },
  },
  ({ article, text }) => {
    const facts = keyphraseFacts(article, text);
    const description = present(article.meta.description);
    if (!facts || !description) return undefined;
    const kp = facts.keyphrase;
    // Yoast counts the sentences of the description that hold the keyphrase: 1–2 → 9, 0 or 3+ → 3.
    let count = 0;
    for (const [start, end] of splitSentences(description.text, text.lang)) {
      if (matchKeyphrase(description.text.slice(start, end), kp, text.lang) > 0) count++;
    }
    if (count === 0) {
      return scored(3, { messageId: "missing", data: { keyphrase: kp.text }, span: description.span }, 0);
    }
    if (count > 2) return scored(3, { messageId: "tooOften", data: { count }, span: description.span }, count);
    return scored(9, undefined, count);
  },
);
