"""Transformation in ``make bench --types-n`` (scripts/bench/bench_types.py); the
common resource is CommonResource's (``contacts``)."""

from bench_types import READ_MERGE_WRITE, TypeBench

BENCH = TypeBench(
    program="""\
    oc.Transformation(
        f"map-{i}",
        element_key="closeio",
        vendor_name="contacts",
        common_resource=contacts,
        fields=[{"path": "id", "vendorPath": "id"}, {"path": tag, "vendorPath": tag.upper()}],
    )
""",
    routes=r"^\S+ /organizations/elements/",
    held="transformations",
    two_calls={"update": READ_MERGE_WRITE},
)
