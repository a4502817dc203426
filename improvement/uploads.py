"""Checks for uploaded files, for every upload form: size, type and a safe file name.

Use in a form's clean_<field>():

    def clean_workbook(self):
        return validate_upload(self.cleaned_data["workbook"], kinds=[SPREADSHEET])
"""

import os
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat


@dataclass(frozen=True)
class UploadKind:
    description: str
    extensions: tuple
    signatures: tuple  # leading bytes a genuine file of this kind starts with


SPREADSHEET = UploadKind("an Excel workbook (.xlsx)", (".xlsx",), (b"PK\x03\x04",))
CSV = UploadKind("a CSV file (.csv)", (".csv",), ())
PDF = UploadKind("a PDF (.pdf)", (".pdf",), (b"%PDF-",))


def safe_file_name(name):
    """The base name only, without folders, control characters or bidirectional overrides."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\\", "/").split("/")[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = name.strip().lstrip(".")
    return name[:200]


def validate_upload(upload, *, kinds, max_bytes=None):
    """Return the upload if it is one of `kinds`, not empty and not too big; else ValidationError."""
    max_bytes = max_bytes or settings.MAX_UPLOAD_BYTES
    wanted = " or ".join(kind.description for kind in kinds)
    if upload is None:
        raise ValidationError(f"Select {wanted}")
    name = safe_file_name(upload.name)
    extension = os.path.splitext(name)[1].lower()
    kind = next((k for k in kinds if extension in k.extensions), None)
    if kind is None:
        raise ValidationError(f"The selected file must be {wanted}")
    if upload.size == 0:
        raise ValidationError("The selected file is empty")
    if upload.size > max_bytes:
        raise ValidationError(f"The selected file must be smaller than {filesizeformat(max_bytes)}")
    if kind.signatures:
        position = upload.tell() if hasattr(upload, "tell") else 0
        upload.seek(0)
        head = upload.read(8)
        upload.seek(position)
        if not any(head.startswith(signature) for signature in kind.signatures):
            raise ValidationError(f"The selected file is not {kind.description}: it may be damaged or renamed")
    upload.name = name
    return upload
