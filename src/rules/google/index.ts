import type { AnyRule } from "../../engine/types.js";
import { article } from "./article.js";
import { breadcrumb } from "./breadcrumb.js";
import { faqRetired } from "./faq-retired.js";
import { faqpage } from "./faqpage.js";
import { organization } from "./organization.js";

/** Rules of the `google` category, sorted by id. */
export const googleRules: AnyRule[] = [article, breadcrumb, faqRetired, faqpage, organization];
