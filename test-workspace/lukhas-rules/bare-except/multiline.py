def closing(client):
    try:
        client.close(
            force=True,
        )
    except (  # expect: bare-except
        Exception
    ):
        pass
