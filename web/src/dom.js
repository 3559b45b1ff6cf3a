// Building the page from data. Article text is untrusted: it only ever becomes text nodes
// (never HTML), and only http(s) addresses become links.

const SVG = "http://www.w3.org/2000/svg";

// h("a", {href: "/x", class: "c"}, "text", child) -> an element; strings become text nodes.
export function h(tag, attrs = {}, ...children) {
  const el = tag.startsWith("svg:")
    ? document.createElementNS(SVG, tag.slice(4))
    : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) {
      el.addEventListener(name.slice(2), value);
    } else if (name === "href") {
      const safe = safeHref(value);
      if (safe) el.setAttribute("href", safe);
    } else {
      el.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// A link target: a path of this site, or an http(s) address; anything else (javascript:,
// data:, vbscript: ...) is dropped.
export function safeHref(value) {
  const s = String(value);
  if (s.startsWith("/") && !s.startsWith("//")) return s;
  try {
    const url = new URL(s);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// One colour per PLOVER type, the same on the map, the timeline and the lists.
export const TYPE_COLOURS = {
  AGREE: "#1b9e77", CONSULT: "#66a61e", SUPPORT: "#a6d854", CONCEDE: "#80b1d3",
  COOPERATE: "#4daf4a", AID: "#8dd3c7", RETREAT: "#bebada", REQUEST: "#377eb8",
  ACCUSE: "#ff7f00", REJECT: "#fdb462", THREATEN: "#e7298a", PROTEST: "#984ea3",
  SANCTION: "#b15928", MOBILIZE: "#a65628", COERCE: "#e41a1c", ASSAULT: "#67000d",
};

export function colour(type) {
  return TYPE_COLOURS[type] || "#777";
}

export function typeBadge(type, mode) {
  return h("span", { class: "badge", "data-type": type },
    h("span", { class: "swatch", "data-colour": type }), type, mode ? ` · ${mode}` : "");
}

// Colours are set through the DOM (not style attributes), which the content policy allows.
export function paint(root) {
  for (const el of root.querySelectorAll("[data-colour]")) {
    el.style.background = colour(el.getAttribute("data-colour"));
  }
}

export function party(p) {
  const codes = [p.country, p.sector].filter(Boolean).join("/");
  return codes ? `${p.name} (${codes})` : p.name;
}
