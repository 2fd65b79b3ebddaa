"""Character references (``&amp;``, ``&rsquo;``, ``&#8217;``) as the checks see them.

The HTML and Markdown readers find references by their own rules; both decode one here, so a
reference reads the same in either format.
"""

from __future__ import annotations

import html

_WHITE_SPACE = str.maketrans("\t\n\r\f\v", " " * 5)


def read_reference(written: str) -> str | None:
    """The characters the reference ``written`` stands for, as the view holds them: a decoded
    line break or tab is a space (the view's line breaks stay those of the text), and there are
    no more characters than ``written`` has.  ``None`` for an unknown name, left as written."""
    decoded = html.unescape(written)
    if decoded == written:
        return None
    return decoded.translate(_WHITE_SPACE)[: len(written)]
