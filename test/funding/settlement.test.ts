// The settlement of the addendum "investeren in talent" (articles 1-2): the worked examples,
// the half threshold, rounding down, the caps, the real cost (paid and committed costs,
// overhead within its ceiling, income deducted before the cap), properties over generated
// inputs, validation, money formatting and the explanation in nl, fr and en.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../db/seed/sector.js";
import {
  bindingCap,
  countedOverhead,
  explain,
  formatMoney,
  formatPercent,
  roundedSteps,
  SETTLEMENT_STEPS,
  type Settlement,
  type SettlementInput,
  type SettlementLocale,
  settle,
} from "../../schema/funding/settlement.js";

const LOCALES: SettlementLocale[] = ["nl", "fr", "en"];

function results(achieved: number, total: number): SettlementInput["resultCommitments"] {
  return Array.from({ length: total }, (_, i) => ({ number: i + 1, achieved: i < achieved }));
}

function input(overrides: Partial<SettlementInput> = {}): SettlementInput {
  return {
    basis: "FINAL",
    maxAmountCents: 40_000_000,
    currency: "EUR",
    effortShareBp: 7000,
    resultShareBp: 3000,
    effortCommitments: Array.from({ length: 9 }, (_, i) => ({ number: i + 1, justified: true })),
    resultCommitments: results(3, 5),
    realisedCostsCents: 40_000_000,
    committedCostsCents: 0,
    overheadRecordedCents: 0,
    overheadCeilingCents: null,
    incomeCents: 0,
    ...overrides,
  };
}

describe("worked examples of the addendum", () => {
  it("3 of 5 result commitments achieved, costs not binding: EUR 352,000", () => {
    expect(settle(input())).toEqual({
      basis: "FINAL",
      currency: "EUR",
      maxAmountCents: 40_000_000,
      effortPartCents: 28_000_000,
      resultShareCents: 12_000_000,
      resultPartCents: 7_200_000,
      achievedResultCommitments: 3,
      totalResultCommitments: 5,
      unjustifiedEffortCommitments: [],
      realisedCostsCents: 40_000_000,
      committedCostsCents: 0,
      overheadRecordedCents: 0,
      overheadCeilingCents: null,
      overheadCountedCents: 0,
      additionalCostsCents: 0,
      costsCountedCents: 40_000_000,
      incomeCents: 0,
      eligibleCostsCents: 40_000_000,
      entitlementCents: 35_200_000,
      payableCents: 35_200_000,
      cappedBy: "NONE",
    } satisfies Settlement);
  });

  it("2 of 5 is fewer than half: no result financing at all", () => {
    const s = settle(input({ resultCommitments: results(2, 5) }));
    expect(s.resultShareCents).toBe(12_000_000);
    expect(s.resultPartCents).toBe(0);
    expect(s.entitlementCents).toBe(28_000_000);
    expect(s.payableCents).toBe(28_000_000);
    expect(s.cappedBy).toBe("NONE");
  });

  it("5 of 5 with EUR 300,000 of eligible costs pays only the real costs", () => {
    const s = settle(input({ resultCommitments: results(5, 5), realisedCostsCents: 30_000_000 }));
    expect(s.resultPartCents).toBe(12_000_000);
    expect(s.entitlementCents).toBe(40_000_000);
    expect(s.payableCents).toBe(30_000_000);
    expect(s.cappedBy).toBe("ELIGIBLE_COSTS");
  });

  it("no result commitments at all: nothing to pay pro rata of, so the result part is 0", () => {
    const s = settle(input({ resultCommitments: [] }));
    expect(s.totalResultCommitments).toBe(0);
    expect(s.achievedResultCommitments).toBe(0);
    expect(s.resultShareCents).toBe(12_000_000);
    expect(s.resultPartCents).toBe(0);
    expect(s.payableCents).toBe(28_000_000);
  });

  it("unjustified effort commitments are flagged, sorted, and not deducted", () => {
    const effortCommitments = [
      { number: 7, justified: false },
      { number: 1, justified: true },
      { number: 2, justified: false },
      { number: 5, justified: true },
    ];
    const given = input({ effortCommitments });
    const copy = structuredClone(given);
    const s = settle(given);
    expect(s.unjustifiedEffortCommitments).toEqual([2, 7]);
    expect(s.effortPartCents).toBe(28_000_000);
    expect(s.payableCents).toBe(35_200_000);
    expect(given).toEqual(copy);
  });

  it("eligible costs equal to the entitlement take nothing away: NONE", () => {
    const s = settle(input({ realisedCostsCents: 35_200_000 }));
    expect(s.payableCents).toBe(35_200_000);
    expect(s.cappedBy).toBe("NONE");
  });

  it("no eligible costs, nothing payable", () => {
    const s = settle(input({ realisedCostsCents: 0 }));
    expect(s.payableCents).toBe(0);
    expect(s.cappedBy).toBe("ELIGIBLE_COSTS");
  });
});

