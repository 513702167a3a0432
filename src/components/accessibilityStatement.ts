// The accessibility statement as a page body: text from src/lib/accessibilityStatement.ts, the
// operator's feedback address from src/lib/siteConfig.ts.
import {html} from "htl";
import {accessibilityStatement} from "../lib/accessibilityStatement.js";
import type {Language} from "../lib/strings.js";

export function AccessibilityStatement({lang = "en" as Language, feedback = ""} = {}): HTMLElement {
  const t = accessibilityStatement[lang];
  return html`<div class="vuoto-statement">
    <h1>${t.title}</h1>
    <p>${t.intro}</p>
    <h2>${t.statusTitle}</h2>
    <p>${t.status}</p>
    <h2>${t.gapsTitle}</h2>
    <ul>
      ${t.gaps.map((gap) => html`<li>${gap}</li>`)}
    </ul>
    <h2>${t.feedbackTitle}</h2>
    <p>${t.feedback} <a href=${`mailto:${feedback}`}>${feedback}</a></p>
    <h2>${t.enforcementTitle}</h2>
    <p>${t.enforcement}</p>
    <p>${t.authority.map((line, i) => (i ? [html`<br />`, line] : line))}</p>
    <h2>${t.preparedTitle}</h2>
    <p>${t.prepared}</p>
  </div>` as HTMLElement;
}
