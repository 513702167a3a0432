// Runs after `observable build`: makes the site work under a same-origin-only CSP, names each page's
// language and title, and points the root (and the old language-less addresses) to the Finnish pages.
import {externaliseSiteScripts} from "../node/externaliseScripts.js";
import {setSiteLang, writeRedirects} from "../node/htmlLang.js";

const root = process.env.VUOTO_DIST ?? "dist";
await externaliseSiteScripts(root);
await setSiteLang(root);
await writeRedirects(root);