describe("rounding down to the cent", () => {
  it("max 100,001 cents: 70000.7 → 70,000 and 30000.3 → 30,000, together below the maximum", () => {
    const s = settle(input({ maxAmountCents: 100_001, realisedCostsCents: 100_001, resultCommitments: results(2, 3) }));
    expect(s.effortPartCents).toBe(70_000);
    expect(s.resultShareCents).toBe(30_000);
    expect(s.effortPartCents + s.resultShareCents).toBe(100_000);
    expect(s.resultPartCents).toBe(20_000); // 30,000 x 2/3
    expect(roundedSteps(input({ maxAmountCents: 100_001, resultCommitments: results(2, 3) }))).toEqual(["EFFORT_PART", "RESULT_SHARE"]);
  });

  it("result share 10,001 with 3 of 4 achieved: floor(7500.75) = 7,500", () => {
    // 33,337 x 30% = 10,001.1, so the result share is 10,001.
    const given = input({ maxAmountCents: 33_337, realisedCostsCents: 33_337, resultCommitments: results(3, 4) });
    const s = settle(given);
    expect(s.effortPartCents).toBe(23_335);
    expect(s.resultShareCents).toBe(10_001);
    expect(s.resultPartCents).toBe(7_500);
    expect(s.payableCents).toBe(30_835);
    expect(roundedSteps(given)).toEqual(["EFFORT_PART", "RESULT_SHARE", "RESULT_PART"]);
  });

  it("the worked example drops no fraction", () => {
    expect(roundedSteps(input())).toEqual([]);
  });

  it("a result part below the threshold is not a rounding step", () => {
    expect(roundedSteps(input({ maxAmountCents: 33_337, resultCommitments: results(1, 3) }))).toEqual(["EFFORT_PART", "RESULT_SHARE"]);
  });
});

describe("the half threshold", () => {
  it.each([
    [2, 4, true],
    [1, 3, false],
    [2, 3, true],
    [0, 1, false],
    [1, 1, true],
    [1, 2, true],
    [0, 2, false],
    [3, 5, true],
    [2, 5, false],
    [0, 0, false],
  ])("%i of %i achieved: paid = %s", (achieved, total, paid) => {
    const s = settle(input({ maxAmountCents: 100_001, realisedCostsCents: 100_001, resultCommitments: results(achieved, total) }));
    const expected = paid ? Math.floor((30_000 * achieved) / total) : 0;
    expect(s.resultPartCents).toBe(expected);
    if (paid) expect(s.resultPartCents).toBeGreaterThan(0);
  });
});

describe("which cap binds", () => {
  it.each([
    [100, 200, 300, "NONE"],
    [100, 100, 100, "NONE"],
    [100, 100, 300, "NONE"],
    [100, 50, 300, "ELIGIBLE_COSTS"],
    [100, 50, 50, "ELIGIBLE_COSTS"], // tie between the two caps: the state-aid rule wins
    [100, 60, 50, "MAXIMUM"],
    [100, 300, 50, "MAXIMUM"],
  ] as const)("entitlement %i, eligible costs %i, maximum %i: %s", (entitlement, costs, max, cap) => {
    expect(bindingCap(entitlement, costs, max)).toBe(cap);
  });
});

function generate(random: () => number): SettlementInput {
  const int = (n: number) => Math.floor(random() * n); // 0 .. n-1
  const shuffledNumbers = (count: number) => {
    const numbers = Array.from({ length: count }, (_, i) => i + 1 + int(3) * 100);
    const unique = [...new Set(numbers)];
    for (let i = unique.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [unique[i], unique[j]] = [unique[j] as number, unique[i] as number];
    }
    return unique;
  };
  const maxAmountCents = [0, 1, 3, 99, 100_001, 40_000_000, int(10_000_000_000), Number.MAX_SAFE_INTEGER - int(1000)][int(8)] ?? 0;
  const effortShareBp = [0, 10_000, 7000, int(10_001)][int(4)] ?? 7000;
  // Each cost at most 2^51, so their sum stays a safe integer; income may be anything safe.
  const realisedCostsCents = [0, Math.min(maxAmountCents, 2 ** 51), int(Math.min(maxAmountCents, 2 ** 40) + 1), 2 ** 51][int(4)] ?? 0;
  const committedCostsCents = [0, int(2 ** 40), 2 ** 51][int(3)] ?? 0;
  const overheadRecordedCents = [0, int(100_000), int(2 ** 40), 2 ** 51][int(4)] ?? 0;
  const overheadCeilingCents = [null, 0, int(100_000), 2 ** 51][int(4)] ?? null;
  const incomeCents = [0, int(5_000_000), int(2 ** 40), Number.MAX_SAFE_INTEGER][int(4)] ?? 0;
  return {
    basis: random() < 0.5 ? "FINAL" : "FORECAST",
    maxAmountCents,
    currency: "EUR",
    effortShareBp,
    resultShareBp: 10_000 - effortShareBp,
    effortCommitments: shuffledNumbers(int(10)).map((number) => ({ number, justified: random() < 0.7 })),
    resultCommitments: shuffledNumbers(int(9)).map((number) => ({ number, achieved: random() < 0.5 })),
    realisedCostsCents,
    committedCostsCents,
    overheadRecordedCents,
    overheadCeilingCents,
    incomeCents,
    additionalCostsCents: random() < 0.2 ? int(2 ** 40) : 0,
  };
}

