import requests as rq
from requests import get, post as send


def report(url, metrics):
    rq.get(url)  # expect: http-call-without-timeout
    get(url)  # expect: http-call-without-timeout
    send(url, json=metrics)  # expect: http-call-without-timeout


def shadowed(url):
    def get(address):
        return address

    return get(url)
