import asyncio


async def check_all(checker, endpoints):
    tasks = [checker.check(url) for url in endpoints]
    results = await asyncio.gather(*tasks)
    return dict(zip(endpoints, results))


async def warm_up(models):
    return await asyncio.gather(*[m.load() for m in models])
