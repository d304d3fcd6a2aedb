import time


def timed(call):
    start = time.time(  # expect: wall-clock-duration
    )
    call()
    return (
        time.time()  # expect: wall-clock-duration
        - start
    )
