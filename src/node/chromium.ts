// Debian's Chromium driven by playwright-core (npx playwright install cannot download browsers on a
// closed network): used by the browser tests and by `npm run pdf`.
import {existsSync} from "node:fs";
import {chromium, type Browser} from "playwright-core";
import {config} from "./config.js";

export async function launchChromium(): Promise<Browser> {
  const executablePath = config().chromiumPath;
  if (!existsSync(executablePath)) {
    throw new Error(`missing Chromium at ${executablePath}: run \`apt-get install -y chromium\` or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run"
    ]
  });
}
