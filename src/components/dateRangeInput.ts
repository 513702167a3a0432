import {formatDate} from "../lib/format.js";
import {strings, type Language} from "../lib/strings.js";

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const fromIso = (value: string) => new Date(`${value}T00:00:00Z`);

/**
 * Two date fields and a reset button, for Framework's view(): *value* is [start, end] (UTC
 * midnights, like the published dates), and an "input" event fires whenever it changes. Plain DOM,
 * so it needs nothing from a CDN (Framework's Inputs does).
 */
export function DateRangeInput({
  min,
  max,
  value = [min, max],
  lang = "en"
}: {
  min: Date;
  max: Date;
  value?: [Date, Date];
  lang?: Language;
}) {
  const text = strings[lang].timeline;
  const form = document.createElement("fieldset") as HTMLFieldSetElement & {value: [Date, Date]};
  form.className = "vuoto-range";
  const legend = document.createElement("legend");
  legend.textContent = text.rangeLegend;
  const field = (label: string, initial: Date) => {
    const wrapper = document.createElement("label");
    const input = document.createElement("input");
    input.type = "date";
    input.min = isoDate(min);
    input.max = isoDate(max);
    input.value = isoDate(initial);
    wrapper.append(`${label} (${formatDate(min, {lang})}–${formatDate(max, {lang})})`, input);
    return {wrapper, input};
  };
  const start = field(text.from, value[0]);
  const end = field(text.to, value[1]);
  const reset = document.createElement("button");
  reset.type = "button";
  reset.textContent = text.reset;
  form.append(legend, start.wrapper, end.wrapper, reset);
  form.value = value;
  const update = () => {
    // An empty or half-typed field keeps the previous bound; a reversed range is put in order.
    const a = start.input.value ? fromIso(start.input.value) : form.value[0];
    const b = end.input.value ? fromIso(end.input.value) : form.value[1];
    form.value = +a <= +b ? [a, b] : [b, a];
    form.dispatchEvent(new Event("input", {bubbles: true}));
  };
  start.input.addEventListener("change", update);
  end.input.addEventListener("change", update);
  reset.addEventListener("click", () => {
    start.input.value = isoDate(min);
    end.input.value = isoDate(max);
    update();
  });
  return form;
}
