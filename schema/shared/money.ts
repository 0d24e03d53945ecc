// Money and rates as every module handles them: integer cents with an ISO 4217 currency, and
// basis points. Formatting is built from the integer cents with string operations: dividing by
// 100 would bring floating point back in, and Intl's spacing characters differ between ICU
// versions. Spaces are plain ASCII spaces so the texts match the documented forms exactly.
import { z } from "zod";

export type MoneyLocale = "nl" | "fr" | "en";

export interface Money {
  cents: number;
  currency: string;
}

/** Money as the API shows it. */
export const money = (cents: number, currency = "EUR"): Money => ({ cents, currency });

/**
 * EUR 10 million: far above any single amount of these programmes, far below where sums lose
 * precision (a sum of a million such amounts is still a safe integer). Every amount a client
 * sends is bounded by it, so no sum the API computes can leave the safe integers.
 */
export const MAX_SINGLE_AMOUNT_CENTS = 1_000_000_000;

const cents = z.number().int("must be a whole number of cents").max(MAX_SINGLE_AMOUNT_CENTS, "must be at most EUR 10,000,000.00");

// toUpperCase first, so "eur" is EUR; a code is three ASCII letters, nothing else.
const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "must be a three-letter ISO 4217 code")
  .default("EUR");

/** A MoneyInput: a positive whole number of cents up to the single-amount maximum. */
export const moneyInput = z.object({
  cents: cents.positive("must be more than zero"),
  currency,
});

/** A MoneyInput that may be zero, such as a scenario's additional costs: up to the single-amount maximum too. */
export const nonNegativeMoneyInput = z.object({
  cents: cents.min(0, "must not be negative"),
  currency,
});

/** Cents as a plain decimal ("72000.00"), for files such as CSV reports. */
export function centsToDecimal(cents: number): string {
  const negative = cents < 0;
  const digits = String(Math.abs(cents)).padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export function amount(field: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${field} must be a non-negative safe integer, got ${String(value)}`);
  }
}

export function currencyCode(currency: string): void {
  if (typeof currency !== "string" || !/^[A-Z]{3}$/.test(currency)) {
    throw new RangeError(`currency must be an ISO 4217 code such as "EUR", got ${JSON.stringify(currency)}`);
  }
}

/** en "EUR 72,000.00", nl "€ 72.000,00", fr "72 000,00 €"; a currency other than EUR shows its code. */
export function formatMoney(cents: number, currency: string, locale: MoneyLocale): string {
  amount("cents", cents);
  currencyCode(currency);
  supported(locale);
  const digits = String(cents).padStart(3, "0");
  const whole = digits.slice(0, -2);
  const fraction = digits.slice(-2);
  const symbol = currency === "EUR" && locale !== "en" ? "€" : currency;
  switch (locale) {
    case "en":
      return `${symbol} ${group(whole, ",")}.${fraction}`;
    case "nl":
      return `${symbol} ${group(whole, ".")},${fraction}`;
    case "fr":
      return `${group(whole, " ")},${fraction} ${symbol}`;
  }
}

function group(whole: string, separator: string): string {
  const firstGroup = whole.length % 3 || 3;
  const groups = [whole.slice(0, firstGroup)];
  for (let i = firstGroup; i < whole.length; i += 3) groups.push(whole.slice(i, i + 3));
  return groups.join(separator);
}

/** Basis points as a percentage: 7000 → "70%" (fr "70 %"), 7050 → "70.5%" / "70,5%". */
export function formatPercent(bp: number, locale: MoneyLocale): string {
  amount("basis points", bp);
  supported(locale);
  const whole = String((bp - (bp % 100)) / 100);
  const fraction = String(bp % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  const number = fraction ? `${whole}${locale === "en" ? "." : ","}${fraction}` : whole;
  return locale === "fr" ? `${number} %` : `${number}%`;
}

// Callers outside TypeScript (a GraphQL argument, a header) could pass anything.
export function supported(locale: string): asserts locale is MoneyLocale {
  if (locale !== "nl" && locale !== "fr" && locale !== "en") {
    throw new RangeError(`locale must be nl, fr or en, got ${JSON.stringify(locale)}`);
  }
}
