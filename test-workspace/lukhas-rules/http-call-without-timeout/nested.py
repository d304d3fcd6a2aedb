import requests


def poller(url):
    def poll():
        return requests.head(url)  # expect: http-call-without-timeout

    return lambda: requests.get(url)  # expect: http-call-without-timeout
