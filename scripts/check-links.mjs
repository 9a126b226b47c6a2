// Checks that every local link and asset in a built site resolves to a file, and that none
// escapes the base path the site was built for. It reads href/src/srcset in HTML and url()
// in CSS; links made at run time (search, scripts) are covered by the e2e tests instead.
// Usage: node scripts/check-links.mjs <dir> [base]   (exits 1 and lists each broken link)
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";

const [dir = "dist", rawBase = "/"] = process.argv.slice(2);
const base = `/${rawBase.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
const origin = "http://site.invalid";

/** Every file under dir, as paths relative to it. */
function walk(root, sub = "") {
  return readdirSync(join(root, sub), { withFileTypes: true }).flatMap((entry) => {
    const path = join(sub, entry.name);
    return entry.isDirectory() ? walk(root, path) : [path];
  });
}

/** The URL a file is served at when the site is mounted at base. */
function urlOf(file) {
  const path = file.split(sep).join("/");
  return new URL(base + path.replace(/(^|\/)index\.html$/, "$1"), origin);
}

/** The file a same-origin URL path maps to, or undefined when nothing would be served. */
function fileFor(pathname) {
  const rel = decodeURIComponent(pathname.slice(base.length));
  const candidates = rel === "" || rel.endsWith("/") ? [join(rel, "index.html")] : [rel];
  if (!extname(rel)) candidates.push(join(rel, "index.html"));
  return candidates.map((c) => join(dir, c)).find((c) => existsSync(c) && statSync(c).isFile());
}

const linkAttr = /\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const srcsetAttr = /\ssrcset\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const cssUrl = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]+))\s*\)/gi;

function referencesIn(file, text) {
  const refs = [];
  if (file.endsWith(".html")) {
    // Inline scripts hold code, not links: skip them.
    const markup = text.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
    for (const m of markup.matchAll(linkAttr)) refs.push(m[1] ?? m[2]);
    for (const m of markup.matchAll(srcsetAttr)) {
      for (const part of (m[1] ?? m[2]).split(",")) refs.push(part.trim().split(/\s+/)[0]);
    }
    for (const m of markup.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
      for (const u of m[1].matchAll(cssUrl)) refs.push(u[1] ?? u[2] ?? u[3]);
    }
  } else {
    for (const m of text.matchAll(cssUrl)) refs.push(m[1] ?? m[2] ?? m[3]);
  }
  return refs.filter((ref) => ref && !/^(#|data:|mailto:|javascript:)/i.test(ref));
}

if (!existsSync(dir)) {
  console.error(`check-links: ${dir}/ does not exist; build the site first`);
  process.exit(1);
}
const files = walk(dir).filter((f) => /\.(html|css)$/.test(f));
const broken = [];
let checked = 0;
for (const file of files) {
  const pageUrl = urlOf(file);
  for (const ref of referencesIn(file, readFileSync(join(dir, file), "utf8"))) {
    const target = new URL(ref.replaceAll("&amp;", "&"), pageUrl);
    if (target.origin !== origin) continue;
    checked++;
    if (!target.pathname.startsWith(base)) {
      broken.push(`${file}: ${ref} is outside the base path ${base}`);
    } else if (!fileFor(target.pathname)) {
      broken.push(`${file}: ${ref} -> ${target.pathname} has no file in ${relative(".", dir)}/`);
    }
  }
}
if (broken.length > 0) {
  console.error(`check-links: ${broken.length} broken link(s) in ${dir}/ (base ${base}):`);
  for (const line of broken.slice(0, 50)) console.error(`  ${line}`);
  if (broken.length > 50) console.error(`  ... and ${broken.length - 50} more`);
  process.exit(1);
}
console.log(`check-links: ${checked} local links in ${files.length} files resolve under ${base}`);
