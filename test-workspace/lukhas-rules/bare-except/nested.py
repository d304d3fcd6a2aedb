def outer(items):
    def inner(item):
        try:
            return item.value()
        except:  # expect: bare-except
            return None

    try:
        return [inner(i) for i in items]
    except Exception:
        raise
