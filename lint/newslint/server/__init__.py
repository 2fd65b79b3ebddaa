"""``newslint server``: newslint in the editor, over the Language Server Protocol.

Needs the ``server`` extra (``pip install 'newslint[server]'``, which brings pygls and
lsprotocol).  Only ``newslint server`` imports this package; the linter never does.
The protocol's side is in :mod:`.app` (the handlers) and :mod:`.state` (scheduling), the only
modules that import pygls; :mod:`.drafts`, :mod:`.positions` and :mod:`.hover` are newslint's
side and import nothing from it.
"""
