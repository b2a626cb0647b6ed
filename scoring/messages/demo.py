"""Texts of the demo database (scoring/workspace/demo.py, scoring/store/settings.py): the
refusal to put the sample into a real database, and the demo's label."""

MESSAGES = {
    "store.not_demo": (
        "Basis data {url} bukan basis data demo: contoh tidak dimuat ke data sungguhan",
        "The database {url} is not the demo database: the sample is never loaded into real "
        "data",
    ),
    "demo.label": (
        "DEMO — data contoh, bukan hasil lomba sungguhan",
        "DEMO — sample data, not a real competition's results",
    ),
}
