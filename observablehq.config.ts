// Framework configuration. Everything here must work offline: no web fonts (globalStylesheets: []),
// no CDN imports (pages import from node_modules explicitly), telemetry off in every npm script.
import {strings} from "./src/lib/strings.js";

const text = strings.en;
// The static report, in reading order: what `npm run pdf` prints.
export const reportPages = [
  {name: text.pages.overview, path: "/"},
  {name: text.pages.affected, path: "/affected"},
  {name: text.pages.timeline, path: "/timeline"},
  {name: text.pages.crisis, path: "/crisis"},
  {name: text.pages.methods, path: "/methods"}
];
const pages = [...reportPages.slice(0, 4), {name: text.explore.title, path: "/explore"}, reportPages[4]];

export default {
  title: text.appName,
  root: "src",
  output: process.env.VUOTO_DIST ?? "dist",
  globalStylesheets: [],
  // An inline icon, so browsers do not ask for /favicon.ico.
  head: '<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 16 16%22%3E%3Ccircle cx=%228%22 cy=%228%22 r=%226%22 fill=%22none%22 stroke=%22%23555%22 stroke-width=%222%22/%3E%3C/svg%3E">',
  // Framework's default style and the air / near-midnight themes, plus the report's own and A4 print rules.
  style: "style.css",
  pages,
  // A plain navigation bar instead of Framework's sidebar, whose toggle and lists fail axe's checks
  // (an unlabelled checkbox, lists holding non-list items) and which takes a third of a printed page.
  sidebar: false,
  header: `<nav class="vuoto-nav" aria-label="${text.reportPages}"><strong class="vuoto-nav-name">${text.appName}</strong>${pages
    .map(({name, path}) => `<a href=".${path}">${name}</a>`)
    .join("")}</nav>`,
  search: false,
  linkify: false,
  footer: text.footer
};
