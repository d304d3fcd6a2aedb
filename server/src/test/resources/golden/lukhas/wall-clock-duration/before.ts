export async function timed<T>(call: () => Promise<T>): Promise<[T, number]> {
  const startedAt = Date.now();
  const result = await call();
  return [result, Date.now() - startedAt];
}
