import { scaleVector } from "./geometry";

export function enlarge(points: number[][], factor: number): number[][] {
  return points.map((point) => scaleVector(