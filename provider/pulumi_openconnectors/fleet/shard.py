"""``--shard I/N``: a stable 1/N of the stacks, chosen by a hash of the stack name.

Every stack lands in exactly one of the N shards, whatever the order of the fleet file and
wherever the job runs, so N CI jobs (or Kubernetes Job pods with a completion index) split a
fleet with no coordinator. Adding a tenant moves no other tenant to another shard.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


@dataclass(frozen=True)
class Shard:
    index: int  # 1-based
    count: int

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"

    def holds(self, stack: str) -> bool:
        return shard_of(stack, self.count) == self.index


def parse_shard(text: str) -> Shard:
    """``"2/4"`` -> Shard(2, 4); ValueError saying what is wrong."""
    match = SHARD.match(text)
    if not match:
        raise ValueError(f"--shard must be I/N such as 1/4, got {text!r}")
    index, count = int(match.group(1)), int(match.group(2))
    if count < 1 or not 1 <= index <= count:
        raise ValueError(f"--shard {text}: I must be between 1 and N, and N at least 1")
    return Shard(index, count)


def shard_of(stack: str, count: int) -> int:
    """The 1-based shard of a stack: sha256 of the name, modulo N (not Python's salted hash)."""
    digest = hashlib.sha256(stack.encode()).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def select(
    stacks: Iterable[str], shard: Shard | None = None, only: Iterable[str] = ()
) -> list[str]:
    """The stacks of this run, in fleet-file order; ``only`` names must exist."""
    names = list(stacks)
    wanted = list(only)
    unknown = [n for n in wanted if n not in names]
    if unknown:
        raise ValueError(f"--only: no tenant with stack {', '.join(map(repr, unknown))}")
    chosen = [n for n in names if not wanted or n in wanted]
    if shard is not None:
        chosen = [n for n in chosen if shard.holds(n)]
    return chosen
