"""Names and titles as people type them, made safe to save and to compare.

Text typed into a name or a title (owner roles, agencies, sources, plans, themes, actions) is
normalised before it is saved and before it is matched: Unicode NFC, invisible and bidirectional
control characters removed (a zero-width space counts as a space), runs of spaces collapsed. Two
names are the same when their normalised forms are equal ignoring case (name_key), so
"Head\u200bof Probation" or a right-to-left override cannot make a look-alike of a real role.
"""

import re
import unicodedata

# Invisible characters that separate words: read as a space.
_INVISIBLE_SPACES = {"\u200b", "\u2060", "\ufeff", "\u180e"}
_SPACES = re.compile(r"\s+")


def _visible(char):
    if char in _INVISIBLE_SPACES:
        return " "
    category = unicodedata.category(char)
    if category == "Cf":  # format characters: bidirectional controls, zero-width joiners, soft hyphen...
        return ""
    if category == "Cc":  # control characters: tabs and line breaks become spaces, the rest go
        return " " if char.isspace() else ""
    return char


def normalise_name(value):
    """The name as it is saved: NFC, no invisible or bidirectional control characters, single spaces."""
    text = unicodedata.normalize("NFC", str(value or ""))
    return _SPACES.sub(" ", "".join(_visible(char) for char in text)).strip()


def name_key(value):
    """What two names are compared by: the normalised name, ignoring case."""
    return normalise_name(value).casefold()
