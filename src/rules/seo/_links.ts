import type { SiteSettings } from "../../engine/types.js";
import type { Article, Link } from "../../model/article.js";
import { anchorSpan } from "./_article-parts.js";
import { type SeoRule, scored, seoRule } from "./_assessment.js";

export interface LinkCounts {
  internal: Link[];
  outbound: Link[];
}

/** Hosts by URL: the site's own URL is asked for on every article, and `new URL` is not cheap. */
const hosts = new Map<string, string | null>();

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let host = hosts.get(url);
  if (host === undefined) {
    try {
      host = new URL(url).host.toLowerCase().replace(/^www\./, "");
    } catch {
      host = null;
    }
    if (hosts.size >= 1024) hosts.clear();
    hosts.set(url, host);
  }
  return host ?? undefined;
}

/** The split last made for an article, with the site it was made for: internal-links and outbound-links both ask. */
const splits = new WeakMap<Article, { site: SiteSettings | undefined; counts: LinkCounts }>();

/** Splits the article's links into internal (relative, or to the site's own host) and outbound ones. */
export function classifyLinks(article: Article, site: SiteSettings | undefined): LinkCounts {
  const last = splits.get(article);
  if (last !== undefined && last.site === site) return last.counts;
  const counts = splitLinks(article, site);
  splits.set(article, { site, counts });
  return counts;
}

function splitLinks(article: Article, site: SiteSettings | undefined): LinkCounts {
  const ownHost = hostOf(site?.url) ?? hostOf(article.meta.canonical?.text.trim());
  const internal: Link[] = [];
  const outbound: Link[] = [];
  const { blocks } = article;
  // index loops: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.kind !== "paragraph" || !block.links) continue;
    const links = block.links;
    for (let l = 0; l < links.length; l++) {
      const link = links[l]!;
      const href = link.href.trim();
      if (href === "" || href.startsWith("#")) continue;
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
      if (scheme === undefined) {
        // protocol-relative URLs name a host; plain relative paths stay on the site
        if (href.startsWith("//")) (hostOf(`https:${href}`) === ownHost ? internal : outbound).push(link);
        else internal.push(link);
      } else if (scheme === "http" || scheme === "https") {
        (ownHost !== undefined && hostOf(href) === ownHost ? internal : outbound).push(link);
      }
    }
  }
  return { internal, outbound };
}

/** Yoast treats a link as not passing authority when its rel includes nofollow (or sponsored/ugc). */
export function isNofollow(link: Link): boolean {
  return /\b(nofollow|sponsored|ugc)\b/i.test(link.rel ?? "");
}

/** Yoast's internal and outbound link assessments: none → 3, all nofollow → 7, some nofollow → 8, all followed → 9. */
export function linkPresenceRule(
  id: string,
  description: string,
  pick: (counts: LinkCounts) => Link[],
  messages: { none: string; allNofollow: string },
): SeoRule<Record<string, unknown>> {
  return seoRule({ id, description, severity: "warn", presets: ["recommended"], messages }, ({ article, site }) => {
    const links = pick(classifyLinks(article, site));
    const first = links[0];
    if (!first) return scored(3, { messageId: "none", span: anchorSpan(article) }, 0);
    const nofollow = links.filter(isNofollow).length;
    if (nofollow === links.length) {
      return scored(7, { messageId: "allNofollow", data: { count: links.length }, span: first.span }, links.length);
    }
    return scored(nofollow > 0 ? 8 : 9, undefined, links.length);
  });
}
