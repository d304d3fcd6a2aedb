import asyncio
import time

import httpx
import requests


def backoff(attempt):
    time.sleep(2 ** attempt)
    return requests.get("http://example.test", timeout=5)


async def wait_properly():
    await asyncio.sleep(1)
    async with httpx.AsyncClient() as client:  # expect: client-session-per-call
        await client.get("http://example.test")
    cache = {}
    cache.get("key")


class Foo:
    def open(self):
        return self


async def not_a_file():
    Foo().open()
