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
