import asyncio
import time


async def wait_until_ready(endpoint):
    while not await endpoint.ready():
        time.sleep(0.5)


def backoff(attempt):
    time.sleep(2 ** attempt)
