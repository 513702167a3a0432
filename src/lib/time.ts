// The project's one time zone. Exports carry Finnish local dates, so "today" and "the future" are
// judged in Europe/Helsinki. The one clock is now() in src/node/config.ts: tests pin it with VUOTO_NOW
// (an ISO instant) or by passing *now* explicitly.

export const TIME_ZONE = "Europe/Helsinki";

// The options ask for each of these parts, so formatToParts always returns them.
const parts = (date: Date) =>
  Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: TIME_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23"
    })
      .formatToParts(date)
      .map(({type, value}) => [type, value])
  ) as Record<"year" | "month" | "day" | "hour" | "minute" | "second", string>;

/** The Helsinki calendar date of *date*, as YYYY-MM-DD. */
export function helsinkiDate(date: Date): string {
  const {year, month, day} = parts(date);
  return `${year}-${month}-${day}`;
}

/** *date* as an ISO 8601 timestamp with Helsinki's offset, e.g. 2020-10-24T02:30:00+03:00. */
export function helsinkiTimestamp(date: Date): string {
  const {year, month, day, hour, minute, second} = parts(date);
  const local = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second);
  const offset = Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const sign = offset < 0 ? "-" : "+";
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, "0");
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}
