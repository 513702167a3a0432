// The project's one clock and one time zone. Exports give Finnish local dates; everything that turns
// an instant into a day does it in Europe/Helsinki, and everything that needs "now" asks here.
export const TIME_ZONE = "Europe/Helsinki";

/** The current instant; VUOTO_NOW (an ISO timestamp) pins it for tests and reproducible builds. */
export function now(): Date {
  const pinned = globalThis.process?.env?.VUOTO_NOW;
  return pinned ? new Date(pinned) : new Date();
}

/** The Europe/Helsinki calendar date of an instant, as YYYY-MM-DD. */
export function helsinkiDate(instant: Date = now()): string {
  return new Intl.DateTimeFormat("en-CA", {timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit"}).format(instant);
}
