"""Multi-agency case audits (programmes, standards, judgements, lessons)."""
