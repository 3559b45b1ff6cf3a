// The pages of the UI. Each takes the URL's parameters, so every view can be shared as a link.
import { article, get, query } from "./api.js";
import { append, clear, h, paint, party, safeHref, typeBadge } from "./dom.js";
import { choose, highlightedBody, toggleEvidence } from "./evidence.js";
import { EventMap } from "./map.js";
import { timeline } from "./timeline.js";

const EVENT_FILTERS = ["type", "country", "status", "since", "until", "bbox"];
const PAGE = 50;

export function pick(params, names) {
  const out = {};
  for (const n of names) {
    const v = params.get(n);
    if (v) out[n] = v;
  }
  return out;
}

function moreButton(label, next, load) {
  if (!next) return null;
  const button = h("button", { type: "button", class: "more" }, label);
  button.addEventListener("click", async () => {
    button.disabled = true;
    await load(next);
    button.remove();
  });
  return button;
}

function exportLinks(path, filters) {
  return h("span", { class: "exports" }, "Export: ",
    h("a", { href: `${path}${query({ ...filters, format: "csv" })}`, download: true }, "CSV"), " · ",
    h("a", { href: `${path}${query({ ...filters, format: "jsonl" })}`, download: true }, "JSON Lines"));
}

// ---- events: filters, map, timeline, list ---------------------------------------------------

function field(label, control) {
  return h("label", { class: "field" }, h("span", {}, label), control);
}

export class EventsView {
  constructor(root, meta, navigate) {
    this.meta = meta;
    this.navigate = navigate;
    this.isoOfNumeric = new Map(meta.countries.map((c) => [c.numeric, c.iso3]));
    this.names = new Map(meta.countries.map((c) => [c.iso3, c.name]));
    const typeSelect = h("select", { name: "type" }, h("option", { value: "" }, "any type"),
      meta.types.map((t) => h("option", { value: t }, t)));
    const statusSelect = h("select", { name: "status" }, h("option", { value: "" }, "any status"),
      meta.statuses.map((s) => h("option", { value: s }, s)));
    const countryInput = h("input", { name: "country", list: "countries", size: 6, placeholder: "ISO3", autocomplete: "off" });
    const countries = h("datalist", { id: "countries" },
      meta.countries.map((c) => h("option", { value: c.iso3 }, c.name)));
    this.form = h("form", { class: "filters", role: "search" },
      field("Type", typeSelect), field("Country", countryInput), countries,
      field("Status", statusSelect),
      field("From", h("input", { type: "date", name: "since" })),
      field("To", h("input", { type: "date", name: "until" })),
      h("input", { type: "hidden", name: "bbox" }),
      h("button", { type: "button", class: "area", title: "Keep the events in the area the map shows" }, "Only this map area"),
      h("button", { type: "reset" }, "Clear"));
    this.form.addEventListener("change", () => this.submit());
    this.form.addEventListener("submit", (e) => { e.preventDefault(); this.submit(); });
    this.form.addEventListener("reset", (e) => { e.preventDefault(); this.navigate("/", {}); });
    this.form.querySelector(".area").addEventListener("click", () => {
      this.form.elements.bbox.value = this.map.bbox();
      this.submit();
    });
    this.mapEl = h("div", { class: "map", id: "map" });
    this.timelineEl = h("div", { class: "timeline-box" });
    this.summary = h("p", { class: "list-head" });
    this.list = h("ol", { class: "items events" });
    this.moreBox = h("div");
    root.replaceChildren(h("section", { class: "events-view" },
      this.form,
      h("div", { class: "overview" }, this.mapEl, this.timelineEl),
      this.summary, this.list, this.moreBox));
    this.map = new EventMap(this.mapEl, this.isoOfNumeric, {
      onCountry: (iso) => this.set({ country: this.params.get("country") === iso ? null : iso, bbox: null }),
      onPlace: (box) => this.set({ bbox: box }),
    });
  }

  submit() {
    const f = this.form.elements;
    const next = {};
    for (const n of EVENT_FILTERS) {
      const v = f[n].value.trim();
      if (v) next[n] = n === "country" ? v.toUpperCase() : v;
    }
    this.navigate("/", next);
  }

