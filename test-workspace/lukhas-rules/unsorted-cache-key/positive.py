import hashlib
import json


def cache_key(request):
    return hashlib.sha256(json.dumps(request).encode()).hexdigest()  # expect: unsorted-cache-key


def through_a_variable(request):
    payload = json.dumps(request)  # expect: unsorted-cache-key
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def named_key(request, cache):
    key = json.dumps(request, ensure_ascii=False)  # expect: unsorted-cache-key
    return cache.get(key)


def subscript(request, cache):
    return cache[json.dumps(request)]  # expect: unsorted-cache-key
