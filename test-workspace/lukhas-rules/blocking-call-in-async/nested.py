import time


async def handler():
    def blocking_helper():
        time.sleep(1)

    waiter = lambda: time.sleep(1)
    values = [time.sleep(0) for _ in range(2)]  # expect: blocking-call-in-async

    async def inner():
        time.sleep(1)  # expect: blocking-call-in-async

    return blocking_helper, waiter, values, inner


class Service:
    async def run(self):
        class Local:
            time.sleep(0)

        return Local
