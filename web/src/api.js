// The HTTP API: JSON in, one error shape out ({"error": {"status", "message", "parameter"}}).

export class ApiError extends Error {
  constructor(status, message, parameter) {
    super(message);
    this.status = status;
    this.parameter = parameter;
  }
}

export function query(params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === "") continue;
    for (const one of Array.isArray(v) ? v : [v]) qs.append(k, one);
  }
  const s = qs.toString();
  return s ? `?${s}` : "";
}

export async function get(path, params = {}) {
  const response = await fetch(path + query(params), { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const e = (body && body.error) || {};
    throw new ApiError(response.status, e.message || `${path}: HTTP ${response.status}`,
      e.parameter);
  }
  return body;
}

const articles = new Map();

// One article with its body and everything found in it, fetched once.
export function article(id) {
  if (!articles.has(id)) {
    const p = get(`/api/articles/${encodeURIComponent(id)}`);
    p.catch(() => articles.delete(id));
    articles.set(id, p);
  }
  return articles.get(id);
}
