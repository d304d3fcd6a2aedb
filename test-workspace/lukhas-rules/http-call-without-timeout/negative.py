import httpx
import requests


def report(url, metrics, **options):
    requests.post(url, json=metrics, timeout=10)
    requests.get(url, **options)
    httpx.get(url)
    client = httpx.Client()  # expect: client-session-per-call
    client.get(url)
    session = requests.Session()  # expect: client-session-per-call
    session.get(url, timeout=(3, 10))
    cache = {}
    cache.get(url)
