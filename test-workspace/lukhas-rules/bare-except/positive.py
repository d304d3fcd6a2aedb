import logging

logger = logging.getLogger(__name__)


def load(path):
    try:
        return open(path).read()
    except:  # expect: bare-except
        return None


def ping(client):
    try:
        client.ping()
    except Exception:  # expect: bare-except
        pass


def close(client):
    try:
        client.close()
    except BaseException: pass  # expect: bare-except


def legacy(client):
    try:
        client.reset()
    except:  # legacy  # expect: bare-except
        pass


def grouped(client):
    try:
        client.flush()
    except (Exception):  # expect: bare-except
        pass


def named(client):
    try:
        client.flush()
    except Exception as error:  # expect: bare-except
        pass


def several(client):
    try:
        client.flush()
    except (ValueError, Exception):  # expect: bare-except
        pass


def commented(client):
    try:
        client.flush()
    except:  # expect: bare-except
        # nothing to do
        pass
