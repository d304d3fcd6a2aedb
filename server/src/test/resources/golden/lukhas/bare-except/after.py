import logging

logger = logging.getLogger(__name__)


def read_prompt(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except Exception as e:
        logger.exception("Unexpected error: %s", e)
        return None


def ping(client):
    try:
        client.ping()
    except Exception as e:
        logger.exception("Unexpected error: %s", e)


def close(client):
    try:
        client.close()
    except Exception as e: logger.exception("Unexpected error: %s", e)
