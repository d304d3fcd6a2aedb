def describe():
    # session = aiohttp.ClientSession()
    return "aiohttp.ClientSession() per call is slow"
