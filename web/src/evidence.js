// Evidence: the words of an article at their character offsets, marked.
import { article } from "./api.js";
import { h, paint, typeBadge } from "./dom.js";

// The paragraph of `body` around [start, end), with that span marked.
export function passage(body, start, end, kind = "event") {
  const from = body.lastIndexOf("\n\n", Math.max(0, start - 1));
  const a = from < 0 ? 0 : from + 2;
  const to = body.indexOf("\n\n", end);
  const b = to < 0 ? body.length : to;
  return h("p", { class: "passage" }, body.slice(a, start),
    h("mark", { class: `hl-${kind}` }, body.slice(start, end)), body.slice(end, b));
}

// Open (or close) an item's evidence in place, below the item: its paragraph, marked, and a link
// to the whole article at that place.
export async function toggleEvidence(item, articleId, start, end, kind, which) {
  const open = item.querySelector(":scope > .evidence");
  if (open) {
    open.remove();
    item.classList.remove("open");
    return;
  }
  const box = h("div", { class: "evidence" }, h("p", { class: "muted" }, "Loading evidence…"));
  item.append(box);
  item.classList.add("open");
  try {
    const doc = await article(articleId);
    box.replaceChildren(
      passage(doc.body, start, end, kind),
      h("p", { class: "source" },
        h("a", { href: `/article?id=${encodeURIComponent(articleId)}&${kind}=${which}` },
          doc.title || articleId),
        doc.publisher ? ` · ${doc.publisher}` : "",
        doc.published ? ` · ${doc.published}` : "",
        ` · characters ${start}–${end}`));
  } catch (e) {
    box.replaceChildren(h("p", { class: "problem-inline" }, e.message));
  }
}

// The article's body with its statements, events and entities highlighted at their offsets.
// Spans may overlap: the body is cut at every span's ends, and each piece carries the keys of
// every span that covers it.
export function highlightedBody(doc) {
  const spans = [];
  doc.mentions.forEach((m, i) => spans.push({ ...m, kind: "entity", key: `m${i}`, label: m.label }));
  doc.statements.forEach((s) => spans.push({ start: s.start, end: s.end, kind: "statement", key: `s${s.idx}` }));
  doc.events.forEach((e) => spans.push({ start: e.start, end: e.end, kind: "event", key: `e${e.idx}`, type: e.type }));
  const body = doc.body;
  const cuts = new Set([0, body.length]);
  for (const s of spans) {
    if (s.start >= 0 && s.end <= body.length && s.start < s.end) {
      cuts.add(s.start);
      cuts.add(s.end);
    }
  }
  let at = body.indexOf("\n\n");
  while (at >= 0) {
    cuts.add(at);
    cuts.add(at + 2);
    at = body.indexOf("\n\n", at + 2);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const root = h("div", { class: "body" });
  let para = h("p");
  root.append(para);
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i];
    const b = points[i + 1];
    const piece = body.slice(a, b);
    if (piece === "\n\n") {
      para = h("p");
      root.append(para);
      continue;
    }
    const over = spans.filter((s) => s.start <= a && s.end >= b);
    if (!over.length) {
      para.append(piece);
      continue;
    }
    const kinds = [...new Set(over.map((s) => s.kind))];
    const entity = over.find((s) => s.kind === "entity");
    para.append(h("span", {
      class: kinds.map((k) => `hl-${k}`).join(" "),
      "data-keys": over.map((s) => s.key).join(" "),
      title: entity ? `${entity.text} (${entity.label})` : null,
    }, piece));
  }
  return root;
}

// Mark the pieces of one span as chosen and bring the first into view.
export function choose(root, key) {
  for (const el of root.querySelectorAll(".chosen")) el.classList.remove("chosen");
  const pieces = [...root.querySelectorAll("[data-keys]")]
    .filter((el) => el.getAttribute("data-keys").split(" ").includes(key));
  for (const el of pieces) el.classList.add("chosen");
  if (pieces.length) pieces[0].scrollIntoView({ block: "center" });
  return pieces.length;
}

export function eventSummary(e) {
  const row = h("div", { class: "summary" }, typeBadge(e.type, e.mode));
  paint(row);
  return row;
}
