"""Singular or plural by count, without "(s)": each caller passes two whole translated strings.

English and Dutch both have one form for 1 and another for every other count, so two tr() strings
chosen here are enough (and need no <numerusform> entries in the .ts).
"""

from __future__ import annotations


def plural(count: int, one: str, many: str) -> str:
    """*one* when *count* is 1, else *many*; ``%1`` in either becomes the count."""
    return (one if count == 1 else many).replace("%1", str(count))
