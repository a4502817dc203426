"""RAG ratings written only as a cell's fill colour.

A plan that rates by colour alone usually says what its colours mean somewhere: a key above the
table ("Key: [blue] Complete [green] On track ..."), a legend block beside or below it, or a
"Key"/"Legend" sheet ("[fill] Red – off track"). `learn_key` reads such rows into a key of the
sheet's (or workbook's) own shades, so a council's custom purple for "Complete" or dark orange for
"At risk" map as the council meant. Without a key, `colour_rag` maps a colour by its hue to the
five-point scale (blue, green, amber/yellow/orange, red/pink, grey); a colour it cannot place
(purple, black, brown-black) is reported, never guessed. Theme colours ("Green, Accent 6, lighter
40 %") are resolved from the workbook's own theme, with their tint.

Only cells that need it are looked at: a key row, rows above the header, a legend beside the table,
and a RAG cell that is empty (so the row stream stays cheap).
"""

import colorsys
import re

from plans.rag import Rag

# Excel's theme colour index → the clrScheme element it names (the first two pairs are swapped).
_THEME_ORDER = [
    "lt1",
    "dk1",
    "lt2",
    "dk2",
    "accent1",
    "accent2",
    "accent3",
    "accent4",
    "accent5",
    "accent6",
    "hlink",
    "folHlink",
]
_OFFICE_THEME = {
    "lt1": "FFFFFF",
    "dk1": "000000",
    "lt2": "E7E6E6",
    "dk2": "44546A",
    "accent1": "4472C4",
    "accent2": "ED7D31",
    "accent3": "A5A5A5",
    "accent4": "FFC000",
    "accent5": "5B9BD5",
    "accent6": "70AD47",
    "hlink": "0563C1",
    "folHlink": "954F72",
}
_SCHEME_COLOUR = re.compile(
    rb"<a:(dk1|lt1|dk2|lt2|accent[1-6]|hlink|folHlink)>\s*<a:(?:srgbClr\s+val|sysClr\s[^>]*?lastClr)=\"([0-9A-Fa-f]{6})\"",
    re.S,
)

# Excel's standard RAG shades (and the "Good", "Neutral", "Bad" cell styles): matched exactly first.
STANDARD = {
    Rag.BLUE: ["0070C0", "00B0F0", "0000FF", "1D70B8", "9BC2E6", "BDD7EE", "DDEBF7", "8EA9DB", "4472C4", "5B9BD5"],
    Rag.GREEN: ["00B050", "00FF00", "92D050", "008000", "00703C", "C6EFCE", "A9D08E", "70AD47", "C6E0B4", "E2EFDA"],
    Rag.AMBER: [
        "FFC000",
        "FFBF00",
        "FFA500",
        "FFFF00",
        "FFDD00",
        "F47738",
        "FFEB9C",
        "FFD966",
        "FFE699",
        "F4B084",
        "ED7D31",
        "FFF2CC",
    ],
    Rag.RED: ["FF0000", "C00000", "D4351C", "FFC7CE", "FF7C80", "F8CBAD"],
    Rag.GREY: [
        "BFBFBF",
        "808080",
        "A6A6A6",
        "D9D9D9",
        "B1B4B6",
        "505A5F",
        "D0CECE",
        "AEAAAA",
        "767171",
        "E7E6E6",
        "F2F2F2",
    ],
}
_STANDARD = {rgb: rag for rag, colours in STANDARD.items() for rgb in colours}


def theme_colours(workbook):
    """[RRGGBB] by Excel's theme colour index, from the workbook's own theme (else Office's)."""
    scheme = dict(_OFFICE_THEME)
    data = getattr(workbook, "loaded_theme", None)
    if isinstance(data, (bytes, bytearray)):
        block = data.split(b"</a:clrScheme>", 1)[0]
        for name, value in _SCHEME_COLOUR.findall(block):
            scheme[name.decode()] = value.decode().upper()
    return [scheme[name] for name in _THEME_ORDER]


