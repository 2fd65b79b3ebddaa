"""Safe YAML loading that remembers where each mapping and key came from."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from .errors import NewslintError


class LineDict(dict[str, Any]):
    """A mapping from YAML with the 1-based line of itself and of each key."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list[Any]):
    """A list from YAML with the 1-based line of each item."""

    item_lines: list[int]


@lru_cache(maxsize=1)
def _loader() -> Any:
    """The loader class; built on first use, so that a run served from the cache of loaded
    packs never imports yaml."""
    import yaml

    try:  # the C loader when libyaml is there, the pure-Python one otherwise
        base: Any = yaml.CSafeLoader
    except AttributeError:  # pragma: no cover
        base = yaml.SafeLoader

    class _Loader(base):  # type: ignore[misc]
        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:
            self.flatten_mapping(node)
            out = LineDict()
            out.line = node.start_mark.line + 1
            out.key_lines = {}
            for key_node, value_node in node.value:
                key = self.construct_object(key_node, deep=True)
                if not isinstance(key, str):
                    key = str(key)
                if key in out:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"duplicate key '{key}'", key_node.start_mark
                    )
                out[key] = self.construct_object(value_node, deep=True)
                out.key_lines[key] = key_node.start_mark.line + 1
            return out

        def construct_line_list(self, node: yaml.SequenceNode) -> Iterator[LineList]:
            out = LineList()
            out.item_lines = [item.start_mark.line + 1 for item in node.value]
            yield out  # first, as PyYAML's own lists are, so that an alias may refer to it
            out.extend(self.construct_sequence(node))

    _Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)
    _Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_line_list)
    return _Loader


def load_yaml(text: str, path: str, error: type[NewslintError] = NewslintError) -> Any:
    """Parse YAML safely; a syntax error becomes ``error`` naming the file and line."""
    import yaml

    try:
        return yaml.load(text, Loader=_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = _explain(exc.problem or str(exc), text, line)
        raise error(f"invalid YAML: {what}", path, line) from None
    except yaml.YAMLError as exc:
        raise error(f"invalid YAML: {exc}", path) from None
    except RecursionError:
        raise error("invalid YAML: lists or mappings nested too deeply", path) from None


_TAG = re.compile(r"constructor for the tag '([^']*)'")


def _explain(problem: str, text: str, line: int | None) -> str:
    """The parser's words, with what a person writing YAML by hand needs to know."""
    tag = _TAG.search(problem)
    if tag:  # !!python/object and the like are never constructed
        name = tag.group(1).replace("tag:yaml.org,2002:", "!!")
        return f"the tag '{name}' is not allowed (a rule file holds plain data only)"
    lines = text.splitlines()
    if line is not None and 0 < line <= len(lines) and "\t" in lines[line - 1]:
        return f"{problem} (YAML does not allow tabs for indenting: use spaces)"
    return problem
