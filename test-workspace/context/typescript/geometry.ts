/** Multiplies each component of the vector by the factor. */
export function scaleVector(vector: number[], factor: number): number[] {
  return vector.map((component) => component * factor);
}
