#!/usr/bin/env python3
"""Open .xlsx files in LibreOffice Calc (headless, through UNO) and print what Calc sees: one JSON object a file.

An independent spreadsheet engine for the tests: the workbook is loaded by LibreOffice's own OOXML import, every
formula is recalculated (the profile says "always recalculate OOXML on load" AND calculateAll() runs after loading,
so the cached results written into the file are never trusted), and then read back cell by cell.

Usage: /usr/bin/python3 inspect.py FILE.xlsx... [--max-cells N] [--timeout SECONDS]
                                             [--no-calculate-all | --trust-cached-results]
       /usr/bin/python3 inspect.py --serve [--timeout SECONDS] [--trust-cached-results] [--shared PATH --owner PID]

Needs python3-uno (on Debian: /usr/bin/python3, not a pyenv python) and soffice (libreoffice-calc-nogui).
One soffice serves all the files given (starting it takes ~5-7 s; a file then takes well under a second).
Output on stdout: one line of JSON per file, in the order given:
  {"file", "engine": {"product", "version", "ooxmlRecalcMode", "calculateAll"}, "elapsedMs",
   "sheets": [{"name", "index", "visibility": "visible"|"hidden", "protected", "frozenRows", "frozenColumns",
               "printLandscape", "paper": "A4"|"A3"|"A5"|"Letter"|"Legal"|null, "paperWidthMm", "paperHeightMm",
               "printTitleRows": "$1:$3"|null, "printTitleColumns": "$A:$B"|null, "printAreas": ["A1:F20"],
               "hiddenColumns": [0-based], "hiddenRows": [0-based], "usedRange": "A1:F20"|null,
               "autoFilter": "A3:I64"|null, "truncated",
               "cells": [{"ref", "row", "col", "type": "text"|"number"|"formula"|"empty", "value",
                          "formula": "=B2-C2"|null, "resultType": "number"|"text"|"error"|null,
                          "locked", "formulaHidden", "validation": {"type": "list", "source", ...}|null}]}]}
"cells" covers A1 to the end of the content, widened to empty cells that are unlocked or carry a validation, at most
--max-cells per sheet ("truncated" then says so), row by row. A formula's "value" is its recalculated result
(a number, a string, or for an error the error text such as "#DIV/0!"). Formulas and validation sources are in
LibreOffice's API syntax: English function names, sheet references as $Lists.$A$2:$A$5, inline lists as "Ja";"Nej".
On failure: a message on stderr and a non-zero exit code (2 bad use, 3 timeout, 1 anything else).

--serve keeps one soffice for many requests (a test file's): one JSON request a line on stdin, one JSON answer a line
on stdout, until stdin closes (then a private soffice is ended; a shared one, --shared PATH --owner PID, stays up for
the next client of the same test run). --timeout then bounds only soffice's start; the caller times
each request and ends the process group (a signal ends soffice too).
  {"inspect": [FILE...], "maxCells": N, "calculateAll": true|false} -> {"workbooks": [one object a file, as above]}
  {"convert": [FILE...], "format": "pdf"|"csv"|"xlsx", "outDir": DIR} -> {"converted": true}: what
      `soffice --convert-to` writes (it stores through the same filters): DIR/NAME.pdf, DIR/NAME.xlsx, or for csv
      one file per sheet, DIR/NAME-SHEET.csv (UTF-8, comma-separated, cells as shown, results not formulas).
  A request that fails: {"error": MESSAGE}; the next one is served.

What LibreOffice cannot tell: a "veryHidden" sheet is imported as plain hidden (Calc has only a visible flag), so
"visibility" is "visible" or "hidden". A cell's displayed (number-formatted) text is not reported: it needs one UNO
round trip per cell (~2-5 ms each), everything else is read in bulk per sheet: values and formulas as arrays, and
the sets of identically formatted cells (protection, validation) by FormatGroups.bas, a Basic function put into the
profile's application library and run inside soffice, since each set is a new UNO object (~1 ms apiece from Python).
"""

