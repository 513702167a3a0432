import {expect, test} from "vitest";
import {externaliseInlineScripts} from "../../src/node/externaliseScripts.js";

test("inline scripts move to files beside the page; external and empty ones stay", () => {
  const page = `<head><script type="module" src="./a.js"></script></head>
<body><script type="module">import {x} from "./_observablehq/client.js"; x();</script><script>toggle()</script><script></script></body>`;
  const {html, scripts} = externaliseInlineScripts(page, "index");
  expect(scripts.size).toBe(2);
  const [moduleFile, classicFile] = [...scripts.keys()];
  expect(moduleFile).toMatch(/^index\.inline-[0-9a-f]{12}\.js$/);
  expect(scripts.get(moduleFile!)).toContain('from "./_observablehq/client.js"');
  expect(html).toContain(`<script type="module" src="./${moduleFile}"></script>`);
  expect(html).toContain(`<script src="./${classicFile}"></script>`);
  expect(html).toContain('<script type="module" src="./a.js"></script>');
  expect(html).not.toMatch(/<script[^>]*>[^<]+<\/script>/);
});
