/** Multiplies each component of the vector by the factor. */
export function scaleVector(vector, factor) {
  return vector.map((component) => component * factor);
}