import argparse
import collections
import fcntl
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid

try:
    import uno  # type: ignore[import-not-found]
    from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
    from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]
    from com.sun.star.sheet.CellFlags import DATETIME, FORMULA, STRING, VALUE  # type: ignore[import-not-found]
except ImportError:
    sys.stderr.write(
        "inspect.py: the python module 'uno' is missing: run this with /usr/bin/python3 after "
        "`apt-get install python3-uno libreoffice-calc-nogui` (.ci/run installs them)\n"
    )
    sys.exit(2)

# Profile settings written before soffice starts. OOXMLRecalcMode / ODFRecalcMode: 0 = always recalculate on load,
# 1 = never (trust the cached results), 2 = ask. Calc's default for OOXML is 1, which would hide a wrong formula.
# The locale is pinned so that defaults (the paper of a sheet without a page setup: Letter) do not follow $LANG.
def registry(recalc_mode: int) -> str:
    settings = [
        ("/org.openoffice.Office.Calc/Formula/Load", "OOXMLRecalcMode", str(recalc_mode)),
        ("/org.openoffice.Office.Calc/Formula/Load", "ODFRecalcMode", str(recalc_mode)),
        ("/org.openoffice.Setup/L10N", "ooSetupSystemLocale", "en-US"),
        ("/org.openoffice.Office.Common/Misc", "FirstRun", "false"),
        ("/org.openoffice.Office.Common/Misc", "ShowTipOfTheDay", "false"),
        ("/org.openoffice.Office.Recovery/AutoSave", "Enabled", "false"),
    ]
    items = "".join(
        '<item oor:path="%s"><prop oor:name="%s" oor:op="fuse"><value>%s</value></prop></item>\n' % setting
        for setting in settings
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n%s</oor:items>\n' % items
    )


# Paper sizes in 1/100 mm (portrait width, height), as Calc's page styles report them.
PAPERS = {
    "A3": (29700, 42000),
    "A4": (21000, 29700),
    "A5": (14800, 21000),
    "Letter": (21590, 27940),
    "Legal": (21590, 35560),
}

# com.sun.star.sheet.ValidationType (ANY first: none) and ConditionOperator, in their IDL order: FormatGroups.bas
# gives ordinals.
VALIDATION_TYPES = (None, "whole", "decimal", "date", "time", "textLength", "list", "custom")
CONDITION_OPERATORS = (
    "NONE",
    "EQUAL",
    "NOT_EQUAL",
    "GREATER",
    "GREATER_EQUAL",
    "LESS",
    "LESS_EQUAL",
    "BETWEEN",
    "NOT_BETWEEN",
    "FORMULA",
)

# com.sun.star.sheet.FormulaResult constants.
FORMULA_RESULT_VALUE = 1
FORMULA_RESULT_STRING = 2
FORMULA_RESULT_ERROR = 4

# What reading a workbook needs of the connected soffice: its desktop, what engine it is, and FormatGroups.bas.
Calc = collections.namedtuple("Calc", "desktop engine format_groups")

SOFFICE_CANDIDATES = ["/usr/lib/libreoffice/program/soffice", "/usr/bin/soffice", "/opt/libreoffice/program/soffice"]


