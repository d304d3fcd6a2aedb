import asyncio


async def check_all(checker, urls):
    tasks = [checker.check(url) for url in urls]
    return await asyncio.gather(*tasks, return_exceptions=True)


async def two(a, b):
    return await asyncio.gather(a(), b())


async def configured(tasks, **options):
    return await asyncio.gather(*tasks, **options)
