"""``newslint server``: newslint in the editor, over the Language Server Protocol.

Needs the ``server`` extra (``pip install 'newslint[server]'``, which brings pygls and
lsprotocol).  Only ``newslint server`` imports this package; the linter never does.
"""

from __future__ import annotations

from .app import build, serve

__all__ = ["build", "serve"]
