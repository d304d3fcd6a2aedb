from openai import OpenAI

client = OpenAI()


def make_handler(breaker):
    def guarded(prompt):
        return breaker.call(lambda: client.responses.create(model="gpt-oss:20b", input=prompt))

    def unguarded(prompt):
        return client.responses.create(model="gpt-oss:20b", input=prompt)  # expect: unguarded-model-call

    return guarded, unguarded
