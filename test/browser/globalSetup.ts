import {execFileSync} from "node:child_process";
import type {TestProject} from "vitest/node";
import {serveStatic, type StaticServer} from "../../src/node/staticServer.js";

let server: StaticServer | undefined;

// Builds the site (unless VUOTO_SKIP_BUILD=1, for a quick rerun against an existing dist/) and
// serves it for every browser test file.
export async function setup(project: TestProject) {
  if (process.env.VUOTO_SKIP_BUILD !== "1")
    execFileSync("npm", ["run", "build", "--silent"], {stdio: ["ignore", "ignore", "inherit"]});
  server = await serveStatic("dist");
  project.provide("siteUrl", server.url);
}

export async function teardown() {
  await server?.close();
}

declare module "vitest" {
  export interface ProvidedContext {
    siteUrl: string;
  }
}
