import { duplicateRule } from "./_corpus-duplicates.js";

export const duplicateTitle = duplicateRule(
  "seo/duplicate-title",
  "Two articles of a run should not share an SEO title.",
  // The title search results show: the meta title, else the visible title.
  (entry) => entry.metaTitle ?? entry.title,
  "The title “{{text}}” is also used by {{others}}; search results cannot tell the pages apart. Write a title that says what is specific to this page.",
);
