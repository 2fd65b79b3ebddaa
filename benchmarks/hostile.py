"""Time per MB of hostile drafts at two sizes, to show that each shape costs linear time.

    python benchmarks/hostile.py [--small KB] [--large KB] [--style PACK ...] [--shape NAME ...]
    python benchmarks/hostile.py --issue     # the sizes the issue names: a 5 MB line, a 50 MB draft
    python benchmarks/hostile.py --linear [--corpus DIR] [--sizes MB ...]   # the linearity table

Each shape is built at run time from made-up sentences; each is read and linted in this process
(decode, parse, every rule), as ``newslint`` does for one file.  The last column is the ratio of
the seconds per MB at the large size to those at the small one: about 1 for linear time, about
``large / small`` for quadratic time.

``--linear`` prints, for each shape at each size (0.1, 1 and 10 MB unless ``--sizes`` says), the
seconds per MB of the text as one draft and of the same text as ordinary articles: cut at the
paragraph (or line, or space) nearest every ``--article`` KB (3 KB, a news story), each piece
read and linted as a file of its own.  The last column is their ratio, which linear time keeps
near 1 whatever the size.  Besides the made-up shapes come lists and block quotes nested 3,000
levels deep, and with ``--corpus`` (a folder of articles such as the BBC corpus) the whole
corpus as one draft, repeated to reach the larger sizes: its articles are its own; and
``corpus-emoji``, the same with one emoji in its first paragraph.  Before the table each shape
is linted once as a 60 KB draft and as its articles, so that patterns compiled on first use are
not counted; before each measure the last draft's leftovers are freed (see :func:`settle`); under
1 MB each figure is the least of three runs.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import sys
import time
from collections.abc import Callable, Iterator

from newslint import load_style
from newslint.runner import lint_bytes
from newslint.style import Style

SENTENCES = (
    "The council said the new bridge over the river would open in March.",
    "Residents of the village had waited nine years for the work to start.",
    '"We are pleased it is finally happening," said the leader of the council, Ann Pike.',
    "The cost rose from £4m to £6.5m after the first contractor went bust (in 2019).",
    "Mr Pike's deputy, who asked not to be named, said: 'It has been a long road.'",
    "A spokesman for the contractor did not reply to a request for comment.",
)


def prose(size: int, *, paragraph: int = 4) -> str:
    """Paragraphs of ``paragraph`` sentences, a headline first, about ``size`` characters."""
    out = ["Bridge to open after nine-year wait\n\n"]
    total = len(out[0])
    n = 0
    while total < size:
        para = " ".join(SENTENCES[(n + k) % len(SENTENCES)] for k in range(paragraph)) + "\n\n"
        out.append(para)
        total += len(para)
        n += 1
    return "".join(out)[:size]


def long_line(size: int) -> str:
    """One line of prose with no line break at all."""
    return prose(size + 100).replace("\n", " ")[:size]


def nested_lists(size: int, depth: int = 500) -> str:
    """Markdown lists nested ``depth`` levels deep, again and again."""
    block = "".join("  " * level + "- item at this level\n" for level in range(depth)) + "\n"
    return "# Lists\n\n" + block * max(1, size // len(block))


def deep_lists(size: int, depth: int = 3000) -> str:
    """Markdown lists nested ``depth`` levels deep on one line each, again and again."""
    block = "- " * depth + "An item, deep down.\n\n"
    return "# Lists\n\n" + block * max(1, size // len(block))


def deep_quotes(size: int, depth: int = 3000) -> str:
    """Markdown block quotes nested ``depth`` levels deep, again and again."""
    return nested_quotes(size, depth)


def nested_quotes(size: int, depth: int = 500) -> str:
    """Markdown block quotes nested ``depth`` levels deep, again and again."""
    block = "> " * depth + "A quoted line, deep down.\n\n"
    return "# Quotes\n\n" + block * max(1, size // len(block))


def quote_marks(size: int) -> str:
    """A paragraph of nothing much but quotation marks of every kind, most never closed."""
    unit = "he said \"yes 'no “maybe ‘so ’ ' \" ” 'tis "
    return "Marks\n\n" + unit * (size // len(unit))


def open_quotes(size: int) -> str:
    """A paragraph of straight single marks that each open a quotation none closes."""
    return "Marks\n\n" + " 'word" * (size // 6)


def brackets(size: int) -> str:
    """A paragraph of brackets that open and never close, with a few strays that close."""
    unit = "(a [b {c ( d ) ] "
    return "Brackets\n\n" + unit * (size // len(unit))


def blank_line(size: int) -> str:
    """A headline and one line of nothing but spaces and tabs."""
    return "Spaces\n\n" + " \t" * (size // 2)


def backticks(size: int) -> str:
    """Markdown with one paragraph of backticks, asterisks and brackets that never close."""
    unit = "a `b *c _d [e <!-- f "
    return "# Marks\n\n" + unit * (size // len(unit))


def html_nesting(size: int, depth: int = 500) -> str:
    """HTML with elements nested ``depth`` deep, with text at every level, again and again."""
    block = "".join(f"<div><p>Level {n} text.</p>" for n in range(depth)) + "</div>" * depth
    return "<h1>Deep</h1>\n" + (block + "\n") * max(1, size // len(block))


def html_unclosed(size: int) -> str:
    """HTML whose paragraphs are never closed, with character references everywhere."""
    unit = "<p>Caf&eacute; &amp; bar &#8217;s &rsquo;t <b>bold <i>it "
    return "<h1>Open</h1>\n" + unit * (size // len(unit))


def figures_line(size: int) -> str:
    """One HTML paragraph, never broken, of small figures, sums, dates and times with references
    and tags between their words."""
    unit = (
        "Police held 3 men, 4&nbsp;women and 5 <b>children</b> for 2&nbsp;per cent of "
        "£4.5&nbsp;million on 13&nbsp;<i>February</i> at 8:28&nbsp;AM. "
    )
    return "<h1>Figures</h1>\n<p>" + unit * (size // len(unit))


SHAPES: dict[str, tuple[Callable[[int], str], str]] = {
    "draft": (prose, "text"),
    "long-line": (long_line, "text"),
    "nested-lists": (nested_lists, "markdown"),
    "nested-quotes": (nested_quotes, "markdown"),
    "quote-marks": (quote_marks, "text"),
    "open-quotes": (open_quotes, "text"),
    "brackets": (brackets, "text"),
    "blank-line": (blank_line, "text"),
    "md-unclosed": (backticks, "markdown"),
    "html-nesting": (html_nesting, "html"),
    "html-unclosed": (html_unclosed, "html"),
    "figures-line": (figures_line, "html"),
}


LINEAR_SHAPES: dict[str, tuple[Callable[[int], str], str]] = {
    **SHAPES,
    "lists-3000": (deep_lists, "markdown"),
    "quotes-3000": (deep_quotes, "markdown"),
}


def corpus_draft(folder: str) -> Callable[[int], str]:
    """The articles of ``folder`` (its ``*.txt`` files, in name order) one after another, as
    one draft of about ``size`` characters: the corpus again and again past its own size."""
    texts = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".txt") and name != "README.TXT":
                with open(os.path.join(root, name), encoding="utf-8", errors="replace") as fh:
                    texts.append(fh.read().strip() + "\n\n")

    def make(size: int) -> str:
        out: list[str] = []
        total = 0
        while total < size:
            text = texts[len(out) % len(texts)]
            out.append(text)
            total += len(text)
        return "".join(out)

    return make


def with_emoji(make: Callable[[int], str]) -> Callable[[int], str]:
    """The drafts of ``make`` with one emoji (a character outside the plain set of
    ``twin.py``) in the first paragraph that has a full stop."""

    def made(size: int) -> str:
        text = make(size)
        at = text.find(". ") + 1
        return text[:at] + " \U0001f600" + text[at:]

    return made


_HEAD = re.compile(r"[^\n]*\n(?:\n|(?:<[a-z]+>)*)")


def articles(text: str, size: int) -> Iterator[str]:
    """``text`` cut into pieces of about ``size`` characters, each at the first paragraph
    break past ``size`` (else a line break, else a space) within another ``size``.  Each piece
    but the first begins with the draft's headline (and, in HTML, the tags that open the text
    after it), as an article would: it is read as the same kind of prose."""
    head = _HEAD.match(text)
    heading = head.group() if head else ""
    pos = 0
    while pos < len(text):
        cut = len(text)
        if pos + size < len(text):
            for mark in ("\n\n", "\n", " "):
                found = text.find(mark, pos + size, pos + 2 * size)
                if found >= 0:
                    cut = found + len(mark)
                    break
            else:
                cut = pos + size
        yield text[pos:cut] if pos == 0 else heading + text[pos:cut]
        pos = cut


def linear_table(args: argparse.Namespace, style: Style) -> None:
    shapes = dict(LINEAR_SHAPES)
    if args.corpus:
        shapes["corpus"] = (corpus_draft(args.corpus), "text")
        shapes["corpus-emoji"] = (with_emoji(corpus_draft(args.corpus)), "text")
    names = args.shape or list(shapes)
    for name in names:  # patterns compiled on first use are not counted against a shape
        make, fmt = shapes[name]  # (nor those a long draft alone needs)
        warm = make(60_000)
        measure(warm, fmt, style)
        for piece in articles(warm, args.article * 1000):
            measure(piece, fmt, style)
    print(
        f"{'shape':<14} {'size':>8} {'draft s':>8} {'s/MB':>6} "
        f"{'articles s':>10} {'s/MB':>6} {'ratio':>6}"
    )
    for name in names:
        make, fmt = shapes[name]
        for mb in args.sizes:
            text = make(int(mb * 1_000_000))
            size = len(text.encode("utf-8")) / 1e6
            # A draft under 1 MB takes a tenth of a second or so, which the load moves more
            # than its shape: the least of a few runs each.
            draft = pieces = float("inf")
            for _ in range(1 if size >= 1 else 3):
                settle(fmt, style)
                draft = min(draft, measure(text, fmt, style)[0])
                settle(fmt, style)
                pieces = min(
                    pieces,
                    sum(measure(p, fmt, style)[0] for p in articles(text, args.article * 1000)),
                )
            print(
                f"{name:<14} {size:6.2f}MB {draft:8.2f} {draft / size:6.2f} "
                f"{pieces:10.2f} {pieces / size:6.2f} {draft / pieces:6.2f}",
                flush=True,
            )


def settle(fmt: str, style: Style) -> None:
    """Free what the drafts before left (the last draft's words and sentences, kept for the
    next rule, and their garbage), so that it is counted against neither a draft nor its
    articles."""
    measure("Nothing.\n" * 2_000, fmt, style)
    gc.collect()


def measure(text: str, fmt: str, style: Style) -> tuple[float, int]:
    """CPU seconds to read and lint ``text`` as a file of format ``fmt`` (the figures hold on
    a busy machine), and the violations."""
    data = text.encode("utf-8")
    start = time.process_time()
    _, _, violations = lint_bytes(data, f"draft.{fmt}", style, format=fmt)
    return time.process_time() - start, len(violations)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--small", type=int, default=250, metavar="KB", help="small size (250 KB)")
    p.add_argument("--large", type=int, default=1000, metavar="KB", help="large size (1,000 KB)")
    p.add_argument("--style", action="append", default=[], metavar="PACK")
    p.add_argument(
        "--shape",
        action="append",
        default=[],
        choices=sorted([*LINEAR_SHAPES, "corpus", "corpus-emoji"]),
    )
    p.add_argument(
        "--issue", action="store_true", help="the issue's sizes: 1 and 5 MB; 10 and 50 MB drafts"
    )
    p.add_argument("--linear", action="store_true", help="one draft against articles, by size")
    p.add_argument("--corpus", metavar="DIR", help="with --linear: a folder of articles")
    p.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1.0, 10.0], metavar="MB")
    p.add_argument("--article", type=int, default=3, metavar="KB", help="article size (3 KB)")
    args = p.parse_args(argv)
    style = load_style(args.style or ["core", "uk-news"])
    if args.linear:
        linear_table(args, style)
        return 0
    shapes = args.shape or list(SHAPES)
    print(f"{'shape':<14} {'size':>9} {'seconds':>8} {'s/MB':>7} {'found':>8} {'ratio':>6}")
    for name in shapes:
        make, fmt = LINEAR_SHAPES[name]
        small, large = args.small * 1000, args.large * 1000
        if args.issue:
            small, large = (10_000_000, 50_000_000) if name == "draft" else (1_000_000, 5_000_000)
        per_mb = []
        for size in (small, large):
            text = make(size)
            seconds, found = measure(text, fmt, style)
            mb = len(text.encode("utf-8")) / 1e6
            per_mb.append(seconds / mb)
            ratio = f"{per_mb[1] / per_mb[0]:6.2f}" if len(per_mb) == 2 else ""
            print(
                f"{name:<14} {mb:7.2f}MB {seconds:8.2f} {seconds / mb:7.2f} {found:8d} {ratio}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
