import hashlib
import json


def make_keyer():
    def keyer(request):
        payload = json.dumps(request)  # expect: unsorted-cache-key
        return hashlib.sha1(payload.encode()).hexdigest()

    payload = "not hashed"
    return keyer, payload
