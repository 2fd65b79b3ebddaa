"""``newslint server`` in a real editor: Neovim's built-in LSP client, run headless.

Neovim 0.7 (Debian's) has ``vim.lsp.start_client`` and ``vim.lsp.buf_attach_client``; the
script starts the server, opens a draft, waits for its diagnostics, asks for the code actions
at the flagged word, applies the preferred one and writes what it saw as JSON.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the language server needs the 'server' extra")
NVIM = shutil.which("nvim")
pytestmark = pytest.mark.skipif(
    NVIM is None, reason="Neovim is not installed (apt-get install neovim; .ci/run does)"
)

DRAFT = "# Café news\n\nThe naïve 😀 driver hit the curb  today.\n"
CONFIG = "extends: [core]\nrules: [house]\n"
HOUSE = """\
rules:
  - id: kerb
    type: substitution
    severity: warning
    scope: [headline, body]
    message: "Write '{replacement}', not '{found}'"
    description: The edge of the pavement is a kerb in this house.
    swap:
      curb: kerb
    examples:
      fail:
        - "The car hit the curb."
      pass:
        - "The car hit the kerb."
"""

SCRIPT = r"""
local result = {}
local function finish()
  local f = io.open(vim.env.NEWSLINT_RESULT, "w")
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd("qa!")
end
local ok, err = pcall(function()
  local id = vim.lsp.start_client({
    name = "newslint",
    cmd = vim.fn.json_decode(vim.env.NEWSLINT_CMD),
    root_dir = vim.fn.getcwd(),
  })
  vim.cmd("edit draft.md")
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, id)
  vim.wait(8000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result.diagnostics, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source,
      code = d.user_data.lsp.code,
    })
  end
  table.sort(result.diagnostics, function(a, b) return a.col < b.col end)
  vim.api.nvim_win_set_cursor(0, {3, 32})
  local client = vim.lsp.get_client_by_id(id)
  local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
  params.context = {diagnostics = {}}
  local answers = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 8000)
  result.titles = {}
  for _, answer in pairs(answers or {}) do
    for _, action in ipairs(answer.result or {}) do
      table.insert(result.titles, action.title)
      if action.isPreferred then
        vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
      end
    end
  end
  result.lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
end)
if not ok then result.error = tostring(err) end
finish()
"""


def test_neovim_shows_the_diagnostics_and_applies_the_fix(tmp_path: Path) -> None:
    assert NVIM is not None
    (tmp_path / "newslint.yaml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "streets.yaml").write_text(HOUSE, encoding="utf-8")
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "test.lua").write_text(SCRIPT, encoding="utf-8")
    out = tmp_path / "result.json"
    env = {
        "NEWSLINT_RESULT": str(out),
        "NEWSLINT_CMD": json.dumps([sys.executable, "-m", "newslint", "server"]),
    }
    subprocess.run(
        [NVIM, "--headless", "--clean", "-n", "-i", "NONE", "-c", "luafile test.lua"],
        cwd=tmp_path,
        env={**os.environ, **env},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=30,
        check=False,
    )
    result = json.loads(out.read_text(encoding="utf-8"))
    assert "error" not in result, result["error"]
    # Neovim counts columns in bytes: "The naïve 😀 driver hit the " is 31 bytes.
    assert result["diagnostics"] == [
        {
            "lnum": 2,
            "col": 31,
            "end_lnum": 2,
            "end_col": 35,
            "severity": 2,
            "message": "Write 'kerb', not 'curb'",
            "source": "newslint",
            "code": "house.kerb",
        },
        {
            "lnum": 2,
            "col": 35,
            "end_lnum": 2,
            "end_col": 37,
            "severity": 2,
            "message": "More than one space between words",
            "source": "newslint",
            "code": "core.multiple-spaces",
        },
    ]
    assert result["titles"] == [
        "Write 'kerb'",
        "Disable house.kerb for this line",
        "Fix all newslint violations",
    ]
    assert result["lines"][2] == "The naïve 😀 driver hit the kerb  today."
