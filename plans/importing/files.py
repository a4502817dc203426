"""Checks that an uploaded file is a workbook we can open safely, before openpyxl sees it.

Each problem raises ImportFileError with one message in the admin's words.
"""
import zipfile

from django.conf import settings

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A real plan is a few MB unpacked; a zip bomb is gigabytes. Generous, but bounded.
MAX_UNPACKED_BYTES = 250 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200


class ImportFileError(ValueError):
    """A file we will not read; the message names the problem for the person who uploaded it."""


def check_workbook_file(fileobj, *, name="", size=None, max_bytes=None):
    """Raise ImportFileError unless `fileobj` (a binary file, seekable) looks like a safe .xlsx."""
    max_bytes = max_bytes or settings.MAX_UPLOAD_BYTES
    lower = (name or "").lower()
    if size is None:
        fileobj.seek(0, 2)
        size = fileobj.tell()
    fileobj.seek(0)
    if size == 0:
        raise ImportFileError("The file is empty. Choose the Excel file (.xlsx) that holds your plan.")
    if size > max_bytes:
        raise ImportFileError(
            f"The file is too big ({size / 1024 / 1024:.1f} MB). The largest file you can import is "
            f"{max_bytes / 1024 / 1024:.0f} MB."
        )
    head = fileobj.read(8)
    fileobj.seek(0)
    if head == OLE_SIGNATURE:
        if _is_encrypted_ole(fileobj):
            raise ImportFileError(
                "The file is protected with a password. Remove the password in Excel (File, Info, "
                "Protect Workbook), save it and upload it again."
            )
        raise ImportFileError(
            "The file is in the old Excel format (.xls). Open it in Excel, save it as an Excel "
            "Workbook (.xlsx) and upload that."
        )
    if lower.endswith((".xlsm", ".xltm", ".xlam")):
        raise ImportFileError("The file contains macros (.xlsm). Save it as an Excel Workbook (.xlsx) without macros and upload that.")
    if not zipfile.is_zipfile(fileobj):
        fileobj.seek(0)
        raise ImportFileError("The file is not an Excel spreadsheet. Choose an Excel Workbook (.xlsx).")
    fileobj.seek(0)
    try:
        with zipfile.ZipFile(fileobj) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
                raise ImportFileError("The file is not an Excel spreadsheet. Choose an Excel Workbook (.xlsx).")
            unpacked = sum(info.file_size for info in infos)
            packed = sum(info.compress_size for info in infos) or 1
            if unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_COMPRESSION_RATIO:
                raise ImportFileError(
                    "The file unpacks to far more data than a plan holds, so it was not opened. "
                    "Save the plan again from Excel and upload that."
                )
            content_types = archive.read("[Content_Types].xml")
            if any(n.lower().endswith("vbaproject.bin") for n in names) or b"macroEnabled" in content_types:
                raise ImportFileError(
                    "The file contains macros. Save it as an Excel Workbook (.xlsx) without macros and upload that."
                )
    except zipfile.BadZipFile:
        raise ImportFileError("The file is damaged or not an Excel spreadsheet. Save it again from Excel and upload that.")
    finally:
        fileobj.seek(0)


def _is_encrypted_ole(fileobj):
    """Password-protected .xlsx files are OLE containers holding an "EncryptedPackage" stream."""
    fileobj.seek(0)
    data = fileobj.read(4 * 1024 * 1024)
    fileobj.seek(0)
    return "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data
