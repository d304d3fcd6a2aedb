import hashlib
import json


def cache_key(model, messages, options):
    payload = {"model": model, "messages": messages, "options": options}
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def log_line(event):
    return json.dumps(event)
