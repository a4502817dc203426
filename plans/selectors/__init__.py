"""Composed reads for one page each; they return querysets or plain data, never render. One module
an area: progress, structure, reporting, round, coordination; status holds the status rules."""