def _tinted(rgb, tint):
    if not tint:
        return rgb
    red, green, blue = (int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    hue, light, sat = colorsys.rgb_to_hls(red, green, blue)
    light = light * (1 + tint) if tint < 0 else light * (1 - tint) + tint
    red, green, blue = colorsys.hls_to_rgb(hue, min(1.0, max(0.0, light)), sat)
    return "".join(f"{round(part * 255):02X}" for part in (red, green, blue))


def fill_rgb(fill, theme=None):
    """ "RRGGBB" of a solid fill (an RGB, indexed or theme colour), or None when there is none."""
    if fill is None or getattr(fill, "fill_type", None) != "solid":
        return None
    return colour_rgb(fill.fgColor, theme)


def font_rgb(font, theme=None):
    """ "RRGGBB" of a cell's font colour (a "●" coloured as its rating), or None."""
    return colour_rgb(getattr(font, "color", None), theme) if font is not None else None


def colour_rgb(colour, theme=None):
    if colour is None:
        return None
    kind = colour.type
    if kind == "rgb":
        rgb = colour.rgb
        if not isinstance(rgb, str) or len(rgb) < 6:
            return None
        rgb = rgb[-6:].upper()
    elif kind == "indexed":
        from openpyxl.styles.colors import COLOR_INDEX

        if not 0 <= colour.indexed < len(COLOR_INDEX) or colour.indexed >= 64:
            return None  # 64 is "system foreground": no colour of its own
        rgb = COLOR_INDEX[colour.indexed][-6:].upper()
    elif kind == "theme":
        palette = theme or [_OFFICE_THEME[name] for name in _THEME_ORDER]
        if not 0 <= colour.theme < len(palette):
            return None
        rgb = _tinted(palette[colour.theme], colour.tint or 0)
    else:
        return None
    if not re.fullmatch(r"[0-9A-F]{6}", rgb):
        return None
    return rgb


def colour_rag(rgb):
    """(Rag or None, known): the RAG a fill colour shows with no key to say otherwise.

    White (or nearly) is no fill: (None, True). A colour of no RAG hue (purple, black) is
    (None, False): reported to the admin, not guessed.
    """
    if not rgb:
        return None, True
    rgb = rgb[-6:].upper()
    if rgb in _STANDARD:
        return _STANDARD[rgb], True
    try:
        red, green, blue = (int(rgb[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return None, False
    if min(red, green, blue) > 0xF0:
        return None, True
    hue, sat, value = colorsys.rgb_to_hsv(red / 255, green / 255, blue / 255)
    hue *= 360
    if value < 0.2:
        return None, False  # black: no RAG means it
    if sat < 0.12 or (max(red, green, blue) - min(red, green, blue)) < 24:
        return Rag.GREY, True
    if hue < 14 or hue >= 335:
        return Rag.RED, True
    if hue < 68:
        return (Rag.AMBER, True) if value >= 0.45 else (None, False)  # dark brown: not amber
    if hue < 168:
        return Rag.GREEN, True
    if hue < 255:
        return Rag.BLUE, True
    return None, False  # purple, violet, magenta


def learn_key(cells, key, *, read_status, theme=None, beside=None):
    """Learn colour → RAG from one row of a key or legend into `key` ({RRGGBB: Rag}).

    A filled cell whose own text is a status ("Complete", "Red – off track") means that status; a
    filled cell with no text means the status written next to it (to its right, else its left).
    `beside` limits the cells looked at to those from that index on (a legend beside the table).
    """
    start = beside or 0
    texts = {}
    fills = []
    for index in range(start, len(cells)):
        cell = cells[index]
        value = getattr(cell, "value", None)
        if value not in (None, ""):
            texts[index] = value
        rgb = fill_rgb(getattr(cell, "fill", None), theme)
        if rgb is not None:
            fills.append((index, rgb))
    if not fills or not texts:
        return
    for index, rgb in fills:
        candidates = [index] if index in texts else []
        if not candidates:
            candidates = [i for i in (index + 1, index + 2, index - 1) if i in texts]
        for position in candidates[:1]:
            text = texts[position]
            if not isinstance(text, str) or len(text) > 120:
                continue
            status = read_status(text)
            if status is not None and status.known and status.rag is not None:
                key.setdefault(rgb, status.rag)
