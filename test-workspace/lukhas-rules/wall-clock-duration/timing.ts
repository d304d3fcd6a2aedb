export async function timed<T>(call: () => Promise<T>): Promise<number> {
  const startedAt = Date.now(); // expect: wall-clock-duration
  await call();
  const stamp = { at: Date.now() };
  console.log(stamp, "Date.now() - startedAt");
  return Date.now() - startedAt; // expect: wall-clock-duration
}
