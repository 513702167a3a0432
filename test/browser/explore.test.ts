// The Explore page driven as an analyst would: filters by clicking and brushing, chips, the SQL
// console (results, refusals, errors, cancel), shared links, downloads, back and forward.
import {readFile} from "node:fs/promises";
import type {Locator, Page} from "playwright-core";
import {expect, inject, test} from "vitest";
import {DISTRICT_CODES} from "../../src/lib/schema.js";
import {strings} from "../../src/lib/strings.js";
import {useWatchedPages} from "./watchedPages.js";

const siteUrl = inject("siteUrl");
const {open} = useWatchedPages(siteUrl);

// The English page: the assertions below name its buttons and messages (languages.test.ts covers the others).
function openExplore(search = ""): Promise<Page> {
  return open(`/en/explore${search}`, '[data-chart="districts"] svg [aria-label]', {timeout: 30_000});
}

async function laidOutBox(locator: Locator): Promise<{x: number; y: number; width: number; height: number}> {
  for (let attempt = 0; attempt < 100; ++attempt) {
    const box = await locator.boundingBox();
    if (box) return box;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the element never got a layout box");
}

// A chip's text, as read: the remove button's "×" follows the label.
const chips = async (page: Page) =>
  (await page.locator(".chip").allTextContents()).map((text) => text.replace(/\s+/g, " ").replace(/ ?× ?$/, "×"));
const tableDistricts = (page: Page) =>
  page
    .locator(".view-table tbody tr")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-district")))
    // Rows are sorted by name in the page's language; the tests compare which districts are shown.
    .then((codes) => codes.sort());

test("clicking bars filters every chart and the table; chips remove filters one by one, and clear all", async () => {
  const page = await openExplore();
  // Every hospital district, plus "unknown" when the export has people of unknown district.
  expect((await tableDistricts(page)).filter((code) => code !== "unknown")).toEqual(DISTRICT_CODES);
  const ageBefore = await page.locator('[data-chart="ageGroups"] svg').innerHTML();

  await page.locator('[data-chart="districts"] rect[data-key="25"]').click();
  await expect.poll(() => chips(page)).toEqual(["District: HUS×"]);
  await expect.poll(() => tableDistricts(page)).toEqual(["25"]);
  // The link follows just after the redraw (a timer, not the click itself): wait for it.
  await expect.poll(() => page.url()).toContain("district=25");
  expect(await page.locator('[data-chart="ageGroups"] svg').innerHTML()).not.toBe(ageBefore);

  await page.locator('[data-chart="districts"] rect[data-key="06"]').click();
  await page.locator('[data-chart="ageGroups"] rect[data-key="18-24"]').click();
  await expect.poll(() => chips(page)).toEqual(["District: Pirkanmaa×", "District: HUS×", "Age: 18-24×"]);
  await expect.poll(() => tableDistricts(page)).toEqual(["06", "25"]);

  await page.getByRole("button", {name: "Remove filter: District: HUS"}).click();
  await expect.poll(() => chips(page)).toEqual(["District: Pirkanmaa×", "Age: 18-24×"]);
  await expect.poll(() => tableDistricts(page)).toEqual(["06"]);

  await page.getByRole("button", {name: "Clear all"}).click();
  await expect.poll(() => chips(page)).toEqual([]);
  await expect
    .poll(async () => (await tableDistricts(page)).filter((code) => code !== "unknown"))
    .toEqual(DISTRICT_CODES);
});

test("brushing the timeline filters by whole weeks", async () => {
  const page = await openExplore();
  const overlay = page.locator('[data-chart="timeline"] .brush .overlay');
  // The timeline may be redrawn once more as the page settles (its width changes when the scroll bar
  // appears), which detaches the first overlay: ask again until a laid-out one answers.
  const box = await laidOutBox(overlay);
  await page.mouse.move(box.x + box.width * 0.35, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height / 2, {steps: 5});
  await page.mouse.up();
  await expect.poll(() => chips(page)).toHaveLength(1);
  expect((await chips(page))[0]).toMatch(/^Weeks: \d\d\/\d\d\/\d{4}–\d\d\/\d\d\/\d{4}×$/);
  await page.waitForURL(/from=.*to=/);
  const url = new URL(page.url());
  const from = new Date(url.searchParams.get("from")!);
  const to = new Date(url.searchParams.get("to")!);
  expect(from.getUTCDay()).toBe(1); // Monday
  expect(to.getUTCDay()).toBe(0); // Sunday
});

test("a shared link reproduces filters and SQL, whose SQL runs only on Run; back and forward walk through the changes", async () => {
  const sql =
    "SELECT age_group, sum(people) AS people FROM people_by_district_age GROUP BY age_group ORDER BY age_group";
  const page = await openExplore(`?district=03&service=chat&measure=contacts&sql=${encodeURIComponent(sql)}`);
  await expect.poll(() => chips(page)).toEqual(["District: Southwest Finland×", "Service: Chat×"]);
  expect(await page.locator('.measure input[value="contacts"]').isChecked()).toBe(true);
  expect(await page.locator(".sql-editor").inputValue()).toBe(sql);
  expect(await page.locator(".sql-status").textContent()).toBe(
    "This query came with the link and has not been run. Read it, then press Run."
  );
  expect(await page.locator(".sql-result").count()).toBe(0);
  await page.getByRole("button", {name: "Run"}).click();
  await expect.poll(() => page.locator(".sql-result tbody tr").count()).toBe(9);
  expect(await page.locator("[data-quick-chart] svg").count()).toBe(1);

  await page.locator('[data-chart="districts"] rect[data-key="25"]').click();
  await expect.poll(() => chips(page)).toHaveLength(3);
  await page.goBack();
  await expect.poll(() => chips(page)).toEqual(["District: Southwest Finland×", "Service: Chat×"]);
  await expect.poll(() => tableDistricts(page)).toEqual(["03"]);
  await page.goForward();
  await expect.poll(() => chips(page)).toHaveLength(3);
  await expect.poll(() => tableDistricts(page)).toEqual(["03", "25"]);
});

test("the SQL console runs a query, shows errors where they are, refuses writes before DuckDB, and cancels", async () => {
  const page = await openExplore();
  const editor = page.locator(".sql-editor");
  const status = page.locator(".sql-status");

  await editor.fill(
    "SELECT hospital_district, sum(contacts) AS contacts FROM crisis_by_district_period WHERE hospital_district <> 'unknown' GROUP BY ALL ORDER BY 1"
  );
  await page.getByRole("button", {name: "Run"}).click();
  await expect.poll(() => status.textContent()).toBe("21 rows");
  expect(await page.locator(".sql-result thead th").allTextContents()).toEqual(["hospital_district", "contacts"]);
  expect(page.url()).toContain("sql=SELECT");

  await editor.fill("SELECT *\nFROM people_by_age\n  JOIN read_csv('/etc/passwd') USING (age_group)");
  await page.getByRole("button", {name: "Run"}).click();
  await expect.poll(() => status.textContent()).toMatch(/^Refused \(at line 3, column 8\): not allowed: read_csv\(\)/);
  expect(await page.locator(".sql-result").count()).toBe(0);

  for (const statement of [
    "COPY people_by_age TO 'out.csv'",
    "ATTACH 'x.duckdb' AS x",
    "SELECT * FROM 'people.parquet'"
  ]) {
    await editor.fill(statement);
    await page.getByRole("button", {name: "Run"}).click();
    await expect.poll(() => status.textContent()).toMatch(/^Refused/);
  }

  await editor.fill("SELECT age_group,\n  nosuchcol FROM people_by_age");
  await page.getByRole("button", {name: "Run"}).click();
  await expect.poll(() => status.textContent()).toMatch(/^Error \(at line 2, column 3\): Binder Error/);

  // DuckDB's own guard holds even for what the check lets through: settings are locked.
  await editor.fill(
    "SELECT current_setting('enable_external_access') AS external, current_setting('lock_configuration') AS locked"
  );
  await page.getByRole("button", {name: "Run"}).click();
  await expect.poll(() => page.locator(".sql-result tbody td").allTextContents()).toEqual(["false", "true"]);

  // Results are capped on screen; the download holds every row.
  await editor.fill("SELECT range AS n FROM range(10001)");
  await page.getByRole("button", {name: "Run"}).click();
  await expect.poll(() => status.textContent()).toBe("10,001 rows, first 10,000 shown");
  expect(await page.locator(".sql-result tbody tr").count()).toBe(10_000);
  const [file] = await Promise.all([page.waitForEvent("download"), page.locator('[data-download="sql-csv"]').click()]);
  expect(file.suggestedFilename()).toBe("vuoto-query.csv");
  expect((await readFile((await file.path())!, "utf8")).trimEnd().split("\r\n")).toHaveLength(10_002);

  await editor.fill("SELECT count(*) FROM range(1000000) a, range(1000000) b");
  await page.getByRole("button", {name: "Run"}).click();
  await expect.poll(() => status.textContent()).toBe("Running…");
  await page.getByRole("button", {name: "Cancel"}).click();
  await expect.poll(() => status.textContent(), {timeout: 10_000}).toBe("Query cancelled.");
  // The charts' connection is unaffected.
  await page.locator('[data-chart="districts"] rect[data-key="06"]').click();
  await expect.poll(() => tableDistricts(page)).toEqual(["06"]);
});

test("downloads: the filtered table as CSV and Parquet, and a chart as SVG and PNG, all matching the view", async () => {
  const page = await openExplore("?district=06,25&age=18-24");
  await expect.poll(() => tableDistricts(page)).toEqual(["06", "25"]);
  const shown = await page
    .locator(".view-table tbody tr")
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent!.replace(/\s/g, "")))
    );

  const download = async (button: ReturnType<Page["locator"]>) => {
    const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
    return {name: file.suggestedFilename(), bytes: await readFile((await file.path())!)};
  };

  const csv = await download(page.locator('[data-download="csv"]'));
  expect(csv.name).toBe("vuoto-view_district-06-25_age-18-24.csv");
  const lines = csv.bytes.toString("utf8").trimEnd().split("\r\n");
  expect(lines[0]).toBe("hospital_district,district_name,people,people_hidden_cells,contacts,contacts_hidden_cells");
  // The table is sorted by name and formats numbers for the reader (1,234) and a hidden count as a word;
  // the CSV is by code and plain, a hidden count an empty field beside its count of hidden cells.
  const byCode = (rows: string[][]) => rows.sort((a, b) => (a[0] ?? "").localeCompare(b[0] ?? ""));
  const plain = (cell: string) => (cell === strings.en.suppressed ? "" : cell.replace("+", "").replace(/,/g, ""));
  expect(byCode(lines.slice(1).map((line) => line.split(",")))).toEqual(byCode(shown.map((cells) => cells.map(plain))));

  const parquet = await download(page.locator('[data-download="parquet"]'));
  expect(parquet.name).toBe("vuoto-view_district-06-25_age-18-24.parquet");
  expect(parquet.bytes.subarray(0, 4).toString()).toBe("PAR1");
  expect(parquet.bytes.subarray(-4).toString()).toBe("PAR1");

  const svg = await download(page.locator('[data-card="districts"] [data-download="svg"]'));
  expect(svg.name).toBe("vuoto-districts_people_district-06-25_age-18-24.svg");
  const text = svg.bytes.toString();
  expect(text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(text).toContain('data-key="25"');
  // The file says what it shows, under which filters, from where, and that the data is synthetic.
  const written = [...text.matchAll(/<text x="4"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
  expect(written).toEqual([
    "By hospital district (People affected)",
    "Filters: District: Pirkanmaa; District: HUS; Age: 18-24",
    expect.stringMatching(/^Source: Vuoto published tables people_by_district_age, hospital_districts; export \S+\.$/),
    "Synthetic sample data: these figures are made up for demonstration and describe no real person."
  ]);
  const png = await download(page.locator('[data-card="timeline"] [data-download="png"]'));
  // Crisis contacts have no age group: the age filter is not in the timeline's name.
  expect(png.name).toBe("vuoto-timeline_district-06-25.png");
  expect([...png.bytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
  expect(png.bytes.length).toBeGreaterThan(2000);
});

test("by keyboard: Enter on a bar filters and leaves focus on that bar; date fields pick whole weeks", async () => {
  const page = await openExplore();
  await page.locator('[data-chart="districts"] rect[data-key="25"]').focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => chips(page)).toEqual(["District: HUS×"]);
  const focused = () =>
    page.evaluate(() => [
      document.activeElement?.closest("[data-chart]")?.getAttribute("data-chart"),
      document.activeElement?.getAttribute("data-key")
    ]);
  expect(await focused()).toEqual(["districts", "25"]);
  await page.keyboard.press("Enter");
  await expect.poll(() => chips(page)).toEqual([]);
  expect(await focused()).toEqual(["districts", "25"]);

  const [from, to] = await page.locator('[data-card="timeline"] input[type="date"]').all();
  await from!.fill("2020-10-21"); // a Wednesday: its week starts on Monday 19 October
  await from!.press("Tab");
  await to!.fill("2020-10-30"); // a Friday: its week ends on Sunday 1 November
  await to!.press("Tab");
  await expect.poll(() => new URL(page.url()).search).toBe("?from=2020-10-19&to=2020-11-01");
  await expect.poll(() => chips(page)).toEqual(["Weeks: 19/10/2020–01/11/2020×"]);
  expect([await from!.inputValue(), await to!.inputValue()]).toEqual(["2020-10-19", "2020-11-01"]);
});
