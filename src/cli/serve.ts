// npm run serve: serves the built site (dist/) on 127.0.0.1 with the production Content-Security-Policy,
// as a ministry web server would, for checking a build before it is copied anywhere.
import {serveStatic} from "../node/staticServer.js";

const port = Number(process.env.PORT ?? 3001);
const server = await serveStatic(process.env.VUOTO_DIST ?? "dist", {port});
console.warn(`serving dist/ at ${server.url} with the production CSP; Ctrl+C stops`);
