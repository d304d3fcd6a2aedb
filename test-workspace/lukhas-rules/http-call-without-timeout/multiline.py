import requests


def report(url, metrics):
    return requests.post(  # expect: http-call-without-timeout
        url,
        json=metrics,
    )


def with_timeout(url, metrics):
    return requests.post(
        url,
        json=metrics,
        timeout=10,
    )
