// LUKHAS dashboard client for the GPT-OSS gateway.
import { CircuitBreaker } from "./circuitBreaker";

const GATEWAY_URL = "http://localhost:8080";

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
}

export class GatewayClient {
  private readonly breaker = new CircuitBreaker({ failureThreshold: 5, resetMs: 30_000 });

  async health(): Promise<boolean> {
    const response = await fetch(`${GATEWAY_URL}/health`);
    return response.ok;
  }

  async chat(request: ChatRequest): Promise<string> {
    const startedAt = Date.now();
    const answer = await this.callModel(request);
    const elapsedMs = Date.now() - startedAt;
    console.info(`gateway answered in ${elapsedMs} ms`);
    return answer;
  }

  async chatGuarded(request: ChatRequest): Promise<string> {
    return this.breaker.execute(() => this.callModel(request));
  }

  private async callModel(request: ChatRequest): Promise<string> {
    const response = await fetch(`${GATEWAY_URL}/v1/chat`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(request),
    });
    const body = await response.json();
    return body.answer;
  }
}
