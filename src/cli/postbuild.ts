// Runs after `observable build`: makes the site work under a same-origin-only CSP, names each page's
// language and title, and points the root (and the old language-less addresses) to the Finnish pages.
import {parseCli} from "../node/cliArgs.js";
import {config} from "../node/config.js";
import {externaliseSiteScripts} from "../node/externaliseScripts.js";
import {setSiteLang, writeRedirects} from "../node/htmlLang.js";

parseCli(process.argv.slice(2), {}, "usage: tsx src/cli/postbuild.ts (no options; VUOTO_DIST names the site)");
const root = config().dist;
await externaliseSiteScripts(root);
await setSiteLang(root);
await writeRedirects(root);
