// The timeline: events per day, stacked by type (SVG). Drag across days (or click one) to keep
// only those days on the map and in the list; click the chosen days again to let them go.
import { colour, h } from "./dom.js";

const DAY = 86400000;

function dayNumber(iso) {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
}

function isoOf(n) {
  return new Date(n * DAY).toISOString().slice(0, 10);
}

// counts: [{day, type, n}]; since/until: the chosen days; onChoose(since, until) (nulls to let
// go); width: of the box it is drawn in, in pixels.
export function timeline(counts, since, until, onChoose, width = 900) {
  const dated = counts.filter((c) => c.day);
  const height = 130;
  const pad = { left: 34, right: 8, top: 8, bottom: 22 };
  const svg = h("svg:svg", {
    class: "timeline", viewBox: `0 0 ${width} ${height}`, role: "img",
    "aria-label": "Events per day, by type",
  });
  if (!dated.length) {
    svg.append(h("svg:text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "muted" },
      "No dated events match these filters."));
    return svg;
  }
  const byDay = new Map();
  for (const c of dated) {
    const d = dayNumber(c.day);
    if (!byDay.has(d)) byDay.set(d, []);
    byDay.get(d).push(c);
  }
  const days = [...byDay.keys()];
  const first = Math.min(...days);
  const last = Math.max(...days);
  const span = last - first + 1;
  const most = Math.max(...[...byDay.values()].map((cs) => cs.reduce((s, c) => s + c.n, 0)));
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const step = innerW / span;
  const x = (d) => pad.left + (d - first) * step;
  const chosen = (d) => since && until && isoOf(d) >= since && isoOf(d) <= until;

  svg.append(h("svg:text", { x: pad.left - 4, y: pad.top + 8, "text-anchor": "end", class: "axis" }, String(most)));
  svg.append(h("svg:text", { x: pad.left - 4, y: pad.top + innerH, "text-anchor": "end", class: "axis" }, "0"));
  svg.append(h("svg:text", { x: pad.left, y: height - 6, class: "axis" }, isoOf(first)));
  svg.append(h("svg:text", { x: width - pad.right, y: height - 6, "text-anchor": "end", class: "axis" }, isoOf(last)));

  for (const [d, cs] of byDay) {
    let y = pad.top + innerH;
    const total = cs.reduce((s, c) => s + c.n, 0);
    const g = h("svg:g", { class: chosen(d) ? "day chosen" : "day", "data-day": isoOf(d) },
      h("svg:title", {}, `${isoOf(d)}: ${total} event${total === 1 ? "" : "s"} (${cs.map((c) => `${c.type} ${c.n}`).join(", ")})`));
    for (const c of cs) {
      const hgt = (c.n / most) * innerH;
      y -= hgt;
      g.append(h("svg:rect", {
        x: x(d), y, width: Math.max(1, step - (step > 3 ? 1 : 0)), height: Math.max(0.5, hgt),
        fill: colour(c.type), "data-type": c.type,
      }));
    }
    svg.append(g);
  }
  if (since || until) {
    const a = since ? Math.max(first, dayNumber(since)) : first;
    const b = until ? Math.min(last, dayNumber(until)) : last;
    if (a <= b) {
      svg.append(h("svg:rect", { class: "range", x: x(a), y: pad.top, width: (b - a + 1) * step, height: innerH }));
    }
  }
  const band = h("svg:rect", { class: "dragging", x: 0, y: pad.top, width: 0, height: innerH });
  svg.append(band);

  const dayAt = (evt) => {
    const px = new DOMPoint(evt.clientX, evt.clientY).matrixTransform(svg.getScreenCTM().inverse()).x;
    return Math.max(first, Math.min(last, first + Math.floor((px - pad.left) / step)));
  };
  let start = null;
  svg.addEventListener("pointerdown", (evt) => {
    start = dayAt(evt);
    svg.setPointerCapture(evt.pointerId);
  });
  svg.addEventListener("pointermove", (evt) => {
    if (start === null) return;
    const d = dayAt(evt);
    band.setAttribute("x", x(Math.min(start, d)));
    band.setAttribute("width", (Math.abs(d - start) + 1) * step);
  });
  svg.addEventListener("pointerup", (evt) => {
    if (start === null) return;
    const d = dayAt(evt);
    const a = isoOf(Math.min(start, d));
    const b = isoOf(Math.max(start, d));
    start = null;
    band.setAttribute("width", 0);
    if (a === since && b === until) onChoose(null, null);
    else onChoose(a, b);
  });
  return svg;
}
