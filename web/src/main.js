// newsmill's web UI: a small router over the views; the URL holds every filter.
import { get } from "./api.js";
import { articleView, articlesView, EventsView, speakersView, speakerView } from "./views.js";
import "./style.css";

const root = document.getElementById("view");
const problem = document.getElementById("problem");
let meta = null;
let events = null;

function navigate(path, params) {
  const qs = new URLSearchParams(params).toString();
  history.pushState(null, "", qs ? `${path}?${qs}` : path);
  render();
}

function say(message) {
  problem.textContent = message;
  problem.hidden = !message;
}

async function render() {
  const path = location.pathname;
  const params = new URLSearchParams(location.search);
  say("");
  for (const a of document.querySelectorAll("[data-nav]")) {
    const on = (a.getAttribute("data-nav") === "events" && path === "/")
      || (a.getAttribute("data-nav") === "articles" && path.startsWith("/article"))
      || (a.getAttribute("data-nav") === "speakers" && path.startsWith("/speaker"));
    a.classList.toggle("here", on);
  }
  document.body.dataset.view = path.slice(1) || "events";
  try {
    meta = meta || (await get("/api/meta"));
    if (path === "/") {
      if (!events) events = new EventsView(root, meta, navigate);
      await events.update(params);
      return;
    }
    events = null;
    if (path === "/articles") await articlesView(root, params, navigate);
    else if (path === "/article") await articleView(root, params, navigate);
    else if (path === "/speakers") await speakersView(root, params, navigate);
    else if (path === "/speaker") await speakerView(root, params, navigate);
    else navigate("/", {});
  } catch (e) {
    say(e.message);
  } finally {
    document.body.dataset.ready = "true";
  }
}

// Links inside the UI change the view without a reload; the API and /docs load as pages.
document.addEventListener("click", (evt) => {
  const a = evt.target.closest("a[href]");
  if (!a || a.target || a.hasAttribute("download") || evt.ctrlKey || evt.metaKey || evt.shiftKey) return;
  const url = new URL(a.href);
  if (url.origin !== location.origin || /^\/(api|docs|static|openapi)/.test(url.pathname)) return;
  evt.preventDefault();
  history.pushState(null, "", url.pathname + url.search);
  render();
});
document.querySelector("form.search").addEventListener("submit", (evt) => {
  evt.preventDefault();
  const q = evt.target.elements.q.value.trim();
  navigate("/articles", q ? { q } : {});
});
window.addEventListener("popstate", render);
render();