describe("properties over generated inputs", () => {
  const random = seededRandom(20230701);
  const inputs = Array.from({ length: 3000 }, () => generate(random));

  it("never pays more than the eligible costs, the maximum or the entitlement; all amounts are integers", () => {
    for (const given of inputs) {
      const s = settle(given);
      const context = JSON.stringify(given);
      for (const value of [
        s.maxAmountCents,
        s.effortPartCents,
        s.resultShareCents,
        s.resultPartCents,
        s.realisedCostsCents,
        s.committedCostsCents,
        s.overheadRecordedCents,
        s.overheadCountedCents,
        s.costsCountedCents,
        s.incomeCents,
        s.eligibleCostsCents,
        s.entitlementCents,
        s.payableCents,
        s.achievedResultCommitments,
        s.totalResultCommitments,
      ]) {
        expect(Number.isSafeInteger(value) && value >= 0, context).toBe(true);
      }
      expect(s.payableCents, context).toBeLessThanOrEqual(s.eligibleCostsCents);
      // The real cost, recomputed in BigInt: the costs the basis counts, less the income.
      const counted =
        BigInt(given.realisedCostsCents) +
        (given.basis === "FORECAST" ? BigInt(given.committedCostsCents) : 0n) +
        BigInt(countedOverhead(given.overheadRecordedCents, given.overheadCeilingCents)) +
        BigInt(given.additionalCostsCents ?? 0);
      const real = counted - BigInt(given.incomeCents);
      expect(BigInt(s.eligibleCostsCents), context).toBe(real > 0n ? real : 0n);
      expect(BigInt(s.payableCents) <= (real > 0n ? real : 0n), context).toBe(true);
      expect(s.overheadCountedCents, context).toBeLessThanOrEqual(given.overheadCeilingCents ?? 0);
      expect(s.payableCents, context).toBeLessThanOrEqual(s.maxAmountCents);
      expect(s.payableCents, context).toBeLessThanOrEqual(s.entitlementCents);
      expect(s.payableCents, context).toBe(Math.min(s.entitlementCents, s.eligibleCostsCents, s.maxAmountCents));
      expect(s.effortPartCents + s.resultShareCents, context).toBeLessThanOrEqual(s.maxAmountCents);
      expect(s.resultPartCents, context).toBeLessThanOrEqual(s.resultShareCents);
      expect(s.entitlementCents, context).toBe(s.effortPartCents + s.resultPartCents);
      // The entitlement can never exceed the maximum, so only the eligible costs can bind.
      expect(s.cappedBy, context).toBe(s.payableCents < s.entitlementCents ? "ELIGIBLE_COSTS" : "NONE");
      expect([...s.unjustifiedEffortCommitments].sort((a, b) => a - b)).toEqual(s.unjustifiedEffortCommitments);
    }
  });

  it("every amount is the exact rule rounded down (checked in BigInt)", () => {
    for (const given of inputs) {
      const s = settle(given);
      const max = BigInt(given.maxAmountCents);
      const floorOf = (numerator: bigint, denominator: bigint, result: number) => {
        const r = BigInt(result);
        expect(r * denominator <= numerator && numerator < (r + 1n) * denominator, JSON.stringify(given)).toBe(true);
      };
      floorOf(max * BigInt(given.effortShareBp), 10_000n, s.effortPartCents);
      floorOf(max * BigInt(given.resultShareBp), 10_000n, s.resultShareCents);
      if (s.resultPartCents > 0) {
        floorOf(BigInt(s.resultShareCents) * BigInt(s.achievedResultCommitments), BigInt(s.totalResultCommitments), s.resultPartCents);
      }
    }
  });

  it("achieving one more result commitment never lowers the payable amount", () => {
    for (const given of inputs) {
      const before = settle(given);
      const index = given.resultCommitments.findIndex((c) => !c.achieved);
      if (index < 0) continue;
      const more = structuredClone(given);
      (more.resultCommitments[index] as { achieved: boolean }).achieved = true;
      const after = settle(more);
      expect(after.resultPartCents, JSON.stringify(given)).toBeGreaterThanOrEqual(before.resultPartCents);
      expect(after.payableCents, JSON.stringify(given)).toBeGreaterThanOrEqual(before.payableCents);
    }
  });

  it("explains every generated settlement in every language, one line per step", () => {
    for (const given of inputs.slice(0, 500)) {
      const s = settle(given);
      for (const locale of LOCALES) {
        const lines = explain(s, given, locale);
        expect(lines.map((l) => l.step)).toEqual([...SETTLEMENT_STEPS]);
        for (const line of lines) {
          expect(line.text.length).toBeGreaterThan(0);
          if (line.amountCents !== null) {
            expect(Number.isSafeInteger(line.amountCents)).toBe(true);
            expect(line.text).toContain(formatMoney(line.step === "CAP" ? s.entitlementCents : line.amountCents, "EUR", locale));
          }
        }
      }
    }
  });
});

