"""The Redactor masks every registered secret, in every spelling it travels in."""

from __future__ import annotations

import json
import threading
from urllib.parse import quote, quote_plus

from pulumi_openconnectors.redact import MASK, Redactor

SECRET = "7OpR4MRo7wnPoVKkKFXHhHBUPRzqutoem/d+WEnR1kY="


def test_plain_and_encoded_spellings_are_masked() -> None:
    red = Redactor([SECRET])
    for spelling in (SECRET, quote(SECRET, safe=""), quote_plus(SECRET), quote(SECRET)):
        out = red.redact(f"before {spelling} after")
        assert out == f"before {MASK} after"
    assert red.redact(json.dumps({"x": 'p"w\\d'})) == json.dumps({"x": 'p"w\\d'})
    red.add('p"w\\d')
    assert 'p\\"w' not in red.redact(json.dumps({"x": 'p"w\\d'}))


def test_longest_secret_wins_over_its_prefix() -> None:
    red = Redactor(["abcdef", "abcdefghij"])
    assert red.redact("x abcdefghij y") == f"x {MASK} y"


def test_none_empty_and_short_values_are_ignored() -> None:
    red = Redactor([None, "", "ab"])
    assert len(red) == 0
    assert red.redact("ab cd") == "ab cd"


def test_repr_does_not_leak() -> None:
    red = Redactor([SECRET])
    assert SECRET not in repr(red)


def test_concurrent_adds_are_safe() -> None:
    red = Redactor()
    secrets = [f"secret-{i:04d}" for i in range(200)]

    def add(chunk: list[str]) -> None:
        for s in chunk:
            red.add(s)

    threads = [threading.Thread(target=add, args=(secrets[i::4],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    text = " ".join(secrets)
    assert red.redact(text) == " ".join([MASK] * len(secrets))


def test_redactor_under_concurrent_add_and_redact() -> None:
    """16 threads register secrets and redact at the same time: once add() has returned,
    every later redact() masks that secret, in every thread."""
    redactor = Redactor(["org-secret-xyz"])
    failures: list[str] = []
    barrier = threading.Barrier(16)

    def work(t: int) -> None:
        barrier.wait(timeout=10)
        for k in range(12):
            secret = f"token-{t:02d}-{k:03d}-secret"
            redactor.add(secret)
            for text in (f"got {secret}!", f"x {secret} and org-secret-xyz"):
                if secret in redactor.redact(text) or "org-secret-xyz" in redactor.redact(text):
                    failures.append(text)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == []
    sample = " ".join(f"token-{t:02d}-011-secret" for t in range(16))
    assert redactor.redact(sample) == " ".join(["***"] * 16)
