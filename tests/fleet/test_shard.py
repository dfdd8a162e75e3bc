"""--shard I/N: every stack in exactly one shard, stable across orders and additions."""

from __future__ import annotations

import random

import pytest

from pulumi_openconnectors.fleet.shard import Shard, parse_shard, select, shard_of

NAMES = [f"tenant-{i:03d}" for i in range(200)]


def test_every_stack_is_in_exactly_one_shard() -> None:
    for count in (1, 2, 3, 4, 7, 16):
        shards = [select(NAMES, Shard(i, count)) for i in range(1, count + 1)]
        flat = [n for shard in shards for n in shard]
        assert sorted(flat) == sorted(NAMES) and len(flat) == len(set(flat))


def test_shards_are_roughly_even() -> None:
    sizes = [len(select(NAMES, Shard(i, 4))) for i in range(1, 5)]
    assert min(sizes) >= 35 and max(sizes) <= 65, sizes


def test_stable_across_order_and_additions() -> None:
    shuffled = NAMES[:]
    random.Random(7).shuffle(shuffled)
    for i in (1, 2, 3):
        assert set(select(NAMES, Shard(i, 3))) == set(select(shuffled, Shard(i, 3)))
    before = {n: shard_of(n, 4) for n in NAMES}
    after = {n: shard_of(n, 4) for n in [*NAMES, "newcomer"]}
    assert all(after[n] == s for n, s in before.items())


def test_known_values_do_not_change_between_releases() -> None:
    # sha256, not Python's salted hash(): the same on every machine, every run.
    assert [shard_of(n, 2) for n in ("tenant-00", "tenant-01", "tenant-02", "tenant-03")] == [
        shard_of("tenant-00", 2),
        shard_of("tenant-01", 2),
        shard_of("tenant-02", 2),
        shard_of("tenant-03", 2),
    ]
    assert (
        shard_of("acme", 4)
        == int.from_bytes(__import__("hashlib").sha256(b"acme").digest()[:8], "big") % 4 + 1
    )


def test_only_and_order() -> None:
    assert select(["b", "a", "c"], only=["c", "b"]) == ["b", "c"]
    with pytest.raises(ValueError, match="--only: no tenant with stack 'z'"):
        select(["a"], only=["z"])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1", "--shard must be I/N such as 1/4, got '1'"),
        ("0/2", "--shard 0/2: I must be between 1 and N, and N at least 1"),
        ("3/2", "--shard 3/2: I must be between 1 and N, and N at least 1"),
    ],
)
def test_parse_errors(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_shard(text)
    assert str(caught.value) == message


def test_parse() -> None:
    assert parse_shard(" 2 / 4 ") == Shard(2, 4)
    assert str(Shard(2, 4)) == "2/4"
