// Build newsmill's web UI into src/newsmill/serve/static: one bundle (app.js, app.css) made by
// esbuild from src/ and the npm packages, the Natural Earth country shapes of world-atlas, and
// Swagger UI for /docs. Everything is served by newsmill itself: no CDN, no tile server.
import { build } from "esbuild";
import { cpSync, mkdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "src", "newsmill", "serve", "static");
const modules = join(here, "node_modules");

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "swagger"), { recursive: true });
await build({
  entryPoints: { app: join(here, "src", "main.js") },
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2020"],
  outdir: out,
  loader: { ".png": "file", ".svg": "file" },
  assetNames: "assets/[name]-[hash]",
  legalComments: "linked",
  logLevel: "warning",
});
for (const name of ["index.html", "docs.html", "docs.js"]) {
  cpSync(join(here, "src", name), join(out, name));
}
cpSync(join(modules, "world-atlas", "countries-110m.json"), join(out, "countries-110m.json"));
for (const name of ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"]) {
  cpSync(join(modules, "swagger-ui-dist", name), join(out, "swagger", name));
}
cpSync(join(modules, "world-atlas", "LICENSE"), join(out, "world-atlas-LICENSE"));
let total = 0;
for (const name of ["app.js", "app.css", "countries-110m.json", "swagger/swagger-ui-bundle.js"]) {
  total += statSync(join(out, name)).size;
}
console.log(`newsmill web UI built into ${out} (${Math.round(total / 1024)} KB)`);
