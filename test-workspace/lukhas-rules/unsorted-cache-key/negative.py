import hashlib
import json
import logging

logger = logging.getLogger(__name__)


def sorted_key(request):
    return hashlib.sha256(json.dumps(request, sort_keys=True).encode()).hexdigest()


def log_line(event):
    logger.info(json.dumps(event))
    return json.dumps(event)


def response(body):
    text = json.dumps(body)
    return text.encode()


def options(request, **kwargs):
    return hashlib.sha256(json.dumps(request, **kwargs).encode()).hexdigest()
