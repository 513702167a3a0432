import {expect, test} from "vitest";
import {ledgerName} from "../../src/node/publish/ledger.js";

test("a ledger folder is named by the release's Helsinki time (winter and summer offsets), sortable, no colons", () => {
  expect(ledgerName(new Date("2026-11-29T17:06:49Z"), "v1")).toBe("2026-11-29T190649_v1");
  expect(ledgerName(new Date("2026-07-01T00:00:05Z"), "v2")).toBe("2026-07-01T030005_v2");
  // Across midnight in Helsinki but not in UTC: the Helsinki date.
  expect(ledgerName(new Date("2026-12-31T22:30:00Z"), "v3")).toBe("2027-01-01T003000_v3");
  const names = ["2026-07-01T00:00:05Z", "2026-11-29T17:06:49Z", "2026-12-31T22:30:00Z"].map((t) =>
    ledgerName(new Date(t), "x")
  );
  expect([...names].sort()).toEqual(names);
});
