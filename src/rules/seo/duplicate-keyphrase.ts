import { duplicateRule } from "./_corpus-duplicates.js";

export const duplicateKeyphrase = duplicateRule(
  "seo/duplicate-keyphrase",
  "Two articles of a run should not target the same focus keyphrase.",
  (entry) => entry.focusKeyword,
  "The focus keyphrase “{{text}}” is also the focus of {{others}}; pages that target the same query compete with each other in search. Give each article its own keyphrase, or merge them.",
);
