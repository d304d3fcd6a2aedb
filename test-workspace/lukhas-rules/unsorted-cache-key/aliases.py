import hashlib as h
from json import dumps
import json as j


def cache_key(request):
    return h.md5(dumps(request).encode()).hexdigest()  # expect: unsorted-cache-key


def other_key(request):
    digest = j.dumps(request)  # expect: unsorted-cache-key
    return digest
