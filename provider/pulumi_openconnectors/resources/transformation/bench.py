"""Transformation in ``make bench --types-n`` (:mod:`...devtools.bench_types`); the
common resource is CommonResource's (``contacts``)."""

from ...devtools.bench_types import READ_MERGE_WRITE, TypeBench

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
