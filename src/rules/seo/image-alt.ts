import type { Report } from "../../engine/types.js";
import type { Article, Image } from "../../model/article.js";
import { anchorSpan } from "./_article-parts.js";
import { scored, seoRule } from "./_assessment.js";

/** Images of the body. */
export function articleImages(article: Article): Image[] {
  const images: Image[] = [];
  const { blocks } = article;
  // an index loop: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.kind === "image") images.push(block.image);
  }
  return images;
}

export const imageAlt = seoRule(
  {
    id: "seo/image-alt",
    description: "The text should have at least one image, and every image needs alt text.",
    severity: "warn",
    presets: ["recommended"],
    messages: {
      noImages:
        "No images found; an image that shows the topic makes the page easier to scan and can rank in image search. Add one with descriptive alt text.",
      missingAlt:
        "This image has no alt text; screen readers and search engines cannot tell what it shows. Describe the image in a short phrase.",
    },
  },
  ({ article }) => {
    const images = articleImages(article);
    // Yoast's image count: none → 3; its alt-tag check: some without alt → 3 (we say 6: the images are there).
    if (images.length === 0) return scored(3, { messageId: "noImages", span: anchorSpan(article) }, 0);
    const reports: Report[] = [];
    for (let i = 0; i < images.length; i++) {
      const image = images[i]!;
      if (!image.alt || image.alt.trim() === "") reports.push({ messageId: "missingAlt", span: image.span });
    }
    return { score: reports.length > 0 ? 6 : 9, value: images.length, reports };
  },
);
