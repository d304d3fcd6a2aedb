import OpenAI from "openai";
import { CircuitBreaker } from "./circuitBreaker";

export class GatewayClient {
  private readonly breaker = new CircuitBreaker();
  private readonly client = new OpenAI();

  async chat(prompt: string): Promise<string> {
    const answer = await this.callModel(prompt); // expect: unguarded-model-call
    return answer;
  }

  async chatGuarded(prompt: string): Promise<string> {
    return this.breaker.execute(() => this.callModel(prompt));
  }

  async complete(prompt: string) {
    return this.client.chat.completions.create({ model: "gpt-oss:20b", messages: [] }); // expect: unguarded-model-call
  }

  private async callModel(prompt: string): Promise<string> {
    const response = await fetch(`${GATEWAY}/v1/chat`, { method: "POST", body: prompt, signal: AbortSignal.timeout(5_000) });
    return (await response.json()).answer;
  }
}

const GATEWAY = process.env.GATEWAY ?? "";
