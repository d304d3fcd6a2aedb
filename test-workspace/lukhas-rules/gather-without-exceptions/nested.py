import asyncio


def scheduler(checks):
    async def run_all():
        return await asyncio.gather(*checks)  # expect: gather-without-exceptions

    return run_all
