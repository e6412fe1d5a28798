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

describe("the no-escape fast path", () => {
  it("gives what the full replacement gives for every UTF-16 code unit, alone and in prose", () => {
    const text = { "&": "&amp;", "<": "&lt;", ">": "&gt;" } as Record<string, string>;
    const attr = { ...text, '"': "&quot;", "'": "&#39;" } as Record<string, string>;
    const invalid = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/g;
    const fullHtml = (s: string) => s.replace(/[&<>]/g, (c) => text[c]!).replace(invalid, "\uFFFD");
    const fullAttr = (s: string) => s.replace(/[&<>"']/g, (c) => attr[c]!).replace(invalid, "\uFFFD");
    for (let code = 0; code <= 0xffff; code++) {
      const s = `plain ${String.fromCharCode(code)} prose`;
      if (escapeHtml(s) !== fullHtml(s)) throw new Error(`escapeHtml differs at U+${code.toString(16)}`);
      if (escapeAttr(s) !== fullAttr(s)) throw new Error(`escapeAttr differs at U+${code.toString(16)}`);
    }
    expect(escapeHtml("plain prose")).toBe("plain prose");
    expect(escapeAttr("a\u0085b")).toBe("a\uFFFDb");
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
