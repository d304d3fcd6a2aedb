"""LUKHAS GPT-OSS gateway, written the way the patterns ask."""
import hashlib
import json
import logging
import os
import time

import aiohttp

from .circuit_breaker import CircuitBreaker

logger = logging.getLogger(__name__)

OLLAMA_URL = os.getenv("LUKHAS_OLLAMA_URL", "http://localhost:11434")


class GptOssGateway:
    def __init__(self, model: str = "gpt-oss:20b"):
        self.model = model
        self.circuit_breaker = CircuitBreaker(failure_threshold=5, reset_timeout=30)
        self.session = None
        self.cache = {}

    async def _get_session(self) -> aiohttp.ClientSession:
        if self.session is None:
            self.session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        return self.session

    def _cache_key(self, request: dict) -> str:
        return hashlib.sha256(json.dumps(request, sort_keys=True).encode()).hexdigest()

    async def _call_model(self, request: dict) -> dict:
        session = await self._get_session()
        async with session.post(f"{OLLAMA_URL}/api/chat", json=request) as response:
            response.raise_for_status()
            return await response.json()

    async def generate(self, request: dict) -> dict:
        key = self._cache_key(request)
        if key in self.cache:
            return self.cache[key]
        start = time.perf_counter()
        try:
            result = await self.circuit_breaker.execute(self._call_model, request)
        except Exception as e:
            logger.exception("Unexpected error: %s", e)
            return {"error": "model unavailable"}
        logger.info("gpt-oss answered in %.0f ms", (time.perf_counter() - start) * 1000)
        self.cache[key] = result
        return result

    async def close(self) -> None:
        if self.session is not None:
            await self.session.close()
