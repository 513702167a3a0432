// Runs after `observable build`: makes the site work under a same-origin-only CSP, and names its language.
import {externaliseSiteScripts} from "../node/externaliseScripts.js";
import {setSiteLang} from "../node/htmlLang.js";

const root = process.env.VUOTO_DIST ?? "dist";
await externaliseSiteScripts(root);
await setSiteLang(root);
