// Runs after `observable build`: makes the site work under a same-origin-only CSP, names each page's
// language and title, points the root (and the old language-less addresses) to the Finnish pages, lets
// every page be zoomed, and writes brotli and gzip copies of its large files (last: they copy the final files).
import {parseCli} from "../node/cliArgs.js";
import {config} from "../node/config.js";
import {bundleSiteModules} from "../node/bundleModules.js";
import {externaliseSiteScripts} from "../node/externaliseScripts.js";
import {setSiteLang, writeRedirects} from "../node/htmlLang.js";
import {precompressSite} from "../node/precompress.js";
import {bundleSitePages} from "../node/pageModules.js";
import {preloadSiteData} from "../node/preloadData.js";
import {writeReview} from "../node/review.js";
import {allowZoom} from "../node/viewport.js";

parseCli(process.argv.slice(2), {}, "usage: tsx src/cli/postbuild.ts (no options; VUOTO_DIST names the site)");
const root = config().dist;
await externaliseSiteScripts(root);
// Faster first charts: each page's modules fetched as one file (before d3 is folded, which then serves
// only what pages load on demand, so that the bundles hold one copy of d3-array).
const bundled = await bundleSitePages(root);
console.warn(`bundled the modules of ${bundled.length} pages (${bundled.map((b) => b.modules).join(", ")} modules)`);
// Faster first charts: d3's thirty modules fetched as one, and each page's data fetched with its modules.
const folded = await bundleSiteModules(root, ["d3@"]);
console.warn(`folded ${folded.length} modules into d3; data preloads on ${await preloadSiteData(root)} pages`);
await setSiteLang(root);
await writeRedirects(root);
// The release's record and review sheet; every page carries a draft banner until it is approved.
console.warn(`review sheet: ${await writeReview(root)}`);
await allowZoom(root);
const copies = await precompressSite(root);
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const total = (key: "bytes" | "brotliBytes" | "gzipBytes") => copies.reduce((sum, copy) => sum + copy[key], 0);
console.warn(
  `precompressed ${copies.length} files: ${mb(total("bytes"))} MB, ${mb(total("brotliBytes"))} MB brotli, ${mb(total("gzipBytes"))} MB gzip`
);
