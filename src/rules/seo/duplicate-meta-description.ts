import { duplicateRule } from "./_corpus-duplicates.js";

export const duplicateMetaDescription = duplicateRule(
  "seo/duplicate-meta-description",
  "Two articles of a run should not share a meta description.",
  (entry) => entry.metaDescription,
  "This meta description is also used by {{others}}; Google may ignore duplicated descriptions and write its own. Describe what this page answers.",
);
