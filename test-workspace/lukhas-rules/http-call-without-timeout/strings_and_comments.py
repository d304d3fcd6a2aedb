import requests

# requests.get(url)
EXAMPLE = "requests.get(url) without timeout hangs"


def documented(url):
    """Call requests.get(url) with a timeout."""
    return requests.get(url, timeout=5)


def the_word_timeout_is_not_a_timeout(url, timeout_note="timeout"):
    return requests.get(url, headers={"X-Note": timeout_note})  # expect: http-call-without-timeout
