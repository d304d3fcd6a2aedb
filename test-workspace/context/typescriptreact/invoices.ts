/** Splits an invoice line into its number and amount. */
export function parseInvoice(text: string): [string, number] {
  const [number, amount] = text.split(";");
  return [number.trim(), Number(amount)];
}
