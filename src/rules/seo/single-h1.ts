import type { Report } from "../../engine/types.js";
import { seoRule } from "./_assessment.js";

export const singleH1 = seoRule(
  {
    id: "seo/single-h1",
    description: "A page has one H1: the title. A second H1 in the body competes with it.",
    severity: "warn",
    presets: ["recommended"],
    messages: {
      extra:
        "This is a second H1; the title is already the page's H1, and two H1s blur what the page is about. Make it an H2.",
    },
  },
  ({ article }) => {
    const reports: Report[] = [];
    // The title renders as the H1; without one, the first body H1 takes its place.
    let seen = article.title !== undefined && article.title.text.trim() !== "";
    const { blocks } = article;
    // an index loop: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
    for (let b = 0; b < blocks.length; b++) {
      const block = blocks[b]!;
      if (block.kind !== "heading" || block.level !== 1) continue;
      if (seen) reports.push({ messageId: "extra", span: block.span });
      seen = true;
    }
    // Yoast's SingleH1Assessment: good 8, bad 1.
    return { score: reports.length > 0 ? 1 : 8, reports };
  },
);