  set(changes) {
    const next = pick(this.params, EVENT_FILTERS);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next[k] = v;
      else delete next[k];
    }
    this.navigate("/", next);
  }

  async update(params) {
    this.params = params;
    const filters = pick(params, EVENT_FILTERS);
    for (const n of EVENT_FILTERS) this.form.elements[n].value = filters[n] || "";
    this.form.querySelector(".area").textContent = filters.bbox ? `Area ${filters.bbox}` : "Only this map area";
    const undated = { ...filters };
    delete undated.since;
    delete undated.until;
    const [byCountry, byPlace, byDay, page] = await Promise.all([
      get("/api/events/counts", { ...filters, by: "place_country" }),
      get("/api/events/counts", { ...filters, by: ["place", "type"] }),
      get("/api/events/counts", { ...undated, by: ["day", "type"] }),
      get("/api/events", { ...filters, limit: PAGE, order: "newest" }),
    ]);
    const total = byCountry.counts.reduce((s, c) => s + c.n, 0);
    this.map.show(byCountry.counts, byPlace.counts, filters.country);
    this.timelineEl.replaceChildren(
      timeline(byDay.counts, filters.since, filters.until, (since, until) => this.set({ since, until }),
        Math.max(300, this.timelineEl.clientWidth - 8)));
    const where = [filters.type, filters.country && `${this.names.get(filters.country) || filters.country}`,
      filters.status, filters.since && `from ${filters.since}`, filters.until && `to ${filters.until}`,
      filters.bbox && "in the chosen area"].filter(Boolean).join(", ");
    this.summary.replaceChildren(
      h("strong", {}, `${total} event${total === 1 ? "" : "s"}`), where ? ` (${where})` : "",
      ", newest first. Click one to see its evidence. ", exportLinks("/api/export/events", filters));
    clear(this.list);
    this.addPage(page, filters, params.get("event"));
  }

  addPage(page, filters, openId) {
    for (const e of page.items) {
      const li = eventItem(e);
      this.list.append(li);
      if (openId && e.id === openId) {
        li.querySelector(".item-head").click();
        li.scrollIntoView({ block: "center" });
      }
    }
    this.moreBox.replaceChildren(moreButton("More events", page.next, async (cursor) => {
      this.addPage(await get("/api/events", { ...filters, limit: PAGE, order: "newest", cursor }), filters);
    }) || "");
  }
}

function eventItem(e) {
  const who = e.actors.map(party).join("; ");
  const whom = e.recipients.map(party).join("; ");
  const head = h("button", { type: "button", class: "item-head", "aria-expanded": "false" },
    h("span", { class: "day" }, e.day || "undated"), typeBadge(e.type, e.mode),
    e.status !== "occurred" ? h("span", { class: "status" }, e.status) : null,
    h("span", { class: "who" }, who || "—", whom ? ` → ${whom}` : ""),
    e.place ? h("span", { class: "place" }, `${e.place.name}${e.place.country ? ` (${e.place.country})` : ""}`) : null);
  const li = h("li", { class: "item event", "data-id": e.id }, head,
    h("p", { class: "said" }, e.evidence),
    h("p", { class: "source muted" }, e.publisher || e.title || e.article_id, e.published ? ` · ${e.published}` : ""));
  head.addEventListener("click", () => {
    toggleEvidence(li, e.article_id, e.start, e.end, "event", e.idx);
    head.setAttribute("aria-expanded", String(li.classList.contains("open")));
  });
  paint(li);
  return li;
}

// ---- articles: full-text search and filters -------------------------------------------------

const ARTICLE_FILTERS = ["q", "since", "until", "publisher", "language", "has_events"];

export async function articlesView(root, params, navigate) {
  const filters = pick(params, ARTICLE_FILTERS);
  const form = h("form", { class: "filters", role: "search" },
    field("Words", h("input", { type: "search", name: "q", size: 30, placeholder: '"phrase" AND word' })),
    field("From", h("input", { type: "date", name: "since" })),
    field("To", h("input", { type: "date", name: "until" })),
    field("Publisher", h("input", { name: "publisher", size: 14 })),
    field("Language", h("input", { name: "language", size: 4 })),
    field("With events", h("select", { name: "has_events" }, h("option", { value: "" }, "either"),
      h("option", { value: "true" }, "yes"), h("option", { value: "false" }, "no"))),
    h("button", { type: "submit" }, "Search"));
  for (const n of ARTICLE_FILTERS) form.elements[n].value = filters[n] || "";
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const next = {};
    for (const n of ARTICLE_FILTERS) if (form.elements[n].value.trim()) next[n] = form.elements[n].value.trim();
    navigate("/articles", next);
  });
  const list = h("ol", { class: "items articles" });
  const more = h("div");
  root.replaceChildren(h("section", {}, form,
    h("p", { class: "list-head" }, filters.q ? "Best match first. " : "Newest first. ",
      exportLinks("/api/export/articles", filters)), list, more));
  const load = async (cursor) => {
    const page = await get("/api/articles", { ...filters, limit: PAGE, cursor });
    if (!page.items.length && !cursor) list.append(h("li", { class: "muted" }, "No article matches."));
    for (const a of page.items) list.append(articleItem(a));
    more.replaceChildren(moreButton("More articles", page.next, load) || "");
  };
  await load(null);
}

