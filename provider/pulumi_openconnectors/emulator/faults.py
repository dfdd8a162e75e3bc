"""Fault injection: rules that answer an error, drop or lose a response, or add delay."""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Action = Literal["status", "drop", "lose_response", "delay"]


def _json_integer(value: Any) -> Any:
    """JSON Schema's integer: 503 and 503.0 are the same number; the strict check after this
    refuses booleans, strings and fractions."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class FaultRule(BaseModel):
    """One rule; `path` is a route template relative to /elements/api-v2, or `*`."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={
            "allOf": [
                {
                    "if": {"properties": {"action": {"const": "status"}}},
                    "then": {"required": ["status"], "properties": {"status": {"type": "integer"}}},
                },
                {
                    "if": {"properties": {"action": {"const": "delay"}}},
                    "then": {
                        "required": ["delayMs"],
                        "properties": {"delayMs": {"type": "integer"}},
                    },
                },
            ]
        },
    )

    method: str = "*"
    path: str = "*"
    action: Action
    status: int | None = Field(default=None, ge=400, le=599)
    rate: float = Field(default=1.0, ge=0.0, le=1.0)
    count: int | None = Field(default=None, ge=0)
    retryAfter: int | None = Field(default=None, ge=0)
    delayMs: int | None = Field(default=None, ge=0, le=600_000)

    _integers = field_validator("status", "count", "retryAfter", "delayMs", mode="before")(
        _json_integer
    )

    @model_validator(mode="after")
    def _check_action(self) -> FaultRule:
        if self.action == "status" and self.status is None:
            raise ValueError("a 'status' rule needs a 'status' (400-599)")
        if self.action == "delay" and self.delayMs is None:
            raise ValueError("a 'delay' rule needs 'delayMs'")
        self.method = self.method.upper()
        return self


class FaultConfig(BaseModel):
    """The whole fault configuration, as PUT to /_emulator/faults."""

    model_config = ConfigDict(extra="forbid", strict=True)

    seed: int | None = None
    latencyMs: int = Field(default=0, ge=0, le=600_000)
    rules: list[FaultRule] = Field(default_factory=list)

    _integers = field_validator("seed", "latencyMs", mode="before")(_json_integer)


@dataclass(frozen=True)
class Fault:
    """A rule that fired for one request."""

    index: int
    rule: FaultRule


class FaultEngine:
    """Holds the configuration, draws from a seeded Random and counts firings (thread-safe)."""

    def __init__(self, default_latency_ms: int = 0) -> None:
        self._lock = threading.Lock()
        self._default_latency_ms = default_latency_ms
        self._config = FaultConfig(latencyMs=default_latency_ms)
        self._random = random.Random(None)
        self._fired: list[int] = []

    def configure(self, config: FaultConfig) -> None:
        with self._lock:
            self._config = config.model_copy(deep=True)
            self._random = random.Random(config.seed)
            self._fired = [0] * len(config.rules)

    def clear(self) -> None:
        self.configure(FaultConfig(latencyMs=self._default_latency_ms))

    def config(self) -> FaultConfig:
        with self._lock:
            return self._config.model_copy(deep=True)

    def fired(self) -> list[int]:
        with self._lock:
            return list(self._fired)

    def latency_ms(self) -> int:
        with self._lock:
            return self._config.latencyMs

    def pick(self, method: str, template: str | None, path: str) -> Fault | None:
        """The first rule that matches this request, still has count left and wins its draw."""
        with self._lock:
            for index, rule in enumerate(self._config.rules):
                if rule.method not in ("*", method.upper()):
                    continue
                if rule.path not in ("*", path) and (template is None or rule.path != template):
                    continue
                if rule.count is not None and self._fired[index] >= rule.count:
                    continue
                if rule.rate < 1.0 and self._random.random() >= rule.rate:
                    continue
                self._fired[index] += 1
                return Fault(index, rule)
        return None
