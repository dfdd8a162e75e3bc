"""FormulaInstance in ``make bench --types-n`` (scripts/bench/bench_types.py); the
formula is Formula's (``flow``)."""

from bench_types import READ_MERGE_WRITE, TypeBench

BENCH = TypeBench(
    program="""\
    oc.FormulaInstance(f"run-{i}", formula_id=flow.id, name=f"bench-run-{i}-{tag}")
""",
    routes=r"^\S+ /formulas/\{id\}/instances",
    held="formulaInstances",
    two_calls={"update": READ_MERGE_WRITE},
)
