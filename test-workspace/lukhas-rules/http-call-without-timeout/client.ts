export async function health(base: string): Promise<boolean> {
  const response = await fetch(`${base}/health`); // expect: http-call-without-timeout
  return response.ok;
}

export async function chat(base: string, prompt: string): Promise<string> {
  const response = await fetch(`${base}/v1/chat`, { // expect: http-call-without-timeout, unguarded-model-call
    method: "POST",
    body: JSON.stringify({ prompt }),
  });
  const guarded = await fetch(`${base}/v1/chat`, { method: "POST", signal: AbortSignal.timeout(5_000) }); // expect: unguarded-model-call
  const configured = await fetch(`${base}/v1/chat`, options); // expect: unguarded-model-call
  // fetch(`${base}/health`)
  return (await response.json()).answer + guarded.status + configured.status;
}

const options = { signal: AbortSignal.timeout(5_000) };

function local(fetch: (url: string) => Promise<Response>) {
  return fetch("/health");
}
