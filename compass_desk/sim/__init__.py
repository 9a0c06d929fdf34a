"""A Compass API simulator: a real HTTP server on loopback. Imports only ``domain``."""