function snippet(a) {
  if (!a.snippet) return null;
  const p = h("p", { class: "snippet" });
  let at = 0;
  for (const [s, e] of a.marks) {
    append(p, [a.snippet.slice(at, s), h("mark", {}, a.snippet.slice(s, e))]);
    at = e;
  }
  p.append(a.snippet.slice(at));
  return p;
}

function articleItem(a) {
  return h("li", { class: "item article" },
    h("a", { class: "title", href: `/article?id=${encodeURIComponent(a.id)}` }, a.title || a.id),
    h("p", { class: "muted" }, [a.publisher, a.published, a.language].filter(Boolean).join(" · "),
      ` · ${a.statements} statement${a.statements === 1 ? "" : "s"}, ${a.events} event${a.events === 1 ? "" : "s"}`,
      a.duplicate_of ? ` · a copy of ${a.duplicate_of}` : ""),
    snippet(a));
}

// ---- one article, everything in it highlighted ----------------------------------------------

export async function articleView(root, params, navigate) {
  const id = params.get("id");
  if (!id) {
    navigate("/articles", {});
    return;
  }
  const doc = await article(id);
  const body = highlightedBody(doc);
  // Only an http(s) address becomes a link; any other (javascript:, data: ...) stays text.
  const link = !doc.url ? null : safeHref(doc.url)
    ? h("a", { href: doc.url, rel: "noopener noreferrer", target: "_blank" }, doc.url)
    : h("span", { class: "unsafe-url" }, doc.url);
  const pick1 = (key, kind, idx) => {
    const u = new URLSearchParams({ id });
    u.set(kind, idx);
    history.replaceState(null, "", `/article?${u}`);
    for (const el of root.querySelectorAll(".side .item.chosen")) el.classList.remove("chosen");
    const item = root.querySelector(`.side [data-key="${key}"]`);
    if (item) item.classList.add("chosen");
    choose(body, key);
  };
  const statements = doc.statements.map((s) => h("li", { class: "item statement", "data-key": `s${s.idx}` },
    h("button", { type: "button", class: "item-head", onclick: () => pick1(`s${s.idx}`, "statement", s.idx) },
      h("span", { class: "who" }, s.speaker || "(unnamed)"), s.role ? h("span", { class: "muted" }, ` ${s.role}`) : null,
      h("span", { class: "muted" }, ` · ${s.kind}${s.cue ? `, ${s.cue}` : ""}`)),
    h("p", { class: "said" }, s.content),
    s.speaker ? h("a", { class: "muted", href: `/speaker?name=${encodeURIComponent(s.speaker)}` }, "all they said") : null));
  const events = doc.events.map((e) => {
    const li = h("li", { class: "item event", "data-key": `e${e.idx}` },
      h("button", { type: "button", class: "item-head", onclick: () => pick1(`e${e.idx}`, "event", e.idx) },
        h("span", { class: "day" }, e.day || "undated"), typeBadge(e.type, e.mode),
        e.status !== "occurred" ? h("span", { class: "status" }, e.status) : null,
        h("span", { class: "who" }, e.actors.map(party).join("; ") || "—",
          e.recipients.length ? ` → ${e.recipients.map(party).join("; ")}` : ""),
        e.place ? h("span", { class: "place" }, e.place.name) : null),
      h("p", { class: "said" }, e.evidence));
    paint(li);
    return li;
  });
  const entities = new Map();
  for (const m of doc.mentions) {
    const key = `${m.text}\u0000${m.label}`;
    entities.set(key, (entities.get(key) || 0) + 1);
  }
  root.replaceChildren(h("article", { class: "article-view" },
    h("div", { class: "main" },
      h("h1", {}, doc.title || doc.id),
      h("p", { class: "muted meta" }, [doc.publisher, doc.published, doc.authors.join(", "), doc.language]
        .filter(Boolean).join(" · "), link ? " · " : "", link),
      h("p", { class: "legend" }, h("span", { class: "hl-statement" }, "statement"), " ",
        h("span", { class: "hl-event" }, "event"), " ", h("span", { class: "hl-entity" }, "entity"),
        " — click a statement or an event on the right to find its words."),
      body),
    h("aside", { class: "side" },
      h("h2", {}, `Statements (${doc.statements.length})`), h("ol", { class: "items" }, statements),
      h("h2", {}, `Events (${doc.events.length})`), h("ol", { class: "items" }, events),
      h("h2", {}, `Entities (${entities.size})`),
      h("p", { class: "entities" }, [...entities].sort((a, b) => b[1] - a[1]).map(([k, n]) => {
        const [text, label] = k.split("\u0000");
        return h("span", { class: "entity" }, `${text} (${label}${n > 1 ? ` ×${n}` : ""})`);
      })))));
  const s = params.get("statement");
  const e = params.get("event");
  if (s !== null) pick1(`s${s}`, "statement", s);
  else if (e !== null) pick1(`e${e}`, "event", e);
}

