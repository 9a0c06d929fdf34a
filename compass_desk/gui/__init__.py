"""Windows, Qt item models, wizards and dialogs. The only layer that imports QtWidgets."""

