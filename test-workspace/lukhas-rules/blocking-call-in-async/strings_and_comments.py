import time


async def documented():
    """Never call time.sleep(1) here."""
    s = "time.sleep(1)"
    # time.sleep(1)
    return s
