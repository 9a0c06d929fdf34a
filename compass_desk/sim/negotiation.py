"""``Accept`` negotiation between the API versions the simulator serves (v3 and v2)."""

from __future__ import annotations

MEDIA_TYPES = {
    "v3": "application/vnd.iperity.compass.v3+json",
    "v2": "application/vnd.iperity.compass.v2+json",
}
PREFERENCE = ("v3", "v2")  # on equal q-values the newest wins


def _parse(header: str) -> list[tuple[str, float]]:
    ranges: list[tuple[str, float]] = []
    for part in header.split(","):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        q = 1.0
        for param in pieces[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value.strip())
                except ValueError:
                    q = 0.0
        ranges.append((media, max(0.0, min(q, 1.0))))
    return ranges


def negotiate(header: str | None) -> str | None:
    """The version to serve ("v3"/"v2"), or None when no offered range accepts one (406)."""
    if header is None or not header.strip():
        return PREFERENCE[0]  # no Accept: anything is acceptable
    ranges = _parse(header)
    best: tuple[float, int, str] | None = None
    for rank, version in enumerate(PREFERENCE):
        media = MEDIA_TYPES[version]
        # The most specific matching range decides the q-value of this version (RFC 9110 §12.5.1).
        q: float | None = None
        specificity = -1
        for offered, value in ranges:
            if offered == media:
                level = 2
            elif offered in ("application/*", "*/*"):
                level = 1 if offered == "application/*" else 0
            else:
                continue
            if level > specificity:
                specificity, q = level, value
        if q is not None and q > 0 and (best is None or (q, -rank) > (best[0], best[1])):
            best = (q, -rank, version)
    return best[2] if best else None
