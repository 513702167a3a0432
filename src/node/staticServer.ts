// The static file server for the built site: what the browser tests, the benchmarks and `npm run serve`
// use. sirv does the file work: it lists dist/ once at start and answers only paths in that list, so no
// spelling of "..", encoded or not, reaches a file outside it. It maps clean URLs to Framework's .html
// files, answers If-None-Match with 304 and sends the .br or .gz copy that postbuild wrote when the
// browser accepts it. This module adds the Content-Security-Policy the site must work under, and
// caching that follows the file's name.
import {createServer, type Server} from "node:http";
import {extname} from "node:path";
import sirv from "sirv";
import {contentSecurityPolicy} from "../lib/contentSecurityPolicy.js";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".parquet": "application/vnd.apache.parquet",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".csv": "text/csv; charset=utf-8",
  ".woff2": "font/woff2"
};

export const IMMUTABLE = "public, max-age=31536000, immutable";

// A content hash in the name (Framework's "name.58793803.css", postbuild's "page.inline-169bef229b5a.js"),
// or a folder that names an exact package version (Framework's "_node/@duckdb/duckdb-wasm@1.32.0/", which
// holds the unhashed duckdb-eh.wasm). Framework writes "parquet-wasm@undefined/" for a package whose
// asset sits in its own sub-package: that path does not change with the version, so it is not matched.
const HASHED_NAME = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/;
const VERSIONED_FOLDER = /^\/_node\/(@[^/]+\/)?[^/@]+@\d+\.\d+\.\d+[^/]*\//;

/** The Cache-Control for a request path: a year for names that change with their content, else revalidate. */
export function cacheControlFor(pathname: string): string {
  return HASHED_NAME.test(pathname) || VERSIONED_FOLDER.test(pathname) ? IMMUTABLE : "no-cache";
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function serveStatic(root: string, {port = 0, csp = contentSecurityPolicy} = {}): Promise<StaticServer> {
  const security = {
    "content-security-policy": csp,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer"
  };
  const files = sirv(root, {
    etag: true,
    brotli: true,
    gzip: true,
    setHeaders(response, pathname) {
      for (const [name, value] of Object.entries(security)) response.setHeader(name, value);
      // A clean URL ("/explore") is a page.
      response.setHeader("content-type", contentTypes[extname(pathname) || ".html"] ?? "application/octet-stream");
      response.setHeader("cache-control", cacheControlFor(pathname));
    },
    onNoMatch(_request, response) {
      response.writeHead(404, {...security, "content-type": "text/plain"}).end("not found");
    }
  });
  const server: Server = createServer((request, response) => files(request, response));
  await new Promise<void>((done) => server.listen(port, "127.0.0.1", done));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("server has no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    // Keep-alive connections would hold close() open for seconds.
    close: () => new Promise((done) => (server.close(() => done()), server.closeAllConnections()))
  };
}
