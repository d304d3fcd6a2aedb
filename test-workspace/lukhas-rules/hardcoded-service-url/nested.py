import os


def make_client():
    def base():
        return "http://localhost:11434"  # expect: hardcoded-service-url

    def configured():
        return os.getenv("BASE", "http://localhost:11434")

    return base, configured
