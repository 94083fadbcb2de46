"""Drives a running quantai with the official `openai` Python SDK.

Run by the Rust test `sdk::official_openai_python_sdk` with QUANTAI_BASE_URL and QUANTAI_KEY set;
exits non-zero (an AssertionError or an SDK exception) on any mismatch.
"""
import json
import os

import openai
from openai import OpenAI

client = OpenAI(base_url=os.environ["QUANTAI_BASE_URL"] + "/v1", api_key=os.environ["QUANTAI_KEY"], max_retries=0)
msgs = [{"role": "user", "content": "hi"}]

# Plain chat.
r = client.chat.completions.create(model="gpt-4o-mini", messages=msgs)
assert r.choices[0].message.content == "Hello from the mock.", r
assert (r.usage.prompt_tokens, r.usage.completion_tokens) == (12, 5), r.usage

# Streaming with usage.
text, usage = "", None
for chunk in client.chat.completions.create(
    model="gpt-4o-mini", messages=msgs, stream=True, stream_options={"include_usage": True}
):
    if chunk.choices:
        text += chunk.choices[0].delta.content or ""
    if chunk.usage:
        usage = chunk.usage
assert text == "Hello from the mock.", text
assert usage is not None and usage.completion_tokens == 5, usage

# Embeddings.
e = client.embeddings.create(model="text-embedding-3-small", input=["one two three"])
assert len(e.data) == 1 and len(e.data[0].embedding) > 0, e

# Models list.
ids = [m.id for m in client.models.list()]
assert "gpt-4o-mini" in ids and "text-embedding-3-large" in ids, ids

# A refused model surfaces as the SDK's typed error with our code.
try:
    client.chat.completions.create(model="o1-preview", messages=msgs)
    raise AssertionError("o1-preview should be refused for narrative_report")
except openai.BadRequestError as err:
    assert err.code == "model_tier_not_allowed", err

# Another service through a header.
r = client.chat.completions.create(
    model="gpt-4o", messages=msgs, extra_headers={"X-Quantai-Service": "strategy_builder"}
)
assert r.choices[0].message.content == "Hello from the mock."

# A bad key surfaces as AuthenticationError.
try:
    OpenAI(base_url=client.base_url, api_key="qai_wrong", max_retries=0).models.list()
    raise AssertionError("a wrong key should be refused")
except openai.AuthenticationError:
    pass

print(json.dumps({"ok": True, "sdk": openai.__version__}))
