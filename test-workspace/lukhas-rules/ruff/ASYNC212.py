from typing import Optional

import httpx

SHARED = httpx.Client()


def sync_use():
    client = httpx.Client()  # expect: client-session-per-call
    client.get("https://example.test/")


async def local_client():
    client = httpx.Client()  # expect: client-session-per-call
    client.get("https://example.test/")  # ruff: ASYNC212  # expect: blocking-call-in-async
    client.post("https://example.test/")  # ruff: ASYNC212  # expect: blocking-call-in-async
    client.stream("GET", "https://example.test/")  # ruff: ASYNC212  # expect: blocking-call-in-async
    client.close()  # ruff: ASYNC212  # expect: blocking-call-in-async
    client.build_request("GET", "https://example.test/")


async def annotated(client: httpx.Client):
    client.request("GET", "https://example.test/")  # ruff: ASYNC212  # expect: blocking-call-in-async


async def optional_annotation(client: Optional[httpx.Client]):
    client.send(None)  # ruff: ASYNC212  # expect: blocking-call-in-async


async def module_client():
    SHARED.get("https://example.test/")  # ruff: ASYNC212  # expect: blocking-call-in-async


async def async_client():
    async with httpx.AsyncClient() as client:  # expect: client-session-per-call
        await client.get("https://example.test/")
