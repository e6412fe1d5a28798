import { linkPresenceRule } from "./_links.js";

export const internalLinks = linkPresenceRule(
  "seo/internal-links",
  "The text should link to other pages of the same site.",
  (links) => links.internal,
  {
    none: "No internal links found; links to your related pages help readers go deeper and help search engines understand the site. Link one or two of your own articles on the topic.",
    allNofollow:
      "All {{count}} internal links are nofollow, so they pass no signal to your own pages. Remove rel=nofollow from links to your site.",
  },
);