describe("validation", () => {
  const invalid: [string, Partial<SettlementInput>][] = [
    ["a negative maximum", { maxAmountCents: -1 }],
    ["a fractional maximum", { maxAmountCents: 100.5 }],
    ["an unsafe maximum", { maxAmountCents: 2 ** 53 }],
    ["a maximum that is not a number", { maxAmountCents: Number.NaN }],
    ["an infinite maximum", { maxAmountCents: Number.POSITIVE_INFINITY }],
    ["negative realised costs", { realisedCostsCents: -100 }],
    ["fractional realised costs", { realisedCostsCents: 0.01 }],
    ["unsafe realised costs", { realisedCostsCents: Number.MAX_SAFE_INTEGER + 2 }],
    ["negative committed costs", { committedCostsCents: -1 }],
    ["fractional overhead", { overheadRecordedCents: 1.5 }],
    ["a negative overhead ceiling", { overheadCeilingCents: -1 }],
    ["negative income", { incomeCents: -5 }],
    ["income that is not a number", { incomeCents: Number.NaN }],
    ["negative additional costs", { additionalCostsCents: -1 }],
    ["costs that sum beyond the safe integers", { realisedCostsCents: Number.MAX_SAFE_INTEGER, additionalCostsCents: 1 }],
    ["committed costs that sum beyond the safe integers in a forecast", { basis: "FORECAST", realisedCostsCents: Number.MAX_SAFE_INTEGER, committedCostsCents: 1 }],
    ["an unknown basis", { basis: "ESTIMATE" as SettlementInput["basis"] }],
    ["a negative effort share", { effortShareBp: -1000, resultShareBp: 11_000 }],
    ["a fractional effort share", { effortShareBp: 6999.5, resultShareBp: 3000.5 }],
    ["shares summing to 9999", { effortShareBp: 7000, resultShareBp: 2999 }],
    ["shares summing to 10001", { effortShareBp: 7001, resultShareBp: 3000 }],
    ["shares given as percentages", { effortShareBp: 70, resultShareBp: 30 }],
    [
      "a duplicate effort commitment",
      {
        effortCommitments: [
          { number: 1, justified: true },
          { number: 1, justified: false },
        ],
      },
    ],
    [
      "a duplicate result commitment",
      {
        resultCommitments: [
          { number: 4, achieved: true },
          { number: 2, achieved: true },
          { number: 4, achieved: false },
        ],
      },
    ],
    ["a negative commitment number", { resultCommitments: [{ number: -1, achieved: true }] }],
    ["commitment number 0", { effortCommitments: [{ number: 0, justified: true }] }],
    ["a fractional commitment number", { effortCommitments: [{ number: 1.5, justified: true }] }],
    ["an unsafe commitment number", { resultCommitments: [{ number: 2 ** 53, achieved: true }] }],
    ["an achieved flag that is not a boolean", { resultCommitments: [{ number: 1, achieved: "yes" as unknown as boolean }] }],
    ["a lower-case currency", { currency: "eur" }],
    ["a currency symbol", { currency: "€" }],
  ];

  it.each(invalid)("rejects %s with a RangeError", (_, overrides) => {
    expect(() => settle(input(overrides))).toThrow(RangeError);
  });

  it("accepts the same number in the effort and the result list: they are different kinds", () => {
    const s = settle(input({ effortCommitments: [{ number: 1, justified: false }], resultCommitments: [{ number: 1, achieved: true }] }));
    expect(s.unjustifiedEffortCommitments).toEqual([1]);
    expect(s.resultPartCents).toBe(12_000_000);
  });

  it("accepts the boundaries: zero amounts and all-effort or all-result shares", () => {
    expect(settle(input({ maxAmountCents: 0, realisedCostsCents: 0 })).payableCents).toBe(0);
    expect(settle(input({ effortShareBp: 10_000, resultShareBp: 0 })).payableCents).toBe(40_000_000);
    expect(settle(input({ effortShareBp: 0, resultShareBp: 10_000 })).payableCents).toBe(24_000_000);
    const huge = settle(input({ maxAmountCents: Number.MAX_SAFE_INTEGER, realisedCostsCents: Number.MAX_SAFE_INTEGER }));
    expect(huge.effortPartCents).toBe(Number((BigInt(Number.MAX_SAFE_INTEGER) * 7000n) / 10_000n));
  });

  it("rejects negative or fractional cents and unknown locales when formatting", () => {
    expect(() => formatMoney(-1, "EUR", "en")).toThrow(RangeError);
    expect(() => formatMoney(1.5, "EUR", "en")).toThrow(RangeError);
    expect(() => formatMoney(1, "EUR", "de" as SettlementLocale)).toThrow(RangeError);
    expect(() => explain(settle(input()), input(), "de" as SettlementLocale)).toThrow(RangeError);
  });
});

