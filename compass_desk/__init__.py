"""Compass Desk: install and support Snom and Yealink desk phones on the Compass cloud PBX."""

from importlib import metadata

try:
    __version__ = metadata.version("compass-desk")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

APP_NAME = "Compass Desk"
APP_ID = "compass-desk"
USER_AGENT = f"compass-desk/{__version__}"
