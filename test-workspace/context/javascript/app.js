import { scaleVector } from "./geometry.js";

export function enlarge(points, factor) {
  return points.map((point) => scaleVector(