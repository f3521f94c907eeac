"""The corpus scan (`duidu scan`, Trace → Scan library…): every pair of library speeches sharing copied
prose, measured once and stored in the library for the copy network.

`app.core.scan` holds the pure logic (candidates, batches, confirmation), `app.store.scan_store` the
tables, `app.scan.work` what a worker runs, `app.scan.run` the client (plan, one writer, progress,
cancel) and `app.scan.cluster` the Dask part, imported only when a scan runs on Dask.
"""
