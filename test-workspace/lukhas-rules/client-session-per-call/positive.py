import aiohttp
import httpx
import requests


async def check(url):
    async with aiohttp.ClientSession() as session:  # expect: client-session-per-call, http-call-without-timeout
        async with session.get(url) as response:
            return response.status


def fetch(url):
    with requests.Session() as session:  # expect: client-session-per-call
        return session.get(url, timeout=5).text


class Checker:
    async def probe(self, url):
        client = httpx.AsyncClient(timeout=5)  # expect: client-session-per-call
        return await client.get(url)
