"""Django's JSON serializer, keeping datetimes to the microsecond.

Django's own truncates them to milliseconds, so a backup would not restore the exact time of each
progress update and audit record (and records made within one millisecond would tie). Registered
as the "json" format in settings.SERIALIZATION_MODULES: dumpdata and loaddata use it; files it
writes are ordinary fixtures any Django can read.
"""

import datetime

from django.core.serializers.json import Deserializer, DjangoJSONEncoder
from django.core.serializers.json import Serializer as DjangoJSONSerializer

__all__ = ["Serializer", "Deserializer"]


class PreciseJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(DjangoJSONSerializer):
    def start_serialization(self):
        super().start_serialization()
        self.json_kwargs["cls"] = PreciseJSONEncoder
