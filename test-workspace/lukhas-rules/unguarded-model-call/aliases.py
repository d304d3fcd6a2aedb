import ollama as llm_lib
from openai import OpenAI as Client


CLIENT = Client()


def ask(prompt):
    return CLIENT.responses.create(model="gpt-oss:120b", input=prompt)  # expect: unguarded-model-call


def quick(prompt):
    return llm_lib.generate(model="gpt-oss:20b", prompt=prompt)  # expect: unguarded-model-call
