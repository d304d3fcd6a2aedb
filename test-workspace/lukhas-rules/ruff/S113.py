import httpx
import requests

URL = "https://example.test/"


def fine():
    requests.get(URL, timeout=5)
    requests.post(URL, json={}, timeout=5)
    httpx.get(URL)
    httpx.post(URL, timeout=5)
    httpx.Client()  # expect: client-session-per-call
    httpx.AsyncClient(timeout=5)  # expect: client-session-per-call


def missing():
    requests.get(URL)  # ruff: S113  # expect: http-call-without-timeout
    requests.options(URL)  # ruff: S113  # expect: http-call-without-timeout
    requests.head(URL)  # ruff: S113  # expect: http-call-without-timeout
    requests.post(URL, json={})  # ruff: S113  # expect: http-call-without-timeout
    requests.put(URL, data=b"")  # ruff: S113  # expect: http-call-without-timeout
    requests.patch(URL, data=b"")  # ruff: S113  # expect: http-call-without-timeout
    requests.delete(URL)  # ruff: S113  # expect: http-call-without-timeout
    requests.request("GET", URL)  # ruff: S113  # expect: http-call-without-timeout


def explicit_none():
    requests.get(URL, timeout=None)  # ruff: S113  # expect: http-call-without-timeout
    httpx.get(URL, timeout=None)  # ruff: S113  # expect: http-call-without-timeout
    httpx.stream("GET", URL, timeout=None)  # ruff: S113  # expect: http-call-without-timeout
    httpx.Client(timeout=None)  # ruff: S113  # expect: client-session-per-call, http-call-without-timeout
    httpx.AsyncClient(timeout=None)  # ruff: S113  # expect: client-session-per-call, http-call-without-timeout


def spread(options):
    requests.get(URL, **options)  # ruff: S113


def multiline():
    requests.post(  # ruff: S113  # expect: http-call-without-timeout
        URL,
        json={},
    )


def sessions():
    session = requests.Session()  # expect: client-session-per-call
    session.get(URL)  # expect: http-call-without-timeout
    with httpx.Client(timeout=5) as client:  # expect: client-session-per-call
        client.get(URL, timeout=None)  # expect: http-call-without-timeout
