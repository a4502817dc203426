"""Benchmarks run by `python manage.py benchmark`: each module here defines `run(*, out, options)`
that measures one capability and writes its figures to `out` (a management command's stdout)."""
