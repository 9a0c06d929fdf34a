"""Use cases over the client and the store. No widgets; callable from a worker thread or the CLI."""
