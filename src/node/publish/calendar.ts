// Calendar arithmetic on Europe/Helsinki local dates written "YYYY-MM-DD". Local dates carry no time
// of day, so they are computed as UTC midnights: no daylight-saving step can shift a day.

const DAY = 86_400_000;

export function parseDate(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function formatDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return formatDate(parseDate(date) + days * DAY);
}

/** The Monday that starts the ISO week holding *date*. */
export function weekStart(date: string): string {
  const weekday = (new Date(parseDate(date)).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(date, -weekday);
}

/** Every date from *start* to *end*, both included. */
export function datesBetween(start: string, end: string): string[] {
  const dates: string[] = [];
  for (let time = parseDate(start); time <= parseDate(end); time += DAY) dates.push(formatDate(time));
  return dates;
}

/** The Mondays of the ISO weeks from the one holding *start* to the one holding *end*. */
export function weeksBetween(start: string, end: string): string[] {
  const weeks: string[] = [];
  for (let time = parseDate(weekStart(start)); time <= parseDate(end); time += 7 * DAY) weeks.push(formatDate(time));
  return weeks;
}

/**
 * The month an ISO week belongs to: the month of its Thursday (as ISO 8601 assigns weeks to years),
 * so that every week is in exactly one month and a month's figure is the sum of its weeks.
 */
export function weekMonth(week: string): string {
  return addDays(week, 3).slice(0, 7);
}
