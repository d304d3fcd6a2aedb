import hashlib
import json


def cache_key(model, messages):
    return hashlib.sha256(
        json.dumps(  # expect: unsorted-cache-key
            {"model": model, "messages": messages},
            ensure_ascii=False,
        ).encode("utf-8")
    ).hexdigest()
