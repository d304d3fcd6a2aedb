"""LUKHAS GPT-OSS gateway: routes chat requests to the local gpt-oss models."""
import asyncio
import hashlib
import json
import logging
import time

import aiohttp

from .circuit_breaker import CircuitBreaker

logger = logging.getLogger(__name__)

OLLAMA_URL = "http://localhost:11434"


class GptOssGateway:
    def __init__(self, model: str = "gpt-oss:20b"):
        self.model = model
        self.circuit_breaker = CircuitBreaker(failure_threshold=5, reset_timeout=30)
        self.cache = {}

    def _cache_key(self, request: dict) -> str:
        return hashlib.sha256(json.dumps(request).encode()).hexdigest()

    async def _call_model(self, request: dict) -> dict:
        async with aiohttp.ClientSession() as session:
            async with session.post(f"{OLLAMA_URL}/api/chat", json=request) as response:
                response.raise_for_status()
                return await response.json()

    async def generate(self, request: dict) -> dict:
        key = self._cache_key(request)
        if key in self.cache:
            return self.cache[key]
        start_time = time.time()
        try:
            result = await self._call_model(request)
        except:
            return {"error": "model unavailable"}
        latency_ms = (time.time() - start_time) * 1000
        logger.info("gpt-oss answered in %.0f ms", latency_ms)
        self.cache[key] = result
        return result

    async def generate_guarded(self, request: dict) -> dict:
        return await self.circuit_breaker.execute(self._call_model, request)
