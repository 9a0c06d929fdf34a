"""The "Provision this phone" wizard (issue 8): identify → pre-check → reset → wait → result.

Open it from the main window with :func:`open_reset_wizard`, or build :class:`ResetWizard` directly.
"""

from __future__ import annotations

from compass_desk.gui.reset_wizard.launch import open_reset_wizard
from compass_desk.gui.reset_wizard.wizard import PageId, ResetWizard

__all__ = ["PageId", "ResetWizard", "open_reset_wizard"]
