import time

# start = time.time()
DOC = "elapsed = time.time() - start"
