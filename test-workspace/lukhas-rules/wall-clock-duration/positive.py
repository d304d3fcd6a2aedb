import time


def timed(call):
    start = time.time()  # expect: wall-clock-duration
    call()
    return time.time() - start  # expect: wall-clock-duration


class Timer:
    def __enter__(self):
        self.started_at = time.time()  # expect: wall-clock-duration
        return self

    def elapsed(self):
        return time.time() - self.started_at  # expect: wall-clock-duration
