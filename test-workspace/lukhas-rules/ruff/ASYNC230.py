import io
from pathlib import Path


async def opens():
    open("models.json")  # ruff: ASYNC230  # expect: blocking-call-in-async
    io.open("models.json")  # ruff: ASYNC230  # expect: blocking-call-in-async
    io.open_code("models.json")  # ruff: ASYNC230  # expect: blocking-call-in-async
    with open("models.json") as f:  # ruff: ASYNC230  # expect: blocking-call-in-async
        f.read()


async def paths():
    Path("models.json").open()  # ruff: ASYNC230  # expect: blocking-call-in-async
    p = Path("models.json")
    p.open()  # ruff: ASYNC230  # expect: blocking-call-in-async
    (a, b) = (Path("a"), Path("b"))
    a.open()  # ruff: ASYNC230  # expect: blocking-call-in-async

    async def nested():
        p.open()  # ruff: ASYNC230  # expect: blocking-call-in-async

    return nested


class Store:
    def open(self):
        return self


async def not_files():
    Store().open()

    def open():
        return None

    open()


def sync_code():
    open("models.json")
