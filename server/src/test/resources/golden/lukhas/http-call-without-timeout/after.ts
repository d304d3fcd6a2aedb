export async function health(base: string): Promise<boolean> {
  const response = await fetch(`${base}/health`, { signal: AbortSignal.timeout(10_000) });
  return response.ok;
}

export async function chat(base: string, prompt: string): Promise<string> {
  const response = await fetch(`${base}/v1/chat`, { signal: AbortSignal.timeout(10_000),
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ prompt }),
  });
  return (await response.json()).answer;
}
