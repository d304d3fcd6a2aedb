import os
import subprocess


async def create():
    subprocess.Popen(["ollama", "serve"])  # ruff: ASYNC220  # expect: blocking-call-in-async
    os.popen("ollama list")  # ruff: ASYNC220  # expect: blocking-call-in-async
    os.spawnl(os.P_NOWAIT, "/bin/true")  # ruff: ASYNC220  # expect: blocking-call-in-async


async def run():
    subprocess.run(["true"])  # ruff: ASYNC221  # expect: blocking-call-in-async
    subprocess.call(["true"])  # ruff: ASYNC221  # expect: blocking-call-in-async
    subprocess.check_call(["true"])  # ruff: ASYNC221  # expect: blocking-call-in-async
    subprocess.check_output(["true"])  # ruff: ASYNC221  # expect: blocking-call-in-async
    subprocess.getoutput("true")  # ruff: ASYNC221  # expect: blocking-call-in-async
    subprocess.getstatusoutput("true")  # ruff: ASYNC221  # expect: blocking-call-in-async
    os.system("true")  # ruff: ASYNC221  # expect: blocking-call-in-async
    os.posix_spawn("/bin/true", ["true"], {})  # ruff: ASYNC221  # expect: blocking-call-in-async
    os.spawnl(os.P_WAIT, "/bin/true")  # ruff: ASYNC221  # expect: blocking-call-in-async


async def wait():
    os.wait()  # ruff: ASYNC222  # expect: blocking-call-in-async
    os.wait3(0)  # ruff: ASYNC222  # expect: blocking-call-in-async
    os.wait4(0, 0)  # ruff: ASYNC222  # expect: blocking-call-in-async
    os.waitpid(0, 0)  # ruff: ASYNC222  # expect: blocking-call-in-async
    os.waitid(os.P_ALL, 0, os.WEXITED)  # ruff: ASYNC222  # expect: blocking-call-in-async


async def harmless():
    subprocess.list2cmdline(["a"])
    os.getpid()


def sync_code():
    subprocess.run(["true"])
