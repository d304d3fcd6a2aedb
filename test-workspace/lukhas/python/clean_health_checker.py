"""Health checks for the LUKHAS model endpoints, sharing one session."""
import asyncio
import logging
import time

import aiohttp

logger = logging.getLogger(__name__)


class HealthChecker:
    def __init__(self, session: aiohttp.ClientSession, endpoints: list[str], interval: float = 10.0):
        self.session = session
        self.endpoints = endpoints
        self.interval = interval
        self.status = {}
        self.checked_at = time.time()

    async def check_endpoint(self, url: str) -> bool:
        timeout = aiohttp.ClientTimeout(total=5)
        async with self.session.get(f"{url}/api/tags", timeout=timeout) as response:
            return response.status == 200

    async def check_all(self) -> dict:
        tasks = [self.check_endpoint(url) for url in self.endpoints]
        results = await asyncio.gather(*tasks, return_exceptions=True)
        self.status = {url: result is True for url, result in zip(self.endpoints, results)}
        return self.status

    async def run(self) -> None:
        while True:
            try:
                await self.check_all()
            except Exception as e:
                logger.exception("Health check failed: %s", e)
            await asyncio.sleep(self.interval)
