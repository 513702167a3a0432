// Framework configuration. Everything here must work offline: no web fonts (globalStylesheets: []),
// no CDN imports (pages import from node_modules explicitly), telemetry off in every npm script.
export default {
  title: "Vuoto",
  root: "src",
  output: process.env.VUOTO_DIST ?? "dist",
  globalStylesheets: [],
  // An inline icon, so browsers do not ask for /favicon.ico.
  head: '<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 16 16%22%3E%3Ccircle cx=%228%22 cy=%228%22 r=%226%22 fill=%22none%22 stroke=%22%23555%22 stroke-width=%222%22/%3E%3C/svg%3E">',
  // Framework's default style and the air / near-midnight themes, plus the report's own and A4 print rules.
  style: "style.css",
  pages: [
    {name: "Overview", path: "/"},
    {name: "Affected patients", path: "/affected"},
    {name: "Publication timeline", path: "/timeline"},
    {name: "Crisis-aid demand", path: "/crisis"},
    {name: "Methods and data", path: "/methods"}
  ],
  search: false,
  linkify: false,
  footer: "Vuoto: breach impact analytics. Figures are aggregated and small counts suppressed."
};
