// Framework 1.13 writes <html> without a language; screen readers need it to pick a voice.
import {readdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";

export function withHtmlLang(html: string, lang: string): string {
  return html.replace(/<html(?![^>]*\blang=)/, `<html lang="${lang}"`);
}

/** Sets lang on every HTML page under *root*. */
export async function setSiteLang(root: string, lang = "en"): Promise<void> {
  for (const entry of await readdir(root, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const path = join(entry.parentPath, entry.name);
    await writeFile(path, withHtmlLang(await readFile(path, "utf8"), lang));
  }
}