class Office:
    """A soffice process with its own profile directory and pipe.

    Private (the default): started here and always killed on the way out. Shared (--shared PATH): one per Jest
    worker for a whole test run, since a start costs 5-7 s and a request well under one. The first client that finds
    none starts it; it outlives its clients, and the test run ends it (test/support/libreofficeRun.js), or its
    watchdog does once the run's process (--owner) is gone. A client that fails or is stopped by a signal kills it
    too, since it may hang: the next client starts a new one."""

    def __init__(self, soffice: str, recalc_mode: int, shared=None, owner=None):
        self.soffice = soffice
        self.recalc_mode = recalc_mode
        self.shared = shared
        self.owner = owner
        if shared:
            self.profile = shared + "-profile"
            self.pipe = "maltavlan_" + hashlib.sha1(os.path.abspath(shared).encode()).hexdigest()[:24]
        else:
            self.profile = tempfile.mkdtemp(prefix="maltavlan-lo-profile-")
            self.pipe = "maltavlan_" + uuid.uuid4().hex
        self.group = None  # the process group of a soffice this client knows of (started, or read from the pid file)
        self._closed = False
        self._lock = threading.RLock()

    def start(self):
        os.makedirs(os.path.join(self.profile, "user"), exist_ok=True)
        with open(os.path.join(self.profile, "user", "registrymodifications.xcu"), "w", encoding="utf-8") as f:
            f.write(registry(self.recalc_mode))
        proc = subprocess.Popen(
            [
                self.soffice,
                "--headless",
                "--invisible",
                "--nologo",
                "--norestore",
                "--nodefault",
                "--nolockcheck",
                "-env:UserInstallation=" + uno.systemPathToFileUrl(self.profile),
                "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe,
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: oosplash and soffice.bin die together
        )
        self.group = proc.pid
        if self.shared:
            with open(self.shared + ".pid", "w", encoding="utf-8") as f:
                f.write(str(proc.pid))
            subprocess.Popen(
                [sys.executable, "-c", WATCHDOG, str(self.owner), str(proc.pid)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )

    def connect(self, deadline: float):
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe
        if not self.shared:
            self.start()
            return self.wait_for(resolver, url, deadline)
        # Under a lock, so that two clients of one worker never both start one.
        with open(self.shared + ".lock", "w", encoding="utf-8") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                context = resolver.resolve(url)
                with open(self.shared + ".pid", encoding="utf-8") as f:
                    self.group = int(f.read())
                return context
            except NoConnectException:
                self.start()
                return self.wait_for(resolver, url, deadline)

    def wait_for(self, resolver, url: str, deadline: float):
        while True:
            try:
                return resolver.resolve(url)
            except NoConnectException:
                if not group_alive(self.group):
                    raise RuntimeError("soffice exited before accepting a connection")
                if time.monotonic() > deadline:
                    raise TimeoutError("soffice did not accept a connection in time")
                time.sleep(0.1)

    def release(self):
        """The end of a client that did its work: a shared soffice stays up for the next one."""
        if not self.shared:
            self.kill()

    def kill(self):
        """Idempotent: a signal handler may call it again while it runs."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        if self.group is not None:
            end_group(self.group)
        if not self.shared:
            shutil.rmtree(self.profile, ignore_errors=True)


def group_alive(group) -> bool:
    """Whether a process of the group is left that is not a zombie: an oosplash whose starter has exited is the child
    of init, and an init that does not reap (as in some containers) leaves it a zombie that signal 0 still finds."""
    if group is None:
        return False
    try:
        os.waitpid(group, os.WNOHANG)  # reaps the group's leader when it is this process's child and has exited
    except ChildProcessError:
        pass
    try:
        pids = [name for name in os.listdir("/proc") if name.isdigit()]
    except OSError:  # no /proc: signal 0, which counts a zombie as alive
        try:
            os.killpg(group, 0)
            return True
        except (ProcessLookupError, PermissionError):
            return False
    for pid in pids:
        try:
            with open("/proc/%s/stat" % pid, encoding="utf-8", errors="replace") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        if int(fields[2]) == group and fields[0] != "Z":
            return True
    return False


def end_group(group: int):
    # SIGTERM first: soffice.bin quits and oosplash, its parent, reaps it and exits (a SIGKILL to both at once
    # leaves soffice.bin a zombie for init). Then SIGKILL whatever of the group is left.
    for sig, wait in ((signal.SIGTERM, 3.0), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(group, sig)
        except (ProcessLookupError, PermissionError):
            return  # nobody left in the group
        until = time.monotonic() + wait
        while time.monotonic() < until and group_alive(group):
            time.sleep(0.05)


# A shared soffice's watchdog: ends its group once the test run (argv[1]) is gone, or exits when the group is.
WATCHDOG = """
import os, signal, sys, time
owner, group = int(sys.argv[1]), int(sys.argv[2])
def alive(kill):
    try:
        kill(0)
        return True
    except OSError:
        return False
while alive(lambda s: os.killpg(group, s)):
    if not alive(lambda s: os.kill(owner, s)):
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(group, sig)
            except OSError:
                break
            time.sleep(3)
        break
    time.sleep(1)
"""


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def col_name(col: int) -> str:
    name = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        name = chr(65 + rem) + name
    return name


def cell_ref(row: int, col: int) -> str:
    return "%s%d" % (col_name(col), row + 1)


def read_config(ctx, path: str, name: str):
    provider = ctx.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationAccess", (prop("nodepath", path),)
    )
    return access.getByName(name)


def engine_info(ctx):
    info = {"product": None, "version": None, "ooxmlRecalcMode": None}
    try:
        info["product"] = read_config(ctx, "/org.openoffice.Setup/Product", "ooName")
        info["version"] = read_config(ctx, "/org.openoffice.Setup/Product", "ooSetupVersionAboutBox")
    except Exception:  # noqa: BLE001 — informational only
        pass
    info["ooxmlRecalcMode"] = read_config(ctx, "/org.openoffice.Office.Calc/Formula/Load", "OOXMLRecalcMode")
    return info


def paper_name(width: int, height: int):
    portrait = (min(width, height), max(width, height))
    for name, (w, h) in PAPERS.items():
        if abs(portrait[0] - w) <= 20 and abs(portrait[1] - h) <= 20:
            return name
    return None


def format_groups_script(ctx):
    """FormatGroups.bas as the Basic module Maltavlan.Inspect of the profile's application library (put there anew
    when a shared soffice has another version), and the script that runs it."""
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "FormatGroups.bas"), encoding="utf-8") as f:
        source = f.read()
    manager = ctx.ServiceManager
    libraries = manager.createInstanceWithContext("com.sun.star.script.ApplicationScriptLibraryContainer", ctx)
    if not libraries.hasByName("Maltavlan"):
        libraries.createLibrary("Maltavlan")
    libraries.loadLibrary("Maltavlan")
    library = libraries.getByName("Maltavlan")
    if not library.hasByName("Inspect"):
        library.insertByName("Inspect", source)
    elif library.getByName("Inspect") != source:
        library.replaceByName("Inspect", source)
    provider = manager.createInstanceWithContext("com.sun.star.script.provider.MasterScriptProviderFactory", ctx)
    return provider.createScriptProvider("").getScript(
        "vnd.sun.star.script:Maltavlan.Inspect.FormatGroups?language=Basic&location=application"
    )


def read_validation(group):
    """A format group's validation (FormatGroups.bas gives its fields), or None when it has none."""
    kind = VALIDATION_TYPES[group[2]]
    if kind is None:
        return None
    operator = CONDITION_OPERATORS[group[3]]
    two_bounds = kind not in ("list", "custom") and operator in ("BETWEEN", "NOT_BETWEEN")
    return {
        "type": kind,
        # In LibreOffice's formula syntax: a range is $Lists.$A$2:$A$5 (the sheet quoted only where needed,
        # $'Mål data'.$A$2), an inline list "Ja";"Nej".
        "source": group[4] or None,
        "formula2": (group[5] or None) if two_bounds else None,
        "operator": operator,
        "allowBlank": bool(group[6]),
        # ShowList: 0 = no in-cell dropdown, 1 = unsorted, 2 = sorted.
        "showList": int(group[7]),
        "showErrorMessage": bool(group[8]),
        "errorTitle": group[9] or None,
        "errorMessage": group[10] or None,
    }


def addresses(ranges):
    """An XSheetCellRanges' ranges as (start_row, end_row, start_col, end_col), 0-based, as FormatGroups.bas gives."""
    return [(a.StartRow, a.EndRow, a.StartColumn, a.EndColumn) for a in ranges.getRangeAddresses()]


def cells_of(ranges, box):
    """The (row, col) pairs of the ranges (as addresses() gives) that fall inside box = (last_row, last_col)."""
    last_row, last_col = box
    for start_row, end_row, start_col, end_col in ranges:
        for row in range(start_row, min(end_row, last_row) + 1):
            for col in range(start_col, min(end_col, last_col) + 1):
                yield row, col


def read_frozen(document):
    """Frozen panes per sheet name, from the document's view data (works for hidden sheets too, which a
    controller cannot activate). SplitMode 2 = frozen; then SplitPositionTwips is a row/column count."""
    frozen = {}
    view_data = document.getViewData()
    if view_data is None or view_data.getCount() == 0:
        return frozen
    for entry in view_data.getByIndex(0):
        if entry.Name != "Tables" or entry.Value is None:
            continue
        tables = entry.Value
        for name in tables.getElementNames():
            settings = {p.Name: p.Value for p in tables.getByName(name)}
            rows = settings.get("VerticalSplitPositionTwips", 0) if settings.get("VerticalSplitMode") == 2 else 0
            cols = settings.get("HorizontalSplitPositionTwips", 0) if settings.get("HorizontalSplitMode") == 2 else 0
            frozen[name] = (rows, cols)
    return frozen


def read_print_setup(document, sheet):
    out = {
        "printLandscape": None,
        "paper": None,
        "paperWidthMm": None,
        "paperHeightMm": None,
        "printTitleRows": None,
        "printTitleColumns": None,
        "printAreas": [],
    }
    styles = document.getStyleFamilies().getByName("PageStyles")
    style_name = sheet.PageStyle
    if styles.hasByName(style_name):
        style = styles.getByName(style_name)
        width, height = style.Width, style.Height
        out["printLandscape"] = bool(style.IsLandscape)
        out["paper"] = paper_name(width, height)
        out["paperWidthMm"] = round(width / 100, 1)
        out["paperHeightMm"] = round(height / 100, 1)
    if sheet.getPrintTitleRows():
        rows = sheet.getTitleRows()
        out["printTitleRows"] = "$%d:$%d" % (rows.StartRow + 1, rows.EndRow + 1)
    if sheet.getPrintTitleColumns():
        cols = sheet.getTitleColumns()
        out["printTitleColumns"] = "$%s:$%s" % (col_name(cols.StartColumn), col_name(cols.EndColumn))
    out["printAreas"] = [
        "%s:%s" % (cell_ref(a.StartRow, a.StartColumn), cell_ref(a.EndRow, a.EndColumn)) for a in sheet.getPrintAreas()
    ]
    return out


def read_auto_filter(document, index: int):
    """The range of the sheet's autofilter: Calc imports an .xlsx sheet's autoFilter as the sheet's unnamed database
    range with its AutoFilter flag set."""
    ranges = document.getPropertyValue("UnnamedDatabaseRanges")
    if not ranges.hasByTable(index):
        return None
    database = ranges.getByTable(index)
    if not database.AutoFilter:
        return None
    a = database.getDataArea()
    return "%s:%s" % (cell_ref(a.StartRow, a.StartColumn), cell_ref(a.EndRow, a.EndColumn))


def hidden_indexes(sheet, columns: bool, count: int):
    """Hidden columns (or rows) among the first `count`, from one queryVisibleCells() call on a strip of cells."""
    if columns:
        strip = sheet.getCellRangeByPosition(0, 0, count - 1, 0)
    else:
        strip = sheet.getCellRangeByPosition(0, 0, 0, count - 1)
    visible = set()
    for address in strip.queryVisibleCells().getRangeAddresses():
        if columns:
            visible.update(range(address.StartColumn, address.EndColumn + 1))
        else:
            visible.update(range(address.StartRow, address.EndRow + 1))
    return [i for i in range(count) if i not in visible]


def read_sheet(calc, document, sheet, index: int, max_cells: int, frozen):
    max_row = sheet.getRows().getCount() - 1
    max_col = sheet.getColumns().getCount() - 1

    # The area to report: from A1 to the end of the content, widened to cells that carry something a test may ask
    # about though they are empty (an unlocked input cell, a validation). A format that runs to the sheet's last
    # row or column (a whole-column style) only counts up to the content's end.
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    end = cursor.getRangeAddress()
    only_a1 = end.EndRow == 0 and end.EndColumn == 0
    has_content = not (only_a1 and sheet.getCellByPosition(0, 0).getType().value == "EMPTY")
    content_row, content_col = (end.EndRow, end.EndColumn) if has_content else (-1, -1)
    last_row, last_col = content_row, content_col

    groups = []  # (ranges, locked, formulaHidden, validation) per set of identically formatted cells
    for group in calc.format_groups.invoke((sheet,), (), ())[0]:
        locked, formula_hidden, validation, ranges = bool(group[0]), bool(group[1]), read_validation(group), group[11]
        groups.append((ranges, locked, formula_hidden, validation))
        if locked and not formula_hidden and validation is None:
            continue
        for _, end_row, _, end_col in ranges:
            last_row = max(last_row, end_row if end_row < max_row else content_row)
            last_col = max(last_col, end_col if end_col < max_col else content_col)

    truncated = False
    if last_row >= 0 and last_col >= 0 and (last_row + 1) * (last_col + 1) > max_cells:
        truncated = True
        last_row = max(0, max_cells // (last_col + 1) - 1)
        if max_cells < last_col + 1:
            last_col = max_cells - 1

    cells = []
    if last_row >= 0 and last_col >= 0:
        box = (last_row, last_col)
        area = sheet.getCellRangeByPosition(0, 0, last_col, last_row)
        data = area.getDataArray()
        formulas = area.getFormulaArray()
        kinds = {}
        for kind, flags in (("number", VALUE | DATETIME), ("text", STRING), ("formula", FORMULA)):
            for position in cells_of(addresses(area.queryContentCells(flags)), box):
                kinds[position] = kind
        results = {}
        for kind, flag in (
            ("number", FORMULA_RESULT_VALUE),
            ("text", FORMULA_RESULT_STRING),
            ("error", FORMULA_RESULT_ERROR),
        ):
            for position in cells_of(addresses(area.queryFormulaCells(flag)), box):
                results[position] = kind
        attributes = {}
        for ranges, locked, formula_hidden, validation in groups:
            for position in cells_of(ranges, box):
                attributes[position] = (locked, formula_hidden, validation)

        for row in range(last_row + 1):
            for col in range(last_col + 1):
                kind = kinds.get((row, col), "empty")
                locked, formula_hidden, validation = attributes.get((row, col), (True, False, None))
                cell = {
                    "ref": cell_ref(row, col),
                    "row": row,
                    "col": col,
                    "type": kind,
                    "value": None,
                    "formula": None,
                    "resultType": None,
                    "locked": locked,
                    "formulaHidden": formula_hidden,
                    "validation": validation,
                }
                value = data[row][col]
                if kind in ("number", "text"):
                    cell["value"] = value
                elif kind == "formula":
                    result = results.get((row, col), "number" if isinstance(value, float) else "text")
                    cell["formula"] = formulas[row][col]
                    cell["resultType"] = result
                    # An error has no value in getDataArray(); its text ("#DIV/0!", "Err:502") needs the cell.
                    cell["value"] = sheet.getCellByPosition(col, row).getString() if result == "error" else value
                cells.append(cell)

    rows, cols = frozen.get(sheet.getName(), (None, None))
    out = {
        "name": sheet.getName(),
        "index": index,
        "visibility": "visible" if sheet.IsVisible else "hidden",
        "protected": bool(sheet.isProtected()),
        "frozenRows": rows,
        "frozenColumns": cols,
    }
    out.update(read_print_setup(document, sheet))
    # Hidden columns/rows are looked for in the reported area and a margin beyond it (a hidden helper column may
    # be empty and unformatted).
    out["hiddenColumns"] = hidden_indexes(sheet, True, min(max(last_col + 1, 26), max_col + 1))
    out["hiddenRows"] = hidden_indexes(sheet, False, min(max(last_row + 1, 100), max_row + 1))
    out["usedRange"] = "A1:%s" % cell_ref(last_row, last_col) if cells else None
    out["autoFilter"] = read_auto_filter(document, index)
    out["truncated"] = truncated
    out["cells"] = cells
    return out


def inspect(calc, path: str, max_cells: int, calculate_all: bool):
    started = time.monotonic()
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    document = calc.desktop.loadComponentFromURL(
        url, "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True), prop("MacroExecutionMode", 0))
    )
    if document is None or not document.supportsService("com.sun.star.sheet.SpreadsheetDocument"):
        raise RuntimeError("LibreOffice did not open %s as a spreadsheet" % path)
    try:
        if calculate_all:
            document.calculateAll()
        frozen = read_frozen(document)
        sheets = document.getSheets()
        result = [
            read_sheet(calc, document, sheets.getByIndex(i), i, max_cells, frozen) for i in range(sheets.getCount())
        ]
    finally:
        try:
            document.close(True)
        except Exception:  # noqa: BLE001 — soffice is killed at the end anyway
            pass
    return {
        "file": os.path.abspath(path),
        "engine": dict(calc.engine, calculateAll=calculate_all),
        "elapsedMs": round((time.monotonic() - started) * 1000),
        "sheets": result,
    }


# Filter and options per target format, as `soffice --convert-to` is given them. csv: separator ",", quote '"',
# UTF-8, line 1, -, en-US, quote all text, detect numbers, save as shown, results not formulas, keep spaces, every
# sheet (-1) to its own file.
CONVERSIONS = {
    "pdf": ("calc_pdf_Export", None),
    "xlsx": ("Calc MS Excel 2007 XML", None),
    "csv": ("Text - txt - csv (StarCalc)", "44,34,76,1,,1033,true,true,true,false,false,-1"),
}


def convert(desktop, path: str, target: str, out_dir: str):
    filter_name, filter_options = CONVERSIONS[target]
    stem = os.path.splitext(os.path.basename(path))[0]
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    document = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True), prop("MacroExecutionMode", 0)))
    if document is None:
        raise RuntimeError("LibreOffice could not open %s" % path)
    try:
        if target == "pdf" and document.supportsService("com.sun.star.text.TextDocument"):
            filter_name = "writer_pdf_Export"  # a Word document opens in Writer, which has its own PDF filter
        properties = [prop("FilterName", filter_name)]
        if filter_options is not None:
            properties.append(prop("FilterOptions", filter_options))
        out = os.path.join(os.path.abspath(out_dir), "%s.%s" % (stem, target))
        document.storeToURL(uno.systemPathToFileUrl(out), tuple(properties))
    finally:
        try:
            document.close(True)
        except Exception:  # noqa: BLE001 — soffice is killed at the end anyway
            pass


