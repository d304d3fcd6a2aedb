import time


def timed_call(model, prompt):
    start_time = time.perf_counter()
    answer = model.generate(prompt)
    elapsed = time.perf_counter() - start_time
    return answer, {"elapsed": elapsed, "finished_at": time.time()}
