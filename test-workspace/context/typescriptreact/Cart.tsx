import { PriceTag } from "./PriceTag";

export function Cart({ items }: { items: { name: string; price: number }[] }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item.name}>
          {item.name} <PriceTag 