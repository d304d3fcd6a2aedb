import aiohttp


async def check(url):
    async with aiohttp.ClientSession(  # expect: client-session-per-call
        timeout=aiohttp.ClientTimeout(total=5),
        raise_for_status=True,
    ) as session:
        return await session.get(url)
