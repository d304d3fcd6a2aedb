import aiohttp
from openai import AsyncOpenAI

OLLAMA_URL = "http://gateway.internal:11434"


class Gateway:
    def __init__(self, breaker, model: str = "gpt-oss:20b"):
        self.circuit_breaker = breaker
        self.model = model
        self.client = AsyncOpenAI()
        self.session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))

    async def _call_model(self, request):
        async with self.session.post(f"{OLLAMA_URL}/api/chat", json=request) as response:
            return await response.json()

    async def generate(self, request):
        return await self.circuit_breaker.execute(self._call_model, request)

    async def complete(self, messages):
        return await self.circuit_breaker.execute(
            lambda: self.client.chat.completions.create(model=self.model, messages=messages)
        )

    async def tags(self):
        async with self.session.get(f"{OLLAMA_URL}/api/tags") as response:
            return await response.json()

    def name(self):
        return self.model.upper()

    async def guarded_block(self, messages):
        async with self.circuit_breaker:
            return await self.client.chat.completions.create(model=self.model, messages=messages)
