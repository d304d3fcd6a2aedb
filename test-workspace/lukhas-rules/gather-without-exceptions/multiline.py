import asyncio


async def warm_up(models):
    return await asyncio.gather(  # expect: gather-without-exceptions
        *[m.load() for m in models]
    )
