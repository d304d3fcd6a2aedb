import logging

logger = logging.getLogger(__name__)


def bare_then_pass(job):
    try:
        job()
    except:  # ruff: E722, S110  # expect: bare-except
        pass


def bare_with_handling(job):
    try:
        job()
    except:  # ruff: E722  # expect: bare-except
        logger.warning("job failed")
        return None


def bare_after_typed(job):
    try:
        job()
    except ValueError:
        return 1
    except:  # ruff: E722  # expect: bare-except
        return 2


def bare_reraised(job):
    try:
        job()
    except:
        logger.warning("cleaning up")
        raise


def bare_one_line(job):
    try:
        job()
    except: return None  # ruff: E722  # expect: bare-except


def typed(job):
    try:
        job()
    except Exception as e:
        logger.exception("job failed: %s", e)


SOURCE = """
try:
    job()
except:
    pass
"""
