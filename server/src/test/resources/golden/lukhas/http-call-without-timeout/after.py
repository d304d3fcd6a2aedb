import aiohttp
import requests


def report(url, metrics):
    requests.post(url, json=metrics, timeout=10)


def tags(url):
    return requests.get(f"{url}/api/tags", headers={"Accept": "application/json"}, timeout=10).json()


async def open_session():
    return aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
