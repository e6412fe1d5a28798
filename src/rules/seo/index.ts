import type { AnyRule } from "../../engine/types.js";
import type { SeoRule } from "./_assessment.js";
import { duplicateKeyphrase } from "./duplicate-keyphrase.js";
import { duplicateMetaDescription } from "./duplicate-meta-description.js";
import { duplicateTitle } from "./duplicate-title.js";
import { imageAlt } from "./image-alt.js";
import { internalLinks } from "./internal-links.js";
import { keyphraseDensity } from "./keyphrase-density.js";
import { keyphraseInIntroduction } from "./keyphrase-in-introduction.js";
import { keyphraseInMetaDescription } from "./keyphrase-in-meta-description.js";
import { keyphraseInSlug } from "./keyphrase-in-slug.js";
import { keyphraseInSubheadings } from "./keyphrase-in-subheadings.js";
import { keyphraseInTitle } from "./keyphrase-in-title.js";
import { keyphraseLength } from "./keyphrase-length.js";
import { metaDescriptionLength } from "./meta-description-length.js";
import { outboundLinks } from "./outbound-links.js";
import { singleH1 } from "./single-h1.js";
import { textLength } from "./text-length.js";
import { titleWidth } from "./title-width.js";

/** The per-article SEO rules, each a Yoast-style assessment (sorted by id); the SEO score reads them. */
export const seoAssessmentRules: readonly SeoRule<any>[] = [
  imageAlt,
  internalLinks,
  keyphraseDensity,
  keyphraseInIntroduction,
  keyphraseInMetaDescription,
  keyphraseInSlug,
  keyphraseInSubheadings,
  keyphraseInTitle,
  keyphraseLength,
  metaDescriptionLength,
  outboundLinks,
  singleH1,
  textLength,
  titleWidth,
];

/** Rules of the `seo` category, sorted by id. */
export const seoRules: AnyRule[] = [
  duplicateKeyphrase,
  duplicateMetaDescription,
  duplicateTitle,
  ...seoAssessmentRules,
];
