export async function timed<T>(call: () => Promise<T>): Promise<[T, number]> {
  const startedAt = performance.now();
  const result = await call();
  return [result, performance.now() - startedAt];
}
