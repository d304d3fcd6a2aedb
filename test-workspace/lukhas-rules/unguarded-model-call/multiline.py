from openai import OpenAI

client = OpenAI()


def ask(prompt):
    return client.chat.completions.create(  # expect: unguarded-model-call
        model="gpt-oss:20b",
        messages=[{"role": "user", "content": prompt}],
    )
