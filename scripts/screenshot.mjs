#!/usr/bin/env node
// Regenerates docs/screenshot.png: builds one example draft with the default theme and
// photographs it in Debian's chromium. Run `npm run build` first.
//   node scripts/screenshot.mjs [draft] [--dark]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { readArticle } from "../dist/read/index.js";
import { isHealthArticle } from "../dist/text/health-detect.js";
import { buildSite } from "../dist/write/site.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const args = process.argv.slice(2);
const dark = args.includes("--dark");
const draft = args.find((a) => !a.startsWith("--")) ?? join(root, "examples/knee-pain-after-running.md");

const article = readArticle({ path: draft, text: readFileSync(draft, "utf8") });
// the examples reference images the repository does not ship: leave them out of the picture, not out of real builds
article.blocks = article.blocks.filter((b) => b.kind !== "image");
const site = await buildSite([{ article, diagnostics: [], health: isHealthArticle(article) }], {
  site: {
    url: "https://example.com",
    name: "Example Journal",
    language: "en",
    publisher: { name: "Example Journal", logo: "/logo.png" },
  },
  themeCss: readFileSync(join(root, "assets/theme.css"), "utf8"),
  now: new Date(),
  allowErrors: true,
});
const out = mkdtempSync(join(tmpdir(), "copydesk-shot-"));
for (const [rel, text] of site.files) {
  mkdirSync(dirname(join(out, rel)), { recursive: true });
  writeFileSync(join(out, rel), text);
}
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  const page = await browser.newPage({
    viewport: { width: 1100, height: 1000 },
    deviceScaleFactor: 1,
    colorScheme: dark ? "dark" : "light",
  });
  await page.goto(pathToFileURL(join(out, site.pages[0].file)).href);
  await page
    .locator("#faq details")
    .first()
    .evaluate((d) => {
      d.open = true;
    });
  const target = join(root, "docs/screenshot.png");
  await page.screenshot({ path: target, fullPage: false });
  console.log(`wrote ${target} from ${draft}`);
} finally {
  await browser.close();
  rmSync(out, { recursive: true, force: true });
}
