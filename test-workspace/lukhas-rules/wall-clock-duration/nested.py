import time


def outer(call):
    def inner():
        begin_at = time.time()  # expect: wall-clock-duration
        call()
        return begin_at

    return lambda: time.time() - inner()  # expect: wall-clock-duration
