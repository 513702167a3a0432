// npm run serve: serves the built site (dist/) on 127.0.0.1 with the production Content-Security-Policy,
// as a ministry web server would, for checking a build before it is copied anywhere.
import {checkedConfig} from "../node/cliArgs.js";
import {serveStatic} from "../node/staticServer.js";

const {dist, port} = checkedConfig();
const server = await serveStatic(dist, {port});
console.warn(`serving dist/ at ${server.url} with the production CSP; Ctrl+C stops`);
