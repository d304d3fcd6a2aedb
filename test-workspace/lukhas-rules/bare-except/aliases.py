from builtins import Exception as Broad


class Exception(Warning):
    """A module that shadows Exception: its own class is not the builtin."""


def shadowed(client):
    try:
        client.close()
    except Exception:
        pass


def aliased(client):
    try:
        client.close()
    except Broad:  # expect: bare-except
        pass
