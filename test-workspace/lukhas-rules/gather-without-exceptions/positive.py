import asyncio


async def check_all(checker, urls):
    tasks = [checker.check(url) for url in urls]
    return await asyncio.gather(*tasks)  # expect: gather-without-exceptions
