import { wordsOf } from "../../text/words.js";
import { seoTitle } from "./_article-parts.js";
import { scored, seoRule } from "./_assessment.js";
import { contentWordsIn, keyphraseFacts, keysOf } from "./_keyphrase.js";

/** Index of the first word of the first exact run of `phrase` in `words`, or -1. */
function findRun(words: readonly string[], phrase: readonly string[]): number {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    let j = 0;
    while (j < phrase.length && words[i + j] === phrase[j]) j++;
    if (j === phrase.length) return i;
  }
  return -1;
}

export const keyphraseInTitle = seoRule(
  {
    id: "seo/keyphrase-in-title",
    description: "The SEO title should start with the exact focus keyphrase.",
    severity: "warn",
    presets: ["recommended"],
    messages: {
      notAtStart:
        "The SEO title contains the focus keyphrase “{{keyphrase}}” but not at its start; searchers scan the first words of a result. Move the keyphrase to the front.",
      notExact:
        "The SEO title has the words of the focus keyphrase “{{keyphrase}}” but not as the exact phrase. Write the keyphrase as searched, at the start of the title.",
      missing:
        "The SEO title does not contain the focus keyphrase “{{keyphrase}}”; the title is the strongest on-page signal of what the page answers. Start the title with the keyphrase.",
    },
  },
  ({ article, text }) => {
    const facts = keyphraseFacts(article, text);
    const title = seoTitle(article);
    if (!facts || !title) return undefined;
    const kp = facts.keyphrase;
    const data = { keyphrase: kp.text };
    // Yoast: exact match at the start → 9, exact match elsewhere or all words found → 6, else 2.
    const at = findRun(wordsOf(title.text), kp.words);
    if (at === 0) return scored(9);
    if (at > 0) return scored(6, { messageId: "notAtStart", data, span: title.span });
    const keys = keysOf(title.text, kp, text.lang);
    if (contentWordsIn(kp, keys, 0, keys.length) === kp.stems.length) {
      return scored(6, { messageId: "notExact", data, span: title.span });
    }
    return scored(2, { messageId: "missing", data, span: title.span });
  },
);