describe("formatMoney", () => {
  it.each([
    [0, "EUR 0.00", "€ 0,00", "0,00 €"],
    [5, "EUR 0.05", "€ 0,05", "0,05 €"],
    [99, "EUR 0.99", "€ 0,99", "0,99 €"],
    [100, "EUR 1.00", "€ 1,00", "1,00 €"],
    [99_999, "EUR 999.99", "€ 999,99", "999,99 €"],
    [100_000, "EUR 1,000.00", "€ 1.000,00", "1 000,00 €"],
    [7_200_000, "EUR 72,000.00", "€ 72.000,00", "72 000,00 €"],
    [40_000_000, "EUR 400,000.00", "€ 400.000,00", "400 000,00 €"],
    [123_456_789, "EUR 1,234,567.89", "€ 1.234.567,89", "1 234 567,89 €"],
    [Number.MAX_SAFE_INTEGER, "EUR 90,071,992,547,409.91", "€ 90.071.992.547.409,91", "90 071 992 547 409,91 €"],
  ])("%i cents: %s / %s / %s", (cents, en, nl, fr) => {
    expect(formatMoney(cents, "EUR", "en")).toBe(en);
    expect(formatMoney(cents, "EUR", "nl")).toBe(nl);
    expect(formatMoney(cents, "EUR", "fr")).toBe(fr);
  });

  it("shows the code for a currency other than EUR", () => {
    expect(formatMoney(123_456, "USD", "en")).toBe("USD 1,234.56");
    expect(formatMoney(123_456, "USD", "nl")).toBe("USD 1.234,56");
    expect(formatMoney(123_456, "USD", "fr")).toBe("1 234,56 USD");
  });

  it("agrees with Intl (apart from its non-breaking spaces) on many amounts", () => {
    // Intl only serves as an independent oracle here; cents / 100 is exact enough below 2^43.
    const random = seededRandom(42);
    const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
    const intl = {
      en: new Intl.NumberFormat("en", { style: "currency", currency: "EUR", currencyDisplay: "code" }),
      nl: new Intl.NumberFormat("nl-BE", { style: "currency", currency: "EUR" }),
      fr: new Intl.NumberFormat("fr-BE", { style: "currency", currency: "EUR" }),
    };
    for (let i = 0; i < 2000; i++) {
      const cents = Math.floor(random() * 10 ** Math.floor(random() * 13));
      for (const locale of LOCALES) {
        expect(formatMoney(cents, "EUR", locale)).toBe(plain(intl[locale].format(cents / 100)));
      }
    }
  });

  it("formats basis points as a percentage", () => {
    expect(formatPercent(7000, "en")).toBe("70%");
    expect(formatPercent(7000, "nl")).toBe("70%");
    expect(formatPercent(7000, "fr")).toBe("70 %");
    expect(formatPercent(7050, "en")).toBe("70.5%");
    expect(formatPercent(7055, "nl")).toBe("70,55%");
    expect(formatPercent(5, "fr")).toBe("0,05 %");
    expect(formatPercent(10_000, "en")).toBe("100%");
    expect(formatPercent(0, "en")).toBe("0%");
  });
});

