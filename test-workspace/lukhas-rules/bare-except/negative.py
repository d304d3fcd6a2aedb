import logging

logger = logging.getLogger(__name__)


def load(path):
    try:
        return open(path).read()
    except OSError:
        return None


def reraise(client):
    try:
        client.ping()
    except:
        logger.warning("ping failed")
        raise


def handled(client):
    try:
        client.close()
    except Exception as e:
        logger.exception("close failed: %s", e)


def typed_pass(client):
    try:
        client.close()
    except ValueError:
        pass


def broad_but_handled(client):
    try:
        client.close()
    except Exception:
        client.reset()