// ---- speakers -------------------------------------------------------------------------------

export async function speakersView(root, params, navigate) {
  const q = params.get("q") || "";
  const form = h("form", { class: "filters", role: "search" },
    field("Name", h("input", { type: "search", name: "q", value: q, placeholder: "part of a name" })),
    h("button", { type: "submit" }, "Find"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    navigate("/speakers", form.elements.q.value.trim() ? { q: form.elements.q.value.trim() } : {});
  });
  const list = h("ol", { class: "items speakers" });
  const more = h("div");
  root.replaceChildren(h("section", {}, form, h("p", { class: "list-head" }, "Who is quoted, most statements first."), list, more));
  const load = async (cursor) => {
    const page = await get("/api/speakers", { q, limit: PAGE, cursor });
    if (!page.items.length && !cursor) list.append(h("li", { class: "muted" }, "Nobody matches."));
    for (const s of page.items) {
      list.append(h("li", { class: "item speaker" },
        h("a", { class: "title", href: `/speaker?name=${encodeURIComponent(s.name)}` }, s.name),
        h("span", { class: "muted" }, ` · ${s.statements} statement${s.statements === 1 ? "" : "s"} in ${s.articles} article${s.articles === 1 ? "" : "s"}`,
          s.first ? `, ${s.first}${s.last !== s.first ? ` to ${s.last}` : ""}` : "")));
    }
    more.replaceChildren(moreButton("More speakers", page.next, load) || "");
  };
  await load(null);
}

export async function speakerView(root, params) {
  const name = params.get("name") || "";
  const list = h("ol", { class: "items statements" });
  const more = h("div");
  const head = h("p", { class: "list-head" });
  root.replaceChildren(h("section", { class: "speaker-view" }, h("h1", {}, name), head, list, more));
  const filters = { speaker: name };
  head.append("Everything they said, newest first; click a statement to see it in its article. ",
    exportLinks("/api/export/statements", filters));
  const load = async (cursor) => {
    const page = await get("/api/statements", { ...filters, limit: PAGE, cursor });
    if (!page.items.length && !cursor) list.append(h("li", { class: "muted" }, "No statement by this name."));
    for (const s of page.items) list.append(statementItem(s));
    more.replaceChildren(moreButton("More statements", page.next, load) || "");
  };
  await load(null);
}

function statementItem(s) {
  const head = h("button", { type: "button", class: "item-head", "aria-expanded": "false" },
    h("span", { class: "day" }, s.published || "undated"),
    h("span", { class: "who" }, s.speaker || "(unnamed)"), s.role ? h("span", { class: "muted" }, ` ${s.role}`) : null,
    h("span", { class: "muted" }, ` · ${s.kind}${s.cue ? `, ${s.cue}` : ""}`));
  const li = h("li", { class: "item statement", "data-id": s.id }, head,
    h("p", { class: "said" }, s.content),
    h("p", { class: "source muted" }, s.publisher || "", s.publisher ? " · " : "",
      h("a", { href: `/article?id=${encodeURIComponent(s.article_id)}&statement=${s.idx}` }, s.title || s.article_id)));
  head.addEventListener("click", () => {
    toggleEvidence(li, s.article_id, s.start, s.end, "statement", s.idx);
    head.setAttribute("aria-expanded", String(li.classList.contains("open")));
  });
  return li;
}
