import aiohttp
import httpx

SHARED = httpx.Client(timeout=5)


class Gateway:
    def __init__(self):
        self.client = httpx.Client(timeout=5)
        self.session = None

    async def _get_session(self):
        if self.session is None:
            self.session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5))
        return self.session

    async def start(self):
        self.session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5))
