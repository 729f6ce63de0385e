"""Batch audits of archives: streaming inputs, worker processes or Dask, a SQLite store.

`inputs` turns paths into a stream of Items (raw bytes or record text plus a content
hash); `work` turns an Item into a result row in a worker; `store` keeps results and
decides what a re-run may skip; `local` and `dask_engine` drive the workers; `summary`
writes the auditor's report from the store.
"""
