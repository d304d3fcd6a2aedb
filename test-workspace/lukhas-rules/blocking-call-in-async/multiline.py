import subprocess


async def pull(model):
    return subprocess.run(  # expect: blocking-call-in-async
        ["ollama", "pull", model],
        check=True,
    )
