import { describe, expect, it } from "vitest";
import { escapeAttr, escapeHtml, jsonForScript, safeUrl } from "./escape.js";

const HOSTILE = [
  "</script><script>window.__pwned=1</script>",
  "<img src=x onerror=window.__pwned=2>",
  "</title>",
  "<!-- open comment",
  '" onmouseover="alert(1)',
  "' onfocus='alert(1)",
  "&amp; already escaped",
  "line\u2028separator\u2029paragraph",
];

describe("escapeHtml", () => {
  it("escapes exactly &, < and >", () => {
    expect(escapeHtml("a < b && c > d")).toBe("a &lt; b &amp;&amp; c &gt; d");
    expect(escapeHtml("</script><script>x</script>")).toBe("&lt;/script&gt;&lt;script&gt;x&lt;/script&gt;");
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
  });

  it("leaves quotes and typographic characters alone in text", () => {
    expect(escapeHtml('This “guarding” isn\'t "it"')).toBe('This “guarding” isn\'t "it"');
  });

  it("replaces control characters and noncharacters that HTML forbids", () => {
    expect(escapeHtml("a\u0000b\u0007c\u007Fd\uFFFEe\tf\ng")).toBe("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\tf\ng");
  });

  it("never lets a hostile string produce a tag", () => {
    for (const s of HOSTILE) expect(escapeHtml(s)).not.toMatch(/</);
  });
});

describe("escapeAttr", () => {
  it("escapes both quote kinds too", () => {
    expect(escapeAttr(`"x' <y> &`)).toBe("&quot;x&#39; &lt;y&gt; &amp;");
  });
  it("cannot close a quoted attribute", () => {
    for (const s of HOSTILE) expect(escapeAttr(s)).not.toMatch(/["'<>]/);
  });
});

describe("jsonForScript", () => {
  it("writes <, >, &, U+2028 and U+2029 as \\u escapes", () => {
    expect(jsonForScript({ a: "</script>&\u2028\u2029" })).toBe('{"a":"\\u003c/script\\u003e\\u0026\\u2028\\u2029"}');
  });

  it("round-trips every hostile string through JSON.parse unchanged", () => {
    const value = { list: HOSTILE, nested: { "</script>": HOSTILE.join("") } };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it("keeps indentation when asked", () => {
    expect(jsonForScript({ a: 1 }, 2)).toBe('{\n  "a": 1\n}');
  });
});

describe("safeUrl", () => {
  it("keeps http(s), mailto, relative and fragment URLs", () => {
    expect(safeUrl("https://example.com/a?b=1")).toBe("https://example.com/a?b=1");
    expect(safeUrl("mailto:ed@example.com")).toBe("mailto:ed@example.com");
    expect(safeUrl("/img/a.png")).toBe("/img/a.png");
    expect(safeUrl("../b/")).toBe("../b/");
    expect(safeUrl("img/a.png")).toBe("img/a.png");
    expect(safeUrl("#faq")).toBe("#faq");
  });

  it("drops script-capable and unknown schemes, also when disguised with whitespace or case", () => {
    expect(safeUrl("javascript:alert(1)")).toBeUndefined();
    expect(safeUrl(" JaVaScRiPt:alert(1)")).toBeUndefined();
    expect(safeUrl("java\tscript:alert(1)")).toBeUndefined();
    expect(safeUrl("data:text/html,<script>x</script>")).toBeUndefined();
    expect(safeUrl("vbscript:x")).toBeUndefined();
    expect(safeUrl("   ")).toBeUndefined();
    expect(safeUrl(undefined)).toBeUndefined();
  });
});
