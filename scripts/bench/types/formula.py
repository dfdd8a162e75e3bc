"""Formula in ``make bench --types-n`` (scripts/bench/bench_types.py)."""

from bench_types import READ_MERGE_WRITE, TypeBench

BENCH = TypeBench(
    program="""\
    flow = oc.Formula(
        f"flow-{i}",
        name=f"bench-flow-{i}",
        description=f"bench {tag}",
        triggers=[{"type": "manual", "properties": {}, "onSuccess": ["go"], "onFailure": []}],
        steps=[{"name": "go", "type": "script", "properties": {"body": "done(true);"},
                "onSuccess": [], "onFailure": []}],
    )
""",
    routes=r"^\S+ /formulas(/\{id\})?$",
    held="formulas",
    two_calls={"update": READ_MERGE_WRITE},
)
