"""Windows, Qt item models, wizards and dialogs. The only layer that imports QtWidgets."""

# Before any window exists: protects against reference-count bugs of some Qt binding releases.
from compass_desk.gui import qtfix as _qtfix  # noqa: F401
