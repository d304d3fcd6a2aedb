# results = await asyncio.gather(*tasks)
USAGE = "await asyncio.gather(*tasks)"
