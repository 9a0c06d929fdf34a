"""The Compass REST client (httpx). Every API path and JSON field name lives in ``api.schema``."""
