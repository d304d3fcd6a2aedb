def broad_pass(job):
    try:
        job()
    except Exception:  # ruff: S110  # expect: bare-except
        pass


def bare_pass(job):
    try:
        job()
    except:  # ruff: E722, S110  # expect: bare-except
        pass


def narrow_pass(job):
    try:
        job()
    except ValueError:
        pass


def base_pass(job):
    try:
        job()
    except BaseException:  # ruff: S110  # expect: bare-except
        pass


def tuple_pass(job):
    try:
        job()
    except (KeyError, Exception):  # ruff: S110  # expect: bare-except
        pass


def named_pass(job):
    try:
        job()
    except Exception as error:  # ruff: S110  # expect: bare-except
        pass


def pass_then_more(job):
    try:
        job()
    except Exception:
        pass
        job()


def continue_in_loop(jobs):
    for job in jobs:
        try:
            job()
        except Exception:
            continue
