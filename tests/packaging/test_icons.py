"""The packaged icons: rendered from the app's own SVG, every size present, ICO and ICNS readable."""

from __future__ import annotations

import struct

import pytest
from pkg_helpers import ICONS, ROOT, load_render_icons

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def render_icons():
    return load_render_icons()


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_MAGIC
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _image(data: bytes):
    from PySide6.QtGui import QImage

    image = QImage.fromData(data)
    assert not image.isNull()
    return image


def _difference(first, second) -> float:
    """Mean absolute difference per channel (0..255) of two same-size images."""
    assert first.size() == second.size()
    total = 0
    for y in range(first.height()):
        for x in range(first.width()):
            a, b = first.pixelColor(x, y), second.pixelColor(x, y)
            total += sum(abs(p - q) for p, q in zip(a.getRgb(), b.getRgb(), strict=True))
    return total / (first.width() * first.height() * 4)


def test_scalable_icon_is_the_app_icon(render_icons):
    packaged = ICONS / "hicolor" / "scalable" / "apps" / "compass-desk.svg"
    assert packaged.read_bytes() == (ROOT / "resources" / "icons" / "app.svg").read_bytes()


def test_every_png_size_is_present_and_square(render_icons):
    for size in render_icons.PNG_SIZES:
        data = (ICONS / "hicolor" / f"{size}x{size}" / "apps" / "compass-desk.png").read_bytes()
        assert _png_size(data) == (size, size)
    assert min(render_icons.PNG_SIZES) == 16 and max(render_icons.PNG_SIZES) == 512


def test_committed_pngs_match_a_fresh_render(qapp, render_icons):
    # Fails when app.svg changed and render_icons.py was not run again.
    for size in (16, 48, 128):
        committed = _image((ICONS / "hicolor" / f"{size}x{size}" / "apps" / "compass-desk.png").read_bytes())
        fresh = _image(render_icons.render_png(render_icons.SOURCE, size))
        assert _difference(committed, fresh) < 2.0, size


def test_icon_is_not_blank(qapp, render_icons):
    image = _image(render_icons.render_png(render_icons.SOURCE, 64))
    colours = {image.pixel(x, y) for x in range(0, 64, 2) for y in range(0, 64, 2)}
    assert len(colours) > 4
    assert image.pixelColor(32, 32).alpha() == 255  # opaque in the middle, not an empty canvas


def test_ico_holds_every_windows_size(render_icons):
    data = (ICONS / "compass-desk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(render_icons.ICO_SIZES))
    sizes = []
    for index in range(count):
        width, height, _c, _r, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index: 22 + 16 * index])
        blob = data[offset: offset + length]
        assert len(blob) == length and (planes, bits) == (1, 32)
        actual = _png_size(blob)
        assert actual == ((width or 256), (height or 256))
        sizes.append(actual[0])
    assert sizes == sorted(render_icons.ICO_SIZES)
    assert 256 in sizes  # Windows uses it for large icons in Explorer


def test_icns_holds_every_macos_size(render_icons):
    data = (ICONS / "compass-desk.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    found, pos = {}, 8
    while pos < len(data):
        kind, length = data[pos: pos + 4], struct.unpack(">I", data[pos + 4: pos + 8])[0]
        found[kind] = _png_size(data[pos + 8: pos + length])[0]
        pos += length
    assert pos == len(data)
    assert found == {kind: size for kind, size in render_icons.ICNS_TYPES}
    assert found[b"ic10"] == 1024  # the 512@2x Retina image


def test_qt_reads_the_ico_and_icns_files(qapp):
    from PySide6.QtGui import QImageReader

    for name, fmt, count in (("compass-desk.ico", b"ico", 7), ("compass-desk.icns", b"icns", None)):
        if fmt not in QImageReader.supportedImageFormats():
            pytest.skip(f"this Qt has no {fmt.decode()} plugin")
        reader = QImageReader(str(ICONS / name), fmt)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        if count is not None:
            assert reader.imageCount() == count


def test_builder_writes_the_same_files(tmp_path, qapp, render_icons):
    written = render_icons.build(out=tmp_path)
    assert len(written) == 1 + len(render_icons.PNG_SIZES) + 2
    assert (tmp_path / "compass-desk.ico").read_bytes()[:6] == (ICONS / "compass-desk.ico").read_bytes()[:6]
    assert render_icons.ico_bytes({16: b"x"})[6:8] == bytes([16, 16])
    assert render_icons.ico_bytes({256: b"x"})[6:8] == bytes([0, 0])  # 0 means 256 in an ICO directory