describe("explain", () => {
  const threeOfFive = input({
    effortCommitments: [
      { number: 9, justified: false },
      { number: 1, justified: true },
      { number: 4, justified: false },
    ],
  });
  const twoOfFive = input({ resultCommitments: results(2, 5) });
  const text = (lines: { step: string; text: string }[], step: string) => lines.find((l) => l.step === step)?.text ?? "";

  it.each([
    ["en", "EUR 72,000.00", "EUR 280,000.00", "EUR 120,000.00", "EUR 352,000.00", "EUR 400,000.00", "70%", "30%", "4 and 9"],
    ["nl", "€ 72.000,00", "€ 280.000,00", "€ 120.000,00", "€ 352.000,00", "€ 400.000,00", "70%", "30%", "4 en 9"],
    ["fr", "72 000,00 €", "280 000,00 €", "120 000,00 €", "352 000,00 €", "400 000,00 €", "70 %", "30 %", "4 et 9"],
  ] as const)("%s: one line per step, in order, with the formatted amounts", (locale, part, effort, share, payable, max, effortPct, resultPct, unjustified) => {
    const s = settle(threeOfFive);
    const lines = explain(s, threeOfFive, locale);
    expect(lines.map((l) => l.step)).toEqual([
      "EFFORT_PART",
      "UNJUSTIFIED_EFFORT",
      "RESULT_SHARE",
      "RESULT_THRESHOLD",
      "RESULT_PART",
      "REALISED_COSTS",
      "COMMITTED_COSTS",
      "OVERHEAD",
      "INCOME",
      "ELIGIBLE_COSTS",
      "CAP",
      "PAYABLE",
      "ROUNDING",
    ]);
    expect(lines.map((l) => l.amountCents)).toEqual([28_000_000, null, 12_000_000, null, 7_200_000, 40_000_000, 0, 0, 0, 40_000_000, 0, 35_200_000, null]);
    expect(text(lines, "EFFORT_PART")).toContain(effort);
    expect(text(lines, "EFFORT_PART")).toContain(effortPct);
    expect(text(lines, "EFFORT_PART")).toContain(max);
    expect(text(lines, "UNJUSTIFIED_EFFORT")).toContain(unjustified);
    expect(text(lines, "RESULT_SHARE")).toContain(share);
    expect(text(lines, "RESULT_SHARE")).toContain(resultPct);
    expect(text(lines, "RESULT_THRESHOLD")).toMatch(/\b3\b.*\b5\b/);
    expect(text(lines, "RESULT_PART")).toContain(part);
    expect(text(lines, "RESULT_PART")).toContain("3/5");
    expect(text(lines, "REALISED_COSTS")).toContain(max);
    expect(text(lines, "ELIGIBLE_COSTS")).toContain(max);
    expect(text(lines, "CAP")).toContain(payable);
    expect(text(lines, "PAYABLE")).toContain(payable);
  });

  it("states the threshold differently for 3 of 5 and 2 of 5", () => {
    const met = explain(settle(input()), input(), "en");
    const missed = explain(settle(twoOfFive), twoOfFive, "en");
    expect(text(met, "RESULT_THRESHOLD")).toBe("3 of 5 result commitments achieved: at least half, so the result share is paid pro rata.");
    expect(text(missed, "RESULT_THRESHOLD")).toBe("2 of 5 result commitments achieved: fewer than half, so no result financing.");
    expect(text(missed, "RESULT_PART")).toContain("EUR 0.00");
    for (const locale of ["nl", "fr"] as const) {
      const a = text(explain(settle(input()), input(), locale), "RESULT_THRESHOLD");
      const b = text(explain(settle(twoOfFive), twoOfFive, locale), "RESULT_THRESHOLD");
      expect(a).not.toBe(b);
      expect(a).toContain("3");
      expect(b).toContain("2");
    }
    expect(text(explain(settle(twoOfFive), twoOfFive, "nl"), "RESULT_THRESHOLD")).toBe(
      "2 van de 5 resultaatsverbintenissen behaald: minder dan de helft, dus geen resultaatsfinanciering.",
    );
    expect(text(explain(settle(input()), input(), "fr"), "RESULT_THRESHOLD")).toBe(
      "3 engagements de résultat sur 5 atteints : au moins la moitié, donc la part des résultats est versée au prorata.",
    );
  });

  it("says when all effort commitments are justified, and when there are none", () => {
    expect(text(explain(settle(input()), input(), "en"), "UNJUSTIFIED_EFFORT")).toBe("All 9 effort commitments are justified.");
    const none = input({ effortCommitments: [] });
    expect(text(explain(settle(none), none, "nl"), "UNJUSTIFIED_EFFORT")).toBe("Er zijn geen inspanningsverbintenissen te verantwoorden.");
    const one = input({ effortCommitments: [{ number: 3, justified: false }] });
    expect(text(explain(settle(one), one, "en"), "UNJUSTIFIED_EFFORT")).toMatch(/^Effort commitment 3 is not yet justified/);
  });

  it("explains the cap by the eligible costs with what it took off", () => {
    const capped = input({ resultCommitments: results(5, 5), realisedCostsCents: 30_000_000 });
    const lines = explain(settle(capped), capped, "en");
    const cap = lines.find((l) => l.step === "CAP");
    expect(cap?.amountCents).toBe(10_000_000);
    expect(cap?.text).toBe(
      "The entitlement of EUR 400,000.00 exceeds the eligible costs of EUR 300,000.00, so the payable amount is capped at the eligible costs (EUR 100,000.00 less).",
    );
    expect(text(lines, "PAYABLE")).toBe("Payable: EUR 300,000.00.");
    expect(text(explain(settle(capped), capped, "nl"), "PAYABLE")).toBe("Uit te betalen: € 300.000,00.");
    expect(text(explain(settle(capped), capped, "fr"), "PAYABLE")).toBe("Montant à payer : 300 000,00 €.");
  });

  it("explains no result commitments", () => {
    const none = input({ resultCommitments: [] });
    const lines = explain(settle(none), none, "en");
    expect(text(lines, "RESULT_THRESHOLD")).toBe("There are no result commitments, so no result financing is paid.");
    expect(text(lines, "RESULT_PART")).toBe("Result part: EUR 0.00, because there are no result commitments.");
  });

  it("says that rounding is down and how many steps dropped a fraction", () => {
    const exact = explain(settle(input()), input(), "en");
    expect(text(exact, "ROUNDING")).toContain("rounded down");
    expect(text(exact, "ROUNDING")).toContain("no step dropped a fraction of a cent");
    const odd = input({ maxAmountCents: 33_337, realisedCostsCents: 33_337, resultCommitments: results(3, 4) });
    for (const [locale, phrase] of [
      ["en", "3 steps dropped a fraction of a cent (less than one cent per step)"],
      ["nl", "bij 3 stappen viel een fractie van een cent weg (minder dan één cent per stap)"],
      ["fr", "3 étapes ont écarté une fraction de cent (moins d'un cent par étape)"],
    ] as const) {
      expect(text(explain(settle(odd), odd, locale), "ROUNDING")).toContain(phrase);
    }
  });

  it("refuses to explain a settlement with another input's facts", () => {
    const s = settle(input());
    expect(() => explain(s, twoOfFive, "en")).toThrow(RangeError);
    expect(() => explain({ ...s, payableCents: s.payableCents + 1 }, input(), "en")).toThrow(RangeError);
    expect(() => explain({ ...s, unjustifiedEffortCommitments: [1] }, input(), "en")).toThrow(RangeError);
    expect(() => explain(s, input({ basis: "FORECAST" }), "en")).toThrow(RangeError);
    expect(() => explain(s, input({ incomeCents: 1 }), "en")).toThrow(RangeError);
    expect(() => explain({ ...s, overheadCountedCents: 1 }, input(), "en")).toThrow(RangeError);
  });
});

