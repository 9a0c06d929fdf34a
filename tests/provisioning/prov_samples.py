"""Names of the sample provisioning files in resources/samples (shared by the tests here)."""

SAMPLES = (
    "snom-d785-with-user.xml",
    "snom-d717-no-user.xml",
    "snom-legacy-text.htm",
    "yealink-t54w-with-user.cfg",
    "yealink-t46u-no-user.cfg",
)
