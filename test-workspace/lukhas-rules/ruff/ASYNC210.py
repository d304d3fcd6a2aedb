import urllib.request

import httpx
import requests
import urllib3


async def blocking_http():
    requests.get("https://example.test/", timeout=5)  # ruff: ASYNC210  # expect: blocking-call-in-async
    requests.post("https://example.test/", timeout=5)  # ruff: ASYNC210  # expect: blocking-call-in-async
    requests.options("https://example.test/", timeout=5)  # ruff: ASYNC210  # expect: blocking-call-in-async
    requests.delete("https://example.test/", timeout=5)  # ruff: ASYNC210  # expect: blocking-call-in-async
    httpx.get("https://example.test/")  # ruff: ASYNC210  # expect: blocking-call-in-async
    httpx.put("https://example.test/")  # ruff: ASYNC210  # expect: blocking-call-in-async
    urllib.request.urlopen("https://example.test/")  # ruff: ASYNC210  # expect: blocking-call-in-async
    urllib3.request("GET", "https://example.test/")  # ruff: ASYNC210  # expect: blocking-call-in-async
    print(requests.head("https://example.test/", timeout=5))  # ruff: ASYNC210  # expect: blocking-call-in-async


async def not_http():
    cache = {}
    cache.get("key")
    requests.codes.ok
    httpx.URL("https://example.test/")


async def shadowed():
    def urlopen(url):
        return url

    urlopen("https://example.test/")


def sync_code():
    requests.get("https://example.test/", timeout=5)
