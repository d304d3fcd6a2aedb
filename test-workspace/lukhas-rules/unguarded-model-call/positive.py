import aiohttp
import ollama
from openai import AsyncOpenAI

OLLAMA_URL = "http://gateway.internal:11434"


class Gateway:
    def __init__(self, model):
        self.model = model
        self.client = AsyncOpenAI()
        self.session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))

    async def _call_model(self, request):
        async with self.session.post(f"{OLLAMA_URL}/api/chat", json=request) as response:
            return await response.json()

    async def generate(self, request):
        return await self._call_model(request)  # expect: unguarded-model-call

    async def process(self, request):
        return await self.model.process(request)  # expect: unguarded-model-call

    async def complete(self, messages):
        return await self.client.chat.completions.create(model="gpt-oss:20b", messages=messages)  # expect: unguarded-model-call


def quick(prompt):
    return ollama.chat(model="gpt-oss:20b", messages=[{"role": "user", "content": prompt}])  # expect: unguarded-model-call


async def handle(model, request):
    return await model.process(request)  # expect: unguarded-model-call
