import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readArticle } from "../src/read/index.js";
import { buildSite, type SiteResult } from "../src/write/site.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(
    `skipped: browser tests need Debian's chromium at ${CHROMIUM} (apt-get install chromium; .ci/run does this)`,
  );

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const root = new URL("../", import.meta.url).pathname;
const HOSTILE_DIR = join(root, "test/fixtures/hostile");
const EXAMPLES_DIR = join(root, "examples");
const DRAFT_EXT = new Set([".txt", ".md", ".html", ".json"]);

function drafts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => DRAFT_EXT.has(extname(f)) && !f.startsWith("copydesk.config"))
    .sort()
    .map((f) => join(dir, f));
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".xml": "application/xml",
  ".txt": "text/plain",
};

/** A static server for the built site on 127.0.0.1 and a random port. */
function serve(dir: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(
      /^(\.\.[/\\])+/,
      "",
    );
    let file = join(dir, path);
    if (file.endsWith("/")) file = join(file, "index.html");
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` });
    }),
  );
}

describe.skipIf(!hasChromium)("built pages in Chromium", () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  let out: string;
  let site: SiteResult;
  const hostilePaths = drafts(HOSTILE_DIR);

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), "copydesk-browser-"));
    const inputs = [...drafts(EXAMPLES_DIR), ...hostilePaths].map((path) => ({
      article: readArticle({ path, text: readFileSync(path, "utf8") }),
      diagnostics: [],
      health: false,
    }));
    site = await buildSite(inputs, {
      site: { url: "https://pages.example.org", name: "Browser Test Site", publisher: { name: "Example Press" } },
      themeCss: readFileSync(join(root, "assets/theme.css"), "utf8"),
      now: new Date("2025-01-01T00:00:00Z"),
      allowErrors: true,
    });
    for (const [rel, text] of site.files) {
      mkdirSync(dirname(join(out, rel)), { recursive: true });
      writeFileSync(join(out, rel), text);
    }
    ({ server, base } = await serve(out));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    rmSync(out, { recursive: true, force: true });
  });

  it("builds at least the hostile fixtures", () => {
    expect(hostilePaths.length).toBeGreaterThan(0);
    expect(site.pages.map((p) => p.path)).toEqual([...drafts(EXAMPLES_DIR), ...hostilePaths]);
    expect(site.held).toEqual([]);
  });

  it("shows one h1, the FAQ, and ld+json that parses to exactly the built graph", async () => {
    const page = await browser.newPage();
    try {
      for (const built of site.pages) {
        await page.goto(`${base}${built.slug}/`);
        expect(await page.locator("h1").allTextContents()).toEqual([built.facts.title]);
        const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
        expect(scripts).toHaveLength(1);
        expect(JSON.parse(scripts[0]!)).toEqual(built.graph);
        const faqNode = (built.graph["@graph"] as any[]).find((n) => n["@type"] === "FAQPage");
        const questions = await page.locator("#faq details summary").allTextContents();
        expect(questions).toEqual(faqNode ? faqNode.mainEntity.map((q: any) => q.name) : []);
        if (faqNode) {
          // answers are in the page (closed details still hold their text)
          const answers = await page.locator("#faq details > div").allTextContents();
          expect(answers).toEqual(faqNode.mainEntity.map((q: any) => q.acceptedAnswer.text));
        }
        // (the callbacks run in the page; the project compiles without DOM types, hence `any`)
        const css = await page.evaluate(() => {
          const w = globalThis as any;
          return w.getComputedStyle(w.document.body).fontFamily as string;
        });
        expect(css).toContain("system-ui"); // the theme loaded
      }
    } finally {
      await page.close();
    }
  });

  it("runs nothing from a hostile draft: payloads show as text and set no global", async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    try {
      const hostile = site.pages.filter((p) => hostilePaths.includes(p.path));
      expect(hostile.length).toBe(hostilePaths.length);
      for (const built of hostile) {
        await page.goto(`${base}${built.slug}/`, { waitUntil: "load" });
        await page.locator("#faq summary").first().click(); // open an answer: still nothing runs
        await page.waitForTimeout(50);
        const globals = await page.evaluate(() => {
          const w = globalThis as any;
          return {
            __pwned: w.__pwned,
            pwned: w.pwned,
            imgs: w.document.images.length,
            scripts: w.document.scripts.length,
          };
        });
        expect(globals).toEqual({ __pwned: undefined, pwned: undefined, imgs: 0, scripts: 1 });
        expect(await page.title()).toBe(built.facts.pageTitle);
        expect(await page.locator("h1").textContent()).toBe(built.facts.title);
        const description = await page.locator('meta[name="description"]').getAttribute("content");
        expect(description).toBe(built.facts.description);
        expect(dialogs).toEqual([]);
      }
      // the fixture really carries the payloads in title, description and FAQ
      const first = hostile.find((p) => p.path.endsWith("script-injection.txt"))!;
      expect(first.facts.title).toContain("</script><script>");
      expect(first.facts.title).toContain("<img src=x onerror=");
      expect(first.facts.pageTitle).toContain("</title>");
      expect(first.facts.description).toContain("</script><script>window.__pwned=10</script>");
    } finally {
      await page.close();
    }
  });
});
