import { linkPresenceRule } from "./_links.js";

export const outboundLinks = linkPresenceRule(
  "seo/outbound-links",
  "The text should link to outside sources (studies, guidelines, official pages).",
  (links) => links.outbound,
  {
    none: "No outbound links found; citing sources lets readers check claims and shows the page is grounded. Link the studies, guidelines or official pages you rely on.",
    allNofollow:
      "All {{count}} outbound links are nofollow; links to trustworthy sources can be followed. Keep nofollow for paid or untrusted links only.",
  },
);
