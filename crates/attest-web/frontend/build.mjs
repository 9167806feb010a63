// Builds the UI into dist/: bundles src/main.js (and the CSS and basemap it imports) with
// esbuild into content-hashed files under dist/assets/, writes dist/index.html pointing at them,
// writes a .gz twin of every file (served when the browser accepts gzip), and prints the sizes.
import * as esbuild from "esbuild";
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { gzipSync } from "node:zlib";

const dist = "dist";
rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, "assets"), { recursive: true });

const result = await esbuild.build({
  entryPoints: ["src/main.js"],
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2020"],
  outdir: join(dist, "assets"),
  entryNames: "[name]-[hash]",
  assetNames: "[name]-[hash]",
  publicPath: "/assets/",
  loader: { ".png": "file", ".svg": "file", ".json": "file" },
  legalComments: "eof",
  metafile: true,
  logLevel: "warning",
});

const outputs = Object.keys(result.metafile.outputs).map((p) => basename(p));
const js = outputs.find((f) => f.startsWith("main-") && f.endsWith(".js"));
const css = outputs.find((f) => f.startsWith("main-") && f.endsWith(".css"));
if (!js || !css) throw new Error(`esbuild wrote no main bundle: ${outputs.join(", ")}`);
writeFileSync(join(dist, "index.html"), readFileSync("index.html", "utf8").replace("%JS%", js).replace("%CSS%", css));

// The licences of the packages bundled into the UI, served as /licenses.txt (the footer
// links to it): read from node_modules at build time, so nothing third-party is committed.
const bundled = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (m) bundled.add(m[1]);
}
const notices = [...bundled].sort().map((pkg) => {
  const dir = join("node_modules", pkg);
  const meta = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  const text = file ? readFileSync(join(dir, file), "utf8").trim() : `License: ${meta.license}`;
  return `${pkg} ${meta.version} (${meta.license})\n\n${text}\n`;
});
writeFileSync(
  join(dist, "licenses.txt"),
  `The attest web UI bundles these packages; their licences follow.\n` +
    `Country shapes: Natural Earth (public domain), via world-atlas.\n\n` +
    notices.join(`\n${"-".repeat(72)}\n\n`),
);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

let raw = 0;
let gz = 0;
const rows = [];
for (const file of walk(dist).sort()) {
  const body = readFileSync(file);
  const packed = gzipSync(body, { level: 9 });
  // Images are compressed already: keep a .gz twin only where it is smaller.
  const worth = packed.length < body.length * 0.9;
  if (worth) writeFileSync(`${file}.gz`, packed);
  raw += body.length;
  gz += worth ? packed.length : body.length;
  rows.push(`${String(body.length).padStart(9)} ${String(packed.length).padStart(9)}  ${relative(dist, file)}`);
}
console.log(`    bytes      gzip  file\n${rows.join("\n")}\n${String(raw).padStart(9)} ${String(gz).padStart(9)}  total as served to a browser that accepts gzip`);
