"""Reading councils' own plan spreadsheets: pure functions from workbook rows to plain data.

`files` checks an upload is a workbook we can safely open, `cleaning` turns one cell's text into
owners, sources, RAGs and dates, `reading` finds the header and walks the rows. Nothing here
touches the database: `plans.services.importing` writes.
"""
