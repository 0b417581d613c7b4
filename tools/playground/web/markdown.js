// Discord markdown to DOM nodes. Every piece of text becomes a text node: nothing a message says is ever parsed as
// HTML. Links are made only for http(s) addresses.

/**
 * @typedef {object} MarkdownContext
 * @property {(id: string) => string | undefined} user   a member's display name
 * @property {(id: string) => string | undefined} role
 * @property {(id: string) => string | undefined} channel
 * @property {() => number} now   the viewer's clock (ms), for relative timestamps
 */

const INLINE = [
  ["escape", /\\([^A-Za-z0-9\s])/y],
  ["code", /(`+)([\s\S]*?[^`])\1(?!`)/y],
  ["spoiler", /\|\|([\s\S]+?)\|\|/y],
  ["bold", /\*\*([\s\S]+?)\*\*(?!\*)/y],
  ["underline", /__([\s\S]+?)__(?!_)/y],
  ["italic", /\*(?=\S)([\s\S]*?\S)\*(?!\*)/y],
  ["italic", /_(?=\S)([\s\S]*?\S)_(?![A-Za-z0-9_])/y],
  ["strike", /~~([\s\S]+?)~~/y],
  ["timestamp", /<t:(-?\d{1,13})(?::([tTdDfFR]))?>/y],
  ["user", /<@!?(\d{15,21})>/y],
  ["role", /<@&(\d{15,21})>/y],
  ["channel", /<#(\d{15,21})>/y],
  ["emoji", /<a?:(\w{2,32}):\d{15,21}>/y],
  ["link", /\[([^\]\n]+)\]\(<?(https?:\/\/[^\s)<>]+)>?\)/y],
  ["url", /https?:\/\/[^\s<]+[^<.,:;"')\]\s]/y],
];

/** @param {string} tag @param {string} [className] */
function el(tag, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

/**
 * Inline markdown (bold, italics, code, spoilers, mentions, timestamps, links) into `parent`.
 * @param {Node} parent @param {string} text @param {MarkdownContext} ctx
 */
function inline(parent, text, ctx) {
  let plain = "";
  let i = 0;
  const flush = () => {
    if (plain) parent.appendChild(document.createTextNode(plain));
    plain = "";
  };
  outer: while (i < text.length) {
    for (const [kind, pattern] of INLINE) {
      pattern.lastIndex = i;
      const match = pattern.exec(text);
      if (!match) continue;
      // Read the end first: rendering the inside parses again with these same patterns.
      const end = pattern.lastIndex;
      flush();
      parent.appendChild(render(kind, match, ctx));
      i = end;
      continue outer;
    }
    plain += text[i];
    i++;
  }
  flush();
}

/** @param {string} kind @param {RegExpExecArray} m @param {MarkdownContext} ctx @returns {Node} */
function render(kind, m, ctx) {
  const wrap = (tag, className, inner) => {
    const node = el(tag, className);
    inline(node, inner, ctx);
    return node;
  };
  switch (kind) {
    case "escape":
      return document.createTextNode(m[1]);
    case "code": {
      const node = el("code", "inline-code");
      node.textContent = m[2].replace(/^ (.*) $/s, "$1");
      return node;
    }
    case "spoiler": {
      const node = wrap("span", "spoiler", m[1]);
      node.setAttribute("role", "button");
      node.title = "Spoiler: click to reveal";
      node.addEventListener("click", () => node.classList.add("revealed"));
      return node;
    }
    case "bold":
      return wrap("strong", "", m[1]);
    case "underline":
      return wrap("u", "", m[1]);
    case "italic":
      return wrap("em", "", m[1]);
    case "strike":
      return wrap("s", "", m[1]);
    case "timestamp":
      return timestamp(Number(m[1]) * 1000, m[2] ?? "f", ctx);
    case "user":
    case "role":
    case "channel": {
      const name = ctx[kind](m[1]);
      const node = el("span", "mention");
      const prefix = kind === "channel" ? "#" : "@";
      node.textContent = `${prefix}${name ?? (kind === "channel" ? "unknown-channel" : kind === "role" ? "unknown-role" : "Unknown User")}`;
      return node;
    }
    case "emoji":
      return document.createTextNode(`:${m[1]}:`);
    case "link":
    case "url": {
      const node = el("a", "link");
      node.href = kind === "link" ? m[2] : m[0];
      node.target = "_blank";
      node.rel = "noopener noreferrer";
      if (kind === "link") inline(node, m[1], ctx);
      else node.textContent = m[0];
      return node;
    }
    default:
      return document.createTextNode(m[0]);
  }
}

const dateFormats = {
  t: { hour: "numeric", minute: "2-digit" },
  T: { hour: "numeric", minute: "2-digit", second: "2-digit" },
  d: { year: "numeric", month: "2-digit", day: "2-digit" },
  D: { year: "numeric", month: "long", day: "numeric" },
  f: { year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit" },
  F: { weekday: "long", year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit" },
};

/** "in 2 hours", "3 days ago": each unit until 45 s, 45 min, 22 h, 26 days, 11 months, as Discord words it. */
export function relativeTime(ms, now) {
  const seconds = (ms - now) / 1000;
  const size = Math.abs(seconds);
  const [unit, length] =
    size < 45
      ? ["second", 1]
      : size < 2_700
        ? ["minute", 60]
        : size < 79_200
          ? ["hour", 3_600]
          : size < 2_246_400
            ? ["day", 86_400]
            : size < 27_648_000
              ? ["month", 2_592_000]
              : ["year", 31_536_000];
  return new Intl.RelativeTimeFormat("en-US", { numeric: "always" }).format(Math.round(seconds / length), unit);
}

/** A `<t:…>` timestamp in the viewer's own time zone; relative ones are kept fresh by the page. */
function timestamp(ms, style, ctx) {
  const node = el("span", "timestamp");
  node.dataset.ms = String(ms);
  node.dataset.style = style;
  node.title = new Date(ms).toLocaleString("en-US", dateFormats.F);
  refreshTimestamp(node, ctx.now());
  return node;
}

/** @param {HTMLElement} node @param {number} now */
export function refreshTimestamp(node, now) {
  const ms = Number(node.dataset.ms);
  const style = node.dataset.style ?? "f";
  node.textContent =
    style === "R" ? relativeTime(ms, now) : new Date(ms).toLocaleString("en-US", dateFormats[style] ?? dateFormats.f);
}

/**
 * Inline markdown only, for the places Discord formats no blocks: embed titles, field names, author names.
 * @param {string} text @param {MarkdownContext} ctx @returns {DocumentFragment}
 */
export function inlineMarkdown(text, ctx) {
  const fragment = document.createDocumentFragment();
  inline(fragment, text, ctx);
  return fragment;
}

/**
 * A message's markdown: code blocks, headers, subtext, block quotes and lists, each line's inline markdown.
 * @param {string} text @param {MarkdownContext} ctx @returns {DocumentFragment}
 */
export function markdown(text, ctx) {
  const fragment = document.createDocumentFragment();
  const parts = text.split(/(```[\s\S]*?```)/g);
  for (const part of parts) {
    if (part.startsWith("```") && part.endsWith("```") && part.length >= 6) {
      const pre = el("pre", "code-block");
      const code = el("code");
      code.textContent = part.slice(3, -3).replace(/^[\w+-]*\n/, "");
      pre.appendChild(code);
      fragment.appendChild(pre);
    } else if (part) {
      blocks(fragment, part, ctx);
    }
  }
  return fragment;
}

function blocks(parent, text, ctx) {
  const lines = text.split("\n");
  let paragraph = [];
  let quote = null;
  let list = null;
  const endParagraph = () => {
    if (paragraph.length === 0) return;
    const node = el("span", "md-text");
    inline(node, paragraph.join("\n"), ctx);
    parent.appendChild(node);
    paragraph = [];
  };
  const endQuote = () => {
    if (!quote) return;
    const node = el("blockquote", "md-quote");
    blocks(node, quote.join("\n"), ctx);
    parent.appendChild(node);
    quote = null;
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (line.startsWith(">>> ")) {
      endParagraph();
      quote = [...(quote ?? []), line.slice(4), ...lines.slice(n + 1)];
      break;
    }
    const quoted = /^> ?(.*)$/.exec(line);
    if (quoted && line.startsWith(">")) {
      endParagraph();
      list = null;
      quote = [...(quote ?? []), quoted[1]];
      continue;
    }
    endQuote();
    const heading = /^(#{1,3}) (.+)$/.exec(line);
    const subtext = /^-# (.+)$/.exec(line);
    const item = /^(\s*)([-*]|\d{1,3}\.) (.+)$/.exec(line);
    if (heading || subtext) {
      endParagraph();
      list = null;
      const node = heading ? el(`h${heading[1].length}`, "md-heading") : el("small", "md-subtext");
      inline(node, heading ? heading[2] : subtext[1], ctx);
      parent.appendChild(node);
    } else if (item) {
      endParagraph();
      const ordered = /\d/.test(item[2]);
      if (!list || list.ordered !== ordered) {
        list = { ordered, node: el(ordered ? "ol" : "ul", "md-list") };
        if (ordered) list.node.start = Number.parseInt(item[2], 10);
        parent.appendChild(list.node);
      }
      const li = el("li");
      inline(li, item[3], ctx);
      list.node.appendChild(li);
    } else {
      list = null;
      paragraph.push(line);
    }
  }
  endParagraph();
  endQuote();
}
