// The Content-Security-Policy the built site is served with (browser tests, `npm run serve`, README).
// Only the site's own origin; 'wasm-unsafe-eval' lets DuckDB-WASM and hyparquet compile WebAssembly;
// blob: workers because DuckDB-WASM may start its worker from a blob URL.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'"
].join("; ");
