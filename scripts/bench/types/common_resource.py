"""CommonResource in ``make bench --types-n`` (scripts/bench/bench_types.py)."""

from bench_types import TypeBench

BENCH = TypeBench(
    program="""\
    contacts = oc.CommonResource(
        f"cr-{i}",
        name=f"benchContacts{i}",
        fields=[{"path": "id", "type": "string"}, {"path": tag, "type": "string"}],
    )
""",
    routes=r"^\S+ /organizations/objects/",
    held="objectDefinitions",
)
