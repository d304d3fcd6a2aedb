import { formatPrice } from "./format";

interface PriceTagProps {
  amount: number;
  currency: string;
}

/** Shows a price in its currency. */
export function PriceTag({ amount, currency }: PriceTagProps) {
  return <span className="price-tag">{formatPrice(amount, currency)}</span>;
}
