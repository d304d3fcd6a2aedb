import aiohttp
import httpx
import requests


def report(url, metrics):
    requests.post(url, json=metrics)  # expect: http-call-without-timeout
    requests.options(url)  # expect: http-call-without-timeout
    requests.request("PATCH", url, json=metrics)  # expect: http-call-without-timeout
    requests.get(url, timeout=None)  # expect: http-call-without-timeout
    httpx.get(url, timeout=None)  # expect: http-call-without-timeout


def with_session(url):
    session = requests.Session()  # expect: client-session-per-call
    return session.get(url)  # expect: http-call-without-timeout


def with_client(url):
    with httpx.Client(timeout=None) as client:  # expect: http-call-without-timeout, client-session-per-call
        return client.get(url)


async def open_session():
    return aiohttp.ClientSession()  # expect: http-call-without-timeout
