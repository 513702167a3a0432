// The rules the audits check, as their reports and errors name them: a module of its own with no imports,
// so that code which only names the rules (the methods page's tests under jsdom) need not load the engine.

export const RANGE_RULES = {
  groupAttributes:
    "beside a hidden count of people, no part of them (published, e-mailed, reported) is published as 0 or as all of them",
  consistent: "the published counts are consistent with each other (some whole, non-negative counts fit them all)",
  protection:
    "every hidden count's provable range, over whole numbers and every relation between the tables, is at least the threshold wide and not inside 1 to threshold − 1"
} as const;
export type RangeRule = keyof typeof RANGE_RULES;

export const AUDIT_RULES = {
  contract: "only the contract's tables and columns, and none of the row-level or free-text columns",
  threshold: "every published count is 0 or at least the threshold",
  marginals:
    "published parts never add up to more than their published total, and exactly to it when all are published",
  // The solver's rules (rangeAudit.ts) replace the earlier "linear" and "bounds" rules: an exact range
  // at least threshold wide rules out both a recomputed cell and a pinned one.
  ...RANGE_RULES
} as const;
export type AuditRule = keyof typeof AUDIT_RULES;

export const ROUND5 = {base: 5, redactAtMost: 7} as const;

export const ROUND5_RULES = {
  redaction: `no published count is ${ROUND5.redactAtMost} or less (0 included)`,
  multiple: `every published count is a multiple of ${ROUND5.base}`,
  sums: "every total is the sum of its published parts (a redacted part adds 0), redacted when that sum is redacted",
  // The solver's rules (roundedRanges.ts): what the policy promises against a reader who relates every table.
  consistent: "the published counts fit together: some true counts, each within its rounding, give them all",
  interval: `no count that is not provably 0 can be narrowed, from everything published, to fewer than ${ROUND5.base} whole values (a count rounded on its own keeps its whole rounding interval, v − ${Math.floor(ROUND5.base / 2)} to v + ${Math.floor(ROUND5.base / 2)})`,
  smallGroup: `no count, redacted or not, can be shown to lie between 1 and ${ROUND5.redactAtMost}`
} as const;
export type Round5Rule = keyof typeof ROUND5_RULES;
