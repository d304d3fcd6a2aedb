"""Health checks for the LUKHAS model endpoints."""
import asyncio
import logging
import time

import aiohttp
import requests

logger = logging.getLogger(__name__)


class HealthChecker:
    def __init__(self, endpoints: list[str], interval: float = 10.0):
        self.endpoints = endpoints
        self.interval = interval
        self.status = {}

    async def check_endpoint(self, url: str) -> bool:
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{url}/api/tags") as response:
                return response.status == 200

    async def check_all(self) -> dict:
        tasks = [self.check_endpoint(url) for url in self.endpoints]
        results = await asyncio.gather(*tasks)
        self.status = dict(zip(self.endpoints, results))
        return self.status

    async def wait_for_model(self, url: str, model: str) -> None:
        while True:
            tags = requests.get(f"{url}/api/tags").json()
            if any(m["name"] == model for m in tags["models"]):
                return
            time.sleep(2)

    async def run(self) -> None:
        while True:
            try:
                await self.check_all()
            except Exception:
                pass
            await asyncio.sleep(self.interval)
