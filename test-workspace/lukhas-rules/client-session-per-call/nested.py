import httpx


def make_client():
    def build_client():
        return httpx.Client(timeout=5)

    def handler(url):
        with httpx.Client(timeout=5) as client:  # expect: client-session-per-call
            return client.get(url)

    return build_client, handler
