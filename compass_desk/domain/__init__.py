"""Pure domain model of Compass Desk: no Qt, no httpx, no file or network I/O."""
