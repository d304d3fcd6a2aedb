import time


def stamp(event):
    event["at"] = time.time()
    return {"timestamp": time.time(), "event": event}


def measured(call):
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def expires(ttl):
    deadline = time.monotonic() + ttl
    return deadline