describe("the real cost", () => {
  const text = (lines: { step: string; text: string }[], step: string) => lines.find((l) => l.step === step)?.text ?? "";
  // The addendum as recorded today: no result commitment met yet, so the entitlement is the effort part.
  const approvedNotPaid = input({ resultCommitments: results(0, 5), realisedCostsCents: 0, committedCostsCents: 40_000_000 });

  it("400,000 approved and 0 paid: the final settlement pays nothing, the forecast 280,000", () => {
    const final = settle(approvedNotPaid);
    expect(final).toMatchObject({ basis: "FINAL", realisedCostsCents: 0, committedCostsCents: 40_000_000, costsCountedCents: 0, eligibleCostsCents: 0 });
    expect(final.payableCents).toBe(0);
    expect(final.cappedBy).toBe("ELIGIBLE_COSTS");
    const forecast = settle({ ...approvedNotPaid, basis: "FORECAST" });
    expect(forecast).toMatchObject({ basis: "FORECAST", costsCountedCents: 40_000_000, eligibleCostsCents: 40_000_000, entitlementCents: 28_000_000 });
    expect(forecast.payableCents).toBe(28_000_000);
  });

  it("400,000 paid and 50,000 of co-financing payments: 350,000 eligible, deducted before the cap", () => {
    const s = settle(input({ resultCommitments: results(5, 5), incomeCents: 5_000_000 }));
    expect(s.entitlementCents).toBe(40_000_000);
    expect(s.eligibleCostsCents).toBe(35_000_000);
    expect(s.payableCents).toBe(35_000_000);
    expect(s.cappedBy).toBe("ELIGIBLE_COSTS");
    const lines = explain(s, input({ resultCommitments: results(5, 5), incomeCents: 5_000_000 }), "en");
    expect(lines.find((l) => l.step === "INCOME")?.amountCents).toBe(5_000_000);
    expect(text(lines, "ELIGIBLE_COSTS")).toBe(
      "Eligible costs: EUR 400,000.00 realised + EUR 0.00 overhead - EUR 50,000.00 income = EUR 350,000.00; the beneficiary pursues no profit and brings in only the real cost (state-aid rules).",
    );
    expect(lines.findIndex((l) => l.step === "INCOME")).toBeLessThan(lines.findIndex((l) => l.step === "CAP"));
  });

  it("income above the costs leaves no eligible costs, never a negative amount", () => {
    const given = input({ realisedCostsCents: 1_000, incomeCents: 5_000 });
    const s = settle(given);
    expect(s.eligibleCostsCents).toBe(0);
    expect(s.payableCents).toBe(0);
    expect(text(explain(s, given, "en"), "ELIGIBLE_COSTS")).toContain("is below zero, so EUR 0.00");
    expect(text(explain(s, given, "nl"), "ELIGIBLE_COSTS")).toContain("is minder dan nul, dus € 0,00");
    expect(text(explain(s, given, "fr"), "ELIGIBLE_COSTS")).toContain("est inférieur à zéro, donc 0,00 €");
  });

  it("counts overhead only within a ceiling, and none while no ceiling is set", () => {
    expect(countedOverhead(500_000, null)).toBe(0);
    expect(countedOverhead(500_000, 0)).toBe(0);
    expect(countedOverhead(500_000, 800_000)).toBe(500_000);
    expect(countedOverhead(500_000, 300_000)).toBe(300_000);
    expect(countedOverhead(-10, 300_000)).toBe(0);

    const none = input({ realisedCostsCents: 1_000_000, overheadRecordedCents: 500_000 });
    expect(settle(none)).toMatchObject({ overheadCountedCents: 0, eligibleCostsCents: 1_000_000 });
    const noneLines = explain(settle(none), none, "en");
    expect(text(noneLines, "OVERHEAD")).toBe(
      "Overhead of the consultants: EUR 5,000.00 recorded within the period; the agreement sets no ceiling on overhead yet, so none counts (EUR 0.00).",
    );
    expect(text(explain(settle(none), none, "nl"), "OVERHEAD")).toContain("nog geen plafond");
    expect(text(explain(settle(none), none, "fr"), "OVERHEAD")).toContain("pas encore de plafond");

    const within = input({ realisedCostsCents: 1_000_000, overheadRecordedCents: 500_000, overheadCeilingCents: 800_000 });
    expect(settle(within)).toMatchObject({ overheadCountedCents: 500_000, eligibleCostsCents: 1_500_000 });
    expect(text(explain(settle(within), within, "en"), "OVERHEAD")).toContain("within the ceiling of EUR 8,000.00: EUR 5,000.00 counts");

    const above = input({ realisedCostsCents: 1_000_000, overheadRecordedCents: 500_000, overheadCeilingCents: 300_000 });
    expect(settle(above)).toMatchObject({ overheadCountedCents: 300_000, eligibleCostsCents: 1_300_000 });
    const aboveLines = explain(settle(above), above, "nl");
    expect(aboveLines.find((l) => l.step === "OVERHEAD")?.amountCents).toBe(300_000);
    expect(text(aboveLines, "OVERHEAD")).toContain("boven het plafond van € 3.000,00: slechts € 3.000,00 telt mee");
  });

  it("shows committed costs in a final settlement without counting them, and counts them in a forecast", () => {
    const given = input({ realisedCostsCents: 10_000_000, committedCostsCents: 2_500_000 });
    const final = explain(settle(given), given, "en");
    expect(final.find((l) => l.step === "COMMITTED_COSTS")?.amountCents).toBe(2_500_000);
    expect(text(final, "COMMITTED_COSTS")).toBe(
      "Committed costs: EUR 25,000.00 in approved but unpaid invoices; shown, but not counted in the final settlement until they are paid.",
    );
    expect(text(final, "ELIGIBLE_COSTS")).not.toContain("committed");
    const forecastInput = { ...given, basis: "FORECAST" as const };
    const forecast = explain(settle(forecastInput), forecastInput, "en");
    expect(text(forecast, "COMMITTED_COSTS")).toContain("counted in this forecast as if they were paid");
    expect(text(forecast, "ELIGIBLE_COSTS")).toContain("EUR 100,000.00 realised + EUR 25,000.00 committed + EUR 0.00 overhead - EUR 0.00 income = EUR 125,000.00");
    expect(text(explain(settle(given), given, "nl"), "COMMITTED_COSTS")).toContain("pas meegeteld wanneer ze betaald zijn");
    expect(text(explain(settle(forecastInput), forecastInput, "nl"), "COMMITTED_COSTS")).toContain("in deze prognose meegeteld");
    expect(text(explain(settle(given), given, "fr"), "COMMITTED_COSTS")).toContain("seulement une fois payés");
    expect(text(explain(settle(forecastInput), forecastInput, "fr"), "COMMITTED_COSTS")).toContain("comptés dans cette prévision");
  });

  it("quotes the source on real cost in Dutch, and says it in French and English", () => {
    const given = input({ incomeCents: 5_000_000 });
    const nl = explain(settle(given), given, "nl");
    expect(text(nl, "INCOME")).toContain("de financiële opbrengst van het project is enkel een compensatie voor de werkelijke meerkost");
    expect(text(nl, "ELIGIBLE_COSTS")).toContain("streeft geen winst na en brengt alleen de reële kost in");
    expect(text(nl, "REALISED_COSTS")).toBe(
      "Gerealiseerde kosten: € 400.000,00 aan betaalde facturen van derden voor diensten binnen de periode; een kost telt zodra hij betaald is.",
    );
    expect(text(explain(settle(given), given, "fr"), "INCOME")).toContain("ne font que compenser le surcoût réel");
    expect(text(explain(settle(given), given, "en"), "INCOME")).toContain("only compensate its real extra cost");
  });

  it("adds a scenario's additional costs before the income, and says so", () => {
    const given = input({ realisedCostsCents: 1_000_000, additionalCostsCents: 500_000, incomeCents: 200_000 });
    const s = settle(given);
    expect(s).toMatchObject({ additionalCostsCents: 500_000, costsCountedCents: 1_500_000, eligibleCostsCents: 1_300_000 });
    expect(text(explain(s, given, "en"), "ELIGIBLE_COSTS")).toContain("+ EUR 5,000.00 additional (scenario) - EUR 2,000.00 income = EUR 13,000.00");
  });

  it("never pays more than the costs counted less the income, nor the maximum (property)", () => {
    const cents = fc.integer({ min: 0, max: 2 ** 50 });
    fc.assert(
      fc.property(
        fc.record({
          basis: fc.constantFrom("FINAL" as const, "FORECAST" as const),
          maxAmountCents: cents,
          effortShareBp: fc.integer({ min: 0, max: 10_000 }),
          achieved: fc.integer({ min: 0, max: 6 }),
          total: fc.integer({ min: 0, max: 6 }),
          realisedCostsCents: cents,
          committedCostsCents: cents,
          overheadRecordedCents: cents,
          overheadCeilingCents: fc.option(cents, { nil: null }),
          incomeCents: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
          additionalCostsCents: cents,
        }),
        ({ achieved, total, effortShareBp, ...rest }) => {
          const given: SettlementInput = {
            ...rest,
            currency: "EUR",
            effortShareBp,
            resultShareBp: 10_000 - effortShareBp,
            effortCommitments: [],
            resultCommitments: results(Math.min(achieved, total), total),
          };
          const s = settle(given);
          const overhead = given.overheadCeilingCents === null ? 0n : BigInt(Math.min(given.overheadRecordedCents, given.overheadCeilingCents));
          const costs =
            BigInt(given.realisedCostsCents) + (given.basis === "FORECAST" ? BigInt(given.committedCostsCents) : 0n) + overhead + BigInt(given.additionalCostsCents ?? 0);
          const real = costs - BigInt(given.incomeCents);
          expect(BigInt(s.payableCents) <= (real > 0n ? real : 0n)).toBe(true);
          expect(s.payableCents).toBeLessThanOrEqual(given.maxAmountCents);
          expect(s.payableCents).toBeGreaterThanOrEqual(0);
          // A final settlement never counts what is not paid: raising committed costs changes nothing.
          if (given.basis === "FINAL") expect(settle({ ...given, committedCostsCents: given.committedCostsCents + 1 }).payableCents).toBe(s.payableCents);
          // More income never pays more.
          expect(settle({ ...given, incomeCents: Math.min(given.incomeCents + 1, Number.MAX_SAFE_INTEGER) }).payableCents).toBeLessThanOrEqual(s.payableCents);
        },
      ),
      { seed: 20230701, numRuns: 2000 },
    );
  });
});
