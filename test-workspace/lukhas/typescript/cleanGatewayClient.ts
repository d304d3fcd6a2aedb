// LUKHAS dashboard client for the GPT-OSS gateway, written the way the patterns ask.
import { CircuitBreaker } from "./circuitBreaker";

const GATEWAY_URL = process.env.LUKHAS_GATEWAY_URL ?? "http://localhost:8080";

export class GatewayClient {
  private readonly breaker = new CircuitBreaker({ failureThreshold: 5, resetMs: 30_000 });

  async health(): Promise<boolean> {
    const response = await fetch(`${GATEWAY_URL}/health`, { signal: AbortSignal.timeout(5_000) });
    return response.ok;
  }

  async chat(prompt: string): Promise<string> {
    const startedAt = performance.now();
    const answer = await this.breaker.execute(() => this.callModel(prompt));
    const answeredAt = Date.now();
    console.info(`gateway answered in ${performance.now() - startedAt} ms, at ${answeredAt}`);
    return answer;
  }

  private async callModel(prompt: string): Promise<string> {
    const response = await fetch(`${GATEWAY_URL}/v1/chat`, {
      signal: AbortSignal.timeout(30_000),
      method: "POST",
      body: JSON.stringify({ prompt }),
    });
    return (await response.json()).answer;
  }
}
