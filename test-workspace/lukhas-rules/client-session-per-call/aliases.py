from aiohttp import ClientSession as Session
import requests as rq


async def check(url):
    async with Session(timeout=None) as session:  # expect: client-session-per-call
        return await session.get(url)


def fetch(url):
    return rq.session().get(url, timeout=5)  # expect: client-session-per-call