def serve(calc, max_cells: int):
    """Answers requests from stdin until it closes (see the module's docstring)."""
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            if "inspect" in request:
                calculate_all = bool(request.get("calculateAll", True))
                cells = int(request.get("maxCells", max_cells))
                workbooks = [inspect(calc, path, cells, calculate_all) for path in request["inspect"]]
                answer = {"workbooks": workbooks}
            else:
                os.makedirs(request["outDir"], exist_ok=True)
                for path in request["convert"]:
                    convert(calc.desktop, path, request["format"], request["outDir"])
                answer = {"converted": True}
        except Exception as error:  # noqa: BLE001 — a failed request is answered; the session goes on
            answer = {"error": "%s: %s" % (type(error).__name__, error)}
        sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
        sys.stdout.flush()


def find_soffice():
    found = shutil.which("soffice")
    for candidate in SOFFICE_CANDIDATES + ([found] if found else []):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def main():
    parser = argparse.ArgumentParser(description="Print what LibreOffice Calc sees in .xlsx files, one JSON line each.")
    parser.add_argument("files", nargs="*", metavar="FILE")
    parser.add_argument("--serve", action="store_true", help="answer requests from stdin, one JSON a line")
    parser.add_argument("--max-cells", type=int, default=20000, help="cells per sheet at most (default 20000)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds for the whole run (default 60)")
    parser.add_argument(
        "--no-calculate-all",
        action="store_true",
        help="skip document.calculateAll(): only the profile's recalc-on-load setting recalculates",
    )
    parser.add_argument(
        "--trust-cached-results",
        action="store_true",
        help="profile set to never recalculate on load, and no calculateAll(): shows the results cached in the file",
    )
    parser.add_argument(
        "--shared",
        metavar="PATH",
        help="use the soffice shared under PATH (PATH.pid, PATH.lock, PATH-profile), starting it when there is none",
    )
    parser.add_argument("--owner", type=int, help="with --shared: the test run's process; its soffice ends with it")
    args = parser.parse_args()
    if bool(args.shared) != bool(args.owner):
        sys.stderr.write("inspect.py: --shared and --owner go together\n")
        return 2
    calculate_all = not (args.no_calculate_all or args.trust_cached_results)
    if args.serve == bool(args.files):
        sys.stderr.write("inspect.py: give files to inspect, or --serve\n")
        return 2
    for path in args.files:
        if not os.path.isfile(path):
            sys.stderr.write("inspect.py: no such file: %s\n" % path)
            return 2
    soffice = find_soffice()
    if soffice is None:
        sys.stderr.write("inspect.py: soffice not found: `apt-get install libreoffice-calc-nogui` (.ci/run does)\n")
        return 2

    deadline = time.monotonic() + args.timeout
    office = Office(soffice, 1 if args.trust_cached_results else 0, args.shared, args.owner)
    outcome = {}
    started = threading.Event()

    def work():
        try:
            ctx = office.connect(deadline)
            desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            calc = Calc(desktop, engine_info(ctx), format_groups_script(ctx))
            if args.serve:
                started.set()
                serve(calc, args.max_cells)
            for path in args.files:
                result = inspect(calc, path, args.max_cells, calculate_all)
                sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
                sys.stdout.flush()
        except BaseException as error:  # noqa: BLE001 — any failure becomes a message and an exit code
            outcome["error"] = "%s: %s" % (type(error).__name__, error)

    def stop(code, message=None):
        # Killing is faster and surer than desktop.terminate(), and nothing is left to save. A shared soffice is
        # left up after a client that did its work, and killed after one that failed (it may hang).
        if code == 0:
            office.release()
        else:
            office.kill()
        if message:
            sys.stderr.write("inspect.py: %s\n" % message)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)

    # The UNO calls run in a worker thread so that the main thread, waiting on it, can always act on the timeout
    # and on signals (a signal handler never runs while the main thread is blocked inside a UNO call).
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda signum, _frame: stop(128 + signum, "stopped by signal %d" % signum))
    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    if args.serve:
        # Only the start is bounded: requests take what they take (the caller times them).
        started.wait(max(0.0, deadline - time.monotonic()))
        if worker.is_alive() and not started.is_set():
            stop(3, "soffice did not start in %g s" % args.timeout)
        while worker.is_alive():
            worker.join(0.5)  # in short waits, so that a signal is acted on
    worker.join(max(0.0, deadline - time.monotonic()))
    if worker.is_alive():
        stop(3, "timed out after %g s" % args.timeout)
    if "error" in outcome:
        stop(1, outcome["error"])
    stop(0)


if __name__ == "__main__":
    sys.exit(main())
