import time


def timed_call(model, prompt):
    start_time = time.time()
    answer = model.generate(prompt)
    elapsed = time.time() - start_time
    return answer, {"elapsed": elapsed, "finished_at": time.time()}
