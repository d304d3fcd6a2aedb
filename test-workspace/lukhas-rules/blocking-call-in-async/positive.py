import io
import os
import subprocess
import time
import urllib.request
from pathlib import Path

import httpx
import requests


async def wait_for_model(url):
    time.sleep(1)  # expect: blocking-call-in-async
    requests.get(url, timeout=5)  # expect: blocking-call-in-async
    httpx.post(url)  # expect: blocking-call-in-async
    urllib.request.urlopen(url)  # expect: blocking-call-in-async
    subprocess.run(["ollama", "pull", "gpt-oss:20b"])  # expect: blocking-call-in-async
    subprocess.Popen(["ollama", "serve"])  # expect: blocking-call-in-async
    os.system("nvidia-smi")  # expect: blocking-call-in-async
    os.spawnl(os.P_NOWAIT, "/bin/true")  # expect: blocking-call-in-async
    os.waitpid(0, 0)  # expect: blocking-call-in-async
    open("/tmp/models.json")  # expect: blocking-call-in-async
    io.open("/tmp/models.json")  # expect: blocking-call-in-async


async def files():
    Path("models.json").open()  # expect: blocking-call-in-async
    path = Path("models.json")
    with path.open() as f:  # expect: blocking-call-in-async
        return f.read()


async def clients(url):
    client = httpx.Client()  # expect: client-session-per-call
    client.get(url)  # expect: blocking-call-in-async
    session = requests.Session()  # expect: client-session-per-call
    session.post(url, timeout=5)  # expect: blocking-call-in-async


GLOBAL_CLIENT = httpx.Client()


async def global_client(url):
    return GLOBAL_CLIENT.get(url)  # expect: blocking-call-in-async
