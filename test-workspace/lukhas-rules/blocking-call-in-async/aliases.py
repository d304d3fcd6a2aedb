import requests as rq
import time as t
from subprocess import run as sh
from time import sleep


async def poll(url):
    sleep(2)  # expect: blocking-call-in-async
    t.sleep(2)  # expect: blocking-call-in-async
    rq.get(url, timeout=5)  # expect: blocking-call-in-async
    sh(["true"])  # expect: blocking-call-in-async


async def shadowed():
    def sleep(seconds):
        return seconds

    sleep(1)
