// Runs after `observable build`: makes the site work under a same-origin-only CSP.
import {externaliseSiteScripts} from "../lib/externaliseScripts.js";

const root = process.env.VUOTO_DIST ?? "dist";
await externaliseSiteScripts(root);
