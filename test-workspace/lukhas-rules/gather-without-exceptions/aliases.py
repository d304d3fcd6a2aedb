import asyncio as aio
from asyncio import gather


async def check_all(tasks):
    first = await aio.gather(*tasks)  # expect: gather-without-exceptions
    second = await gather(*tasks)  # expect: gather-without-exceptions
    return first, second


async def not_asyncio(pool, tasks):
    return await pool.gather(*tasks)
