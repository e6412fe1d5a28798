import { matchKeyphraseInText } from "../../text/keyphrase.js";
import { anchorSpan } from "./_article-parts.js";
import { scored, seoRule } from "./_assessment.js";
import { contentWordsIn, keyphraseFacts } from "./_keyphrase.js";

export const keyphraseInIntroduction = seoRule(
  {
    id: "seo/keyphrase-in-introduction",
    description: "The first paragraph should use the focus keyphrase in one sentence.",
    severity: "warn",
    presets: ["recommended"],
    messages: {
      split:
        "The first paragraph has all the words of the focus keyphrase “{{keyphrase}}”, but not in one sentence. Say it in one sentence so readers see at once that the page answers their query.",
      missing:
        "The first paragraph does not use the focus keyphrase “{{keyphrase}}”; readers and search engines expect the topic to be named up front. Use it in the opening sentences.",
      noParagraph:
        "The article has no paragraph to serve as its introduction. Open with a paragraph that names the topic.",
    },
  },
  ({ article, text }) => {
    const facts = keyphraseFacts(article, text);
    if (!facts) return undefined;
    const kp = facts.keyphrase;
    const data = { keyphrase: kp.text };
    let intro: (typeof text.segments)[number] | undefined;
    for (let i = text.body.segment; i < text.segments.length && !intro; i++) {
      if (text.segments[i]?.kind === "paragraph") intro = text.segments[i];
    }
    if (!intro) return scored(3, { messageId: "noParagraph", span: anchorSpan(article) });
    const span = { start: intro.start, end: intro.end };
    // Yoast: all content words in one sentence → 9; all in the paragraph → 6; else 3.
    if (matchKeyphraseInText(text, kp, intro.firstSentence, intro.firstSentence + intro.sentenceCount).count > 0) {
      return scored(9);
    }
    if (contentWordsIn(kp, facts.wordKeys, intro.firstWord, intro.firstWord + intro.wordCount) === kp.stems.length) {
      return scored(6, { messageId: "split", data, span });
    }
    return scored(3, { messageId: "missing", data, span });
  },
);
