"""Benchmarks of the audits app, run by `python manage.py benchmark` (see plans/benchmarks)."""
