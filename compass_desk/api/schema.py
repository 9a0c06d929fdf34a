"""Every Compass API path, media type and JSON field name, and the JSON <-> domain mapping.

The phone and provisioning endpoints are this project's *contract* (see compass-api.md). The day the
real schema is at hand, these are the files to change, by job:

- ``schema_wire``: media types, headers, paths, operations, JSON field names;
- ``schema_read``: JSON -> domain, the parsers of answers (unknown fields ignored, a missing
  required one is an :class:`UnexpectedResponseError`);
- ``schema_write``: domain -> JSON, the bodies of writes.

The rest of the app imports all of them from here (``from compass_desk.api import schema``).
"""

from __future__ import annotations

# Star imports on purpose: every public name of the three modules is this module's, by job.
from compass_desk.api.schema_read import *  # noqa: F403
from compass_desk.api.schema_wire import *  # noqa: F403
from compass_desk.api.schema_write import *  # noqa: F403
