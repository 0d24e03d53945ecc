// Money as the API shows it: integer cents with their currency.
export const money = (cents: number, currency = "EUR") => ({ cents, currency });
