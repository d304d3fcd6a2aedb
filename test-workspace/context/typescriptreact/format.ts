/** Formats an amount of money with two decimals and the currency code after it. */
export function formatPrice(amount: number, currency: string): string {
  return `${amount.toFixed(2)} ${currency}`;
}
