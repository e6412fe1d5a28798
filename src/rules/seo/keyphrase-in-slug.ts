import { slugify } from "../../write/site.js";
import { scored, seoRule } from "./_assessment.js";
import { contentWordsIn, keyphraseFacts, keysOf } from "./_keyphrase.js";

export const keyphraseInSlug = seoRule(
  {
    id: "seo/keyphrase-in-slug",
    description: "The slug (URL path) should contain the focus keyphrase's words.",
    severity: "warn",
    presets: ["recommended"],
    messages: {
      missing:
        "The slug “{{slug}}” does not contain enough of the focus keyphrase “{{keyphrase}}”; words in the URL show searchers what the page is about. Use a slug made of the keyphrase.",
      derived:
        "No slug is set, and the one derived from the title (“{{slug}}”) does not contain enough of the focus keyphrase “{{keyphrase}}”. Set a slug made of the keyphrase.",
    },
  },
  ({ article, text }) => {
    const facts = keyphraseFacts(article, text);
    if (!facts) return undefined;
    // Without a slug, `copydesk build` derives one from the title: check that one.
    const own = article.meta.slug && article.meta.slug.text.trim() !== "" ? article.meta.slug : undefined;
    const titlePart = article.title ?? article.meta.title;
    const slug = own ? own.text.trim() : slugify(titlePart?.text ?? "");
    const span = own?.span ?? titlePart?.span;
    if (slug === "" || !span) return undefined;
    const kp = facts.keyphrase;
    const keys = keysOf(slug.replace(/[-_/]+/g, " "), kp, text.lang);
    const found = contentWordsIn(kp, keys, 0, keys.length);
    // Yoast: a keyphrase of one or two words must be there entirely; a longer one by more than half.
    const enough = kp.stems.length <= 2 ? found === kp.stems.length : found * 2 > kp.stems.length;
    if (enough) return scored(9);
    const data = { slug, keyphrase: kp.text };
    return scored(6, { messageId: own ? "missing" : "derived", data, span });
  },
);
