import asyncio
import time
from time import sleep


async def blocks():
    time.sleep(1)  # ruff: ASYNC251  # expect: blocking-call-in-async
    sleep(1)  # ruff: ASYNC251  # expect: blocking-call-in-async


async def fine():
    await asyncio.sleep(1)


def sync_code():
    time.sleep(1)


async def helpers():
    def inner():
        time.sleep(1)

    waiter = lambda: time.sleep(1)
    return inner, waiter
