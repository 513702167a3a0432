import {AREA_CHOICES, searchWithArea, type AreaChoice} from "../lib/areaChoice.js";
import {strings, type Language} from "../lib/strings.js";

const GEOGRAPHY = {district: "hospital_districts", county: "wellbeing_counties"} as const;

/**
 * The district/county choice (issue 16), for Framework's view(): two radio buttons in a labelled
 * fieldset (arrow keys move between them, as for any radio group); *value* is "district" or "county",
 * and an "input" event fires when it changes. The choice is written to the page's URL (`?area=county`,
 * replaceState: one page, one history entry), which the language switch carries over.
 *
 * When the export allows hospital districts only (*available* false: people_by_county has no rows),
 * there is no choice to offer: the element is the sentence that says so, and its value is "district".
 *
 * **value** – the initial choice (areaFromSearch); **available** – whether counties are published;
 * **url** – whether to keep the choice in location (false in the explorer, which keeps its own URL).
 */
export function AreaControl({
  value = "district",
  available = true,
  lang = "en",
  url = true
}: {
  value?: AreaChoice;
  available?: boolean;
  lang?: Language;
  url?: boolean;
}): HTMLElement & {value: AreaChoice} {
  const text = strings[lang].geo;
  if (!available) {
    const sentence = document.createElement("p") as HTMLParagraphElement & {value: AreaChoice};
    sentence.className = "vuoto-method vuoto-districts-only";
    sentence.dataset.districtsOnly = "";
    sentence.textContent = text.districtsOnly;
    sentence.value = "district";
    return sentence;
  }
  const form = document.createElement("fieldset") as HTMLFieldSetElement & {value: AreaChoice};
  // Not printed: a choice on paper does nothing (and its empty block would keep a heading from its content).
  form.className = "vuoto-area vuoto-no-print";
  form.dataset.areaControl = "";
  const legend = document.createElement("legend");
  legend.textContent = text.areaLabel;
  form.append(legend);
  for (const choice of AREA_CHOICES) {
    const label = document.createElement("label");
    const input = document.createElement("input");
    input.type = "radio";
    input.name = "vuoto-area";
    input.value = choice;
    input.checked = choice === value;
    label.append(input, ` ${text.geographies[GEOGRAPHY[choice]]}`);
    form.append(label);
  }
  Object.defineProperty(form, "value", {
    get: () => (form.querySelector<HTMLInputElement>("input:checked")?.value === "county" ? "county" : "district"),
    set: (choice: AreaChoice) => {
      for (const input of form.querySelectorAll("input")) input.checked = input.value === choice;
    }
  });
  // Registered before view()'s own listener: the URL already holds the choice when the page redraws.
  if (url)
    form.addEventListener("input", () => {
      history.replaceState(
        history.state,
        "",
        location.pathname + searchWithArea(location.search, form.value) + location.hash
      );
    });
  return form;
}
