// Dates as every module takes them: ISO calendar dates, judged in Europe/Brussels.
import { z } from "zod";

/**
 * The dates the API accepts, inclusive. Every layer a date passes through reads dates in this
 * range the same way, and no record of these programmes falls outside it:
 * - PostgreSQL has no year 0 ("0000-01-01" is an error, not a date) and counts years before 1
 *   differently from ISO 8601; JavaScript's Date.UTC reads years 0-99 as 1900-1999;
 * - the funder opens the CSV report in a spreadsheet, whose date system starts at 1900-01-01;
 * - Europe/Brussels keeps a standard time only since 1892 (local mean time before), so "a day in
 *   Brussels" that early is not the day the rest of the API means;
 * - a year past 2199 is a typo (2923 for 2023), not a deadline of a three-year agreement.
 */
export const MIN_DATE = "1900-01-01";
export const MAX_DATE = "2199-12-31";

/** An ISO calendar date (YYYY-MM-DD, a day that exists) from MIN_DATE to MAX_DATE. */
export const localDate = z.iso
  .date({ message: "must be a date as YYYY-MM-DD", abort: true })
  // Same-length ISO dates compare as strings in calendar order.
  .refine((d) => d >= MIN_DATE && d <= MAX_DATE, `must be a date from ${MIN_DATE} to ${MAX_DATE}`);

/** The name the modules import. */
export const isoDate = localDate;
