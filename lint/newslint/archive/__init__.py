"""Working on an archive rather than a draft: proposing a house style from published copy
(``newslint suggest``), one spelling across a batch of drafts (``--across-files``), running on a
Dask cluster (``--executor dask``) and a progress bar for long runs.

The plain ``newslint`` command never imports this package unless one of those is asked for, so
its start-up does not pay for it.
"""
