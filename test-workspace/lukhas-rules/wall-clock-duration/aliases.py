import time as clock
from time import time as now


def timed(call):
    t0 = clock.time()  # expect: wall-clock-duration
    call()
    return now() - t0  # expect: wall-clock-duration


def other(time):
    begin = time.time()
    return begin
