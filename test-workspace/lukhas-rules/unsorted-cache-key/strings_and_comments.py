import json

# key = hashlib.sha256(json.dumps(request).encode())
TEMPLATE = "hashlib.sha256(json.dumps(request).encode())"


def dump(value):
    """Like hashlib.sha256(json.dumps(value)), but readable."""
    return json.dumps(value, indent=2)
