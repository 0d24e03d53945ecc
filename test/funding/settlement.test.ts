// The settlement of the addendum "investeren in talent" (articles 1-2): the worked examples,
// the half threshold, rounding down, the caps, properties over generated inputs, validation,
// money formatting and the explanation in nl, fr and en.
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../db/seed/sector.js";
import {
  bindingCap,
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
    maxAmountCents: 40_000_000,
    currency: "EUR",
    effortShareBp: 7000,
    resultShareBp: 3000,
    effortCommitments: Array.from({ length: 9 }, (_, i) => ({ number: i + 1, justified: true })),
    resultCommitments: results(3, 5),
    eligibleCostsCents: 40_000_000,
    ...overrides,
  };
}

describe("worked examples of the addendum", () => {
  it("3 of 5 result commitments achieved, costs not binding: EUR 352,000", () => {
    expect(settle(input())).toEqual({
      currency: "EUR",
      maxAmountCents: 40_000_000,
      effortPartCents: 28_000_000,
      resultShareCents: 12_000_000,
      resultPartCents: 7_200_000,
      achievedResultCommitments: 3,
      totalResultCommitments: 5,
      unjustifiedEffortCommitments: [],
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
    const s = settle(input({ resultCommitments: results(5, 5), eligibleCostsCents: 30_000_000 }));
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
    const s = settle(input({ eligibleCostsCents: 35_200_000 }));
    expect(s.payableCents).toBe(35_200_000);
    expect(s.cappedBy).toBe("NONE");
  });

  it("no eligible costs, nothing payable", () => {
    const s = settle(input({ eligibleCostsCents: 0 }));
    expect(s.payableCents).toBe(0);
    expect(s.cappedBy).toBe("ELIGIBLE_COSTS");
  });
});

describe("rounding down to the cent", () => {
  it("max 100,001 cents: 70000.7 → 70,000 and 30000.3 → 30,000, together below the maximum", () => {
    const s = settle(input({ maxAmountCents: 100_001, eligibleCostsCents: 100_001, resultCommitments: results(2, 3) }));
    expect(s.effortPartCents).toBe(70_000);
    expect(s.resultShareCents).toBe(30_000);
    expect(s.effortPartCents + s.resultShareCents).toBe(100_000);
    expect(s.resultPartCents).toBe(20_000); // 30,000 x 2/3
    expect(roundedSteps(input({ maxAmountCents: 100_001, resultCommitments: results(2, 3) }))).toEqual(["EFFORT_PART", "RESULT_SHARE"]);
  });

  it("result share 10,001 with 3 of 4 achieved: floor(7500.75) = 7,500", () => {
    // 33,337 x 30% = 10,001.1, so the result share is 10,001.
    const given = input({ maxAmountCents: 33_337, eligibleCostsCents: 33_337, resultCommitments: results(3, 4) });
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
    const s = settle(input({ maxAmountCents: 100_001, eligibleCostsCents: 100_001, resultCommitments: results(achieved, total) }));
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
  const eligibleCostsCents = [0, maxAmountCents, int(Math.min(maxAmountCents, 2 ** 40) + 1), Number.MAX_SAFE_INTEGER][int(4)] ?? 0;
  return {
    maxAmountCents,
    currency: "EUR",
    effortShareBp,
    resultShareBp: 10_000 - effortShareBp,
    effortCommitments: shuffledNumbers(int(10)).map((number) => ({ number, justified: random() < 0.7 })),
    resultCommitments: shuffledNumbers(int(9)).map((number) => ({ number, achieved: random() < 0.5 })),
    eligibleCostsCents,
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
        s.eligibleCostsCents,
        s.entitlementCents,
        s.payableCents,
        s.achievedResultCommitments,
        s.totalResultCommitments,
      ]) {
        expect(Number.isSafeInteger(value) && value >= 0, context).toBe(true);
      }
      expect(s.payableCents, context).toBeLessThanOrEqual(s.eligibleCostsCents);
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
    ["negative eligible costs", { eligibleCostsCents: -100 }],
    ["fractional eligible costs", { eligibleCostsCents: 0.01 }],
    ["unsafe eligible costs", { eligibleCostsCents: Number.MAX_SAFE_INTEGER + 2 }],
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
    expect(settle(input({ maxAmountCents: 0, eligibleCostsCents: 0 })).payableCents).toBe(0);
    expect(settle(input({ effortShareBp: 10_000, resultShareBp: 0 })).payableCents).toBe(40_000_000);
    expect(settle(input({ effortShareBp: 0, resultShareBp: 10_000 })).payableCents).toBe(24_000_000);
    const huge = settle(input({ maxAmountCents: Number.MAX_SAFE_INTEGER, eligibleCostsCents: Number.MAX_SAFE_INTEGER }));
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
      "ELIGIBLE_COSTS",
      "CAP",
      "PAYABLE",
      "ROUNDING",
    ]);
    expect(lines.map((l) => l.amountCents)).toEqual([28_000_000, null, 12_000_000, null, 7_200_000, 40_000_000, 0, 35_200_000, null]);
    expect(text(lines, "EFFORT_PART")).toContain(effort);
    expect(text(lines, "EFFORT_PART")).toContain(effortPct);
    expect(text(lines, "EFFORT_PART")).toContain(max);
    expect(text(lines, "UNJUSTIFIED_EFFORT")).toContain(unjustified);
    expect(text(lines, "RESULT_SHARE")).toContain(share);
    expect(text(lines, "RESULT_SHARE")).toContain(resultPct);
    expect(text(lines, "RESULT_THRESHOLD")).toMatch(/\b3\b.*\b5\b/);
    expect(text(lines, "RESULT_PART")).toContain(part);
    expect(text(lines, "RESULT_PART")).toContain("3/5");
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
    const capped = input({ resultCommitments: results(5, 5), eligibleCostsCents: 30_000_000 });
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
    const odd = input({ maxAmountCents: 33_337, eligibleCostsCents: 33_337, resultCommitments: results(3, 4) });
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
  });
});
