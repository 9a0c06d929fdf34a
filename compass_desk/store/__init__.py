"""Local state under platformdirs: cache, operations journal, audit log, settings, secrets."""
