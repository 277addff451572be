"""The explorer's review mode: a mention's report with its evidence highlighted, and a form that
writes what a person corrects to the corrections file beside the reports.

Each edit is one entry of the corrections file (``table/corrections.py``), found again by the
mention's report, words of its evidence sentence and its type, never by a row number, so that it
survives a rebuild. Before an entry is written it is read back and tried on the table with the
functions ``extract_events`` applies corrections with (``read_corrections``,
``apply_corrections``): a value they would refuse, or an entry that would not find exactly this
mention, is said in the review's message and never written. The widgets of this module are
drawn by the explorer (``explorer.py``); the highlighting is ``provenance.py``'s.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import anywidget
import ipywidgets as widgets
import pandas as pd
import traitlets

from ..knowledge import Knowledge
from ..reading.corpus import Corpus
from ..reading.sources import CORRECTIONS_FILES
from ..table.corrections import apply_corrections, read_corrections, save_corrections
from ..table.schema import STATUSES, is_missing
from .cells import as_dicts, as_list, date_text, has_clock, local_wall_time, number_text, text_of
from .provenance import READER_STYLE

#: The fields a reviewer can change, in the form's order: (``set`` key, label, placeholder).
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("event_type", "Type", ""),
    ("status", "Status", ""),
    ("date", "Date", "YYYY-MM-DD"),
    ("start", "Start", "HH:MM, local time"),
    ("duration_min", "Duration", "minutes"),
    ("place", "Place", ""),
    ("actors", "Actors", "names, separated by commas"),
)

NO_CORPUS = (
    "Review needs the reports' text. Open the explorer with the reports the table was read "
    "from: <code>st.TimelineExplorer(table, corpus=corpus)</code> with "
    "<code>corpus = st.load_reports(...)</code>; corrections are then written beside the "
    "reports (<code>corrections.yaml</code>)."
)


# ---------------------------------------------------------------- widgets drawn in the page

#: Draws the report's text and scrolls it (not the notebook) to its evidence sentence; again
#: when the box is shown after being hidden (a box without height cannot scroll).
_REPORT_TEXT_ESM = """
function render({ model, el }) {
  el.classList.add("st-reader-box");
  let height = 0;
  const scroll = () => {
    const at = el.querySelector(".st-sentence");
    if (at) el.scrollTop = Math.max(0, at.offsetTop - 48);
  };
  const draw = () => { el.innerHTML = model.get("value"); scroll(); };
  const observer = new ResizeObserver(() => {
    if (height === 0 && el.clientHeight > 0) scroll();
    height = el.clientHeight;
  });
  observer.observe(el);
  model.on("change:value", draw);
  draw();
  return () => observer.disconnect();
}
export default { render };
"""


class ReportText(anywidget.AnyWidget):
    """A report's text as escaped HTML (``provenance.report_html``), in a box of its own height
    scrolled to the evidence sentence."""

    _esm = _REPORT_TEXT_ESM
    _css = READER_STYLE + (
        ".st-reader-box{max-height:26rem;overflow:auto;position:relative;border:1px solid #ddd;"
        "padding:.4rem .8rem;background:#fff}"
        ".st-reader-box .st-sentence{outline:2px solid #e0a800;outline-offset:1px}"
    )
    value = traitlets.Unicode("").tag(sync=True)


#: Draws the table of mentions; a click on a row tells ``selected`` its mention's id (the
#: first cell's ``data-mention``, written by ``html_tables.events_table_html``).
_EVENTS_TABLE_ESM = """
function render({ model, el }) {
  el.classList.add("st-events");
  const mark = () => {
    const chosen = model.get("selected");
    for (const cell of el.querySelectorAll("[data-mention]")) {
      const row = cell.closest("tr");
      row.classList.toggle("st-chosen", cell.getAttribute("data-mention") === chosen);
    }
  };
  const draw = () => { el.innerHTML = model.get("value"); mark(); };
  el.addEventListener("click", (event) => {
    const row = event.target.closest("tr");
    const cell = row && row.querySelector("[data-mention]");
    if (!cell || event.target.closest("a")) return;
    model.set("selected", cell.getAttribute("data-mention"));
    model.save_changes();
  });
  model.on("change:value", draw);
  model.on("change:selected", mark);
  draw();
}
export default { render };
"""


class EventsTable(anywidget.AnyWidget):
    """The explorer's table of mentions (``value``: its HTML); a click on a row sets
    ``selected`` to the row's ``mention_id``, and the row so chosen is shaded."""

    _esm = _EVENTS_TABLE_ESM
    _css = READER_STYLE + (
        ".st-events table{border-collapse:collapse;width:100%;font-size:.85rem}"
        ".st-events th,.st-events td{border-bottom:1px solid #ddd;padding:.25rem .45rem;"
        "text-align:left;vertical-align:top}"
        ".st-events th{background:#f4f4f4}.st-events tbody tr{cursor:pointer}"
        ".st-events tbody tr:hover{background:#fafafa}"
        ".st-events tr.st-chosen{background:#fff3b0}"
    )
    value = traitlets.Unicode("").tag(sync=True)
    selected = traitlets.Unicode("").tag(sync=True)


# ---------------------------------------------------------------- where corrections go


def corrections_file(corpus: Corpus, corrections: str | Path | None = None) -> Path | None:
    """The corrections file edits are written to: ``corrections`` if given, else the first one
    found beside the reports (``corpus.corrections``), else ``corrections.yaml`` in the folder
    of the first report read from a file; None when no report comes from a folder."""
    if corrections is not None:
        return Path(corrections)
    if corpus.corrections:
        return Path(corpus.corrections[0])
    for report in corpus:
        folder = Path(report.source).parent if report.source else None
        if folder is not None and folder.is_dir():
            return folder / CORRECTIONS_FILES[0]
    return None


def correction_paths(corpus: Corpus, written: Path | None) -> list[Path]:
    """The files a rebuild applies: those found beside the reports, and the one written to."""
    paths = [Path(p) for p in corpus.corrections]
    if written is not None and written.is_file():
        known = {p.resolve() for p in paths}
        if written.resolve() not in known:
            paths.append(written)
    return paths


# ---------------------------------------------------------------- an entry for a mention


def _fold(text: str) -> str:
    """Text compared as a corrections file compares its words: case and spacing aside."""
    for typographic, plain in (("’", "'"), ("„", '"'), ("“", '"'), ("”", '"')):
        text = text.replace(typographic, plain)
    return " ".join(text.casefold().split())


def _sentences(row: Mapping[str, Any]) -> list[str]:
    found = [str(row.get("sentence") or "")]
    found += [str(e.get("sentence") or "") for e in as_dicts(row.get("evidence"))]
    return [s for s in dict.fromkeys(found) if s.strip()]


def mention_target(table: pd.DataFrame, mention_id: str) -> dict[str, str]:
    """How a corrections entry names the mention ``mention_id``: its report, the first of its
    evidence sentences that no other mention of that report and type has, and its type.

    Raises ``ValueError`` (saying why) when every sentence of the mention is shared with another
    mention of the same report and type: a corrections file could not tell them apart.
    """
    rows = table[table["mention_id"].astype(str) == str(mention_id)]
    if rows.empty:
        raise ValueError(f"no mention {mention_id!r} in the table (dropped, or rebuilt?)")
    row = rows.iloc[0]
    report, kind = str(row["report_id"]), str(row["event_type"])
    others = table[
        (table["report_id"].astype(str) == report)
        & (table["event_type"].astype(str) == kind)
        & (table["mention_id"].astype(str) != str(mention_id))
    ]
    taken = [_fold(s) for _, other in others.iterrows() for s in _sentences(other)]
    for sentence in _sentences(row):
        if not any(_fold(sentence) in sentence_of_other for sentence_of_other in taken):
            return {"report": report, "sentence": " ".join(sentence.split()), "type": kind}
    raise ValueError(
        f"another {kind} mention of {report} stands in the same sentence; a corrections file "
        "finds a mention by report, sentence and type, so it cannot single this one out"
    )


# ---------------------------------------------------------------- the form


def field_texts(row: Mapping[str, Any]) -> dict[str, str]:
    """The row's values as the form shows them (and as a corrections file writes them), and
    the hedge of its duration (not shown: a new duration clears it)."""
    zone = text_of(row.get("timezone"))
    start = local_wall_time(row.get("start"), zone) if has_clock(row) else None
    minutes = row.get("duration_min")
    return {
        "event_type": str(row.get("event_type") or ""),
        "status": str(row.get("status") or ""),
        "date": date_text(row.get("date")),
        "start": f"{start:%H:%M}" if start is not None else "",
        "duration_min": "" if is_missing(minutes) else number_text(float(minutes)),
        "place": text_of(row.get("place")) or "",
        "actors": ", ".join(str(a) for a in as_list(row.get("actors"))),
        "duration_hedge": text_of(row.get("duration_hedge")) or "",
    }


class ReviewForm:
    """The fields of one mention (``FIELDS``), who and why, and the buttons that write."""

    def __init__(self, knowledge: Knowledge) -> None:
        self._knowledge = knowledge
        self._shown: dict[str, str] = {}
        wide = widgets.Layout(width="100%")
        self.inputs: dict[str, widgets.Widget] = {}
        for name, label, hint in FIELDS:
            if name in ("event_type", "status"):
                self.inputs[name] = widgets.Dropdown(description=label, layout=wide)
            else:
                self.inputs[name] = widgets.Text(description=label, placeholder=hint, layout=wide)
        self.by = widgets.Text(description="By", placeholder="your name (optional)", layout=wide)
        self.why = widgets.Text(description="Why", placeholder="what the report says", layout=wide)
        self.save = widgets.Button(description="Save changes", button_style="primary", icon="save")
        self.check = widgets.Button(description="Mark checked", icon="check")
        self.drop = widgets.Button(description="Drop mention", button_style="danger", icon="trash")
        self.confirm_drop = widgets.Button(description="Drop it", button_style="danger")
        self.keep = widgets.Button(description="Keep it")
        self.confirm = widgets.HBox(
            [widgets.HTML("Drop this mention from the table?"), self.confirm_drop, self.keep],
            layout=widgets.Layout(display="none", align_items="center"),
        )
        buttons = widgets.HBox(
            [self.save, self.check, self.drop], layout=widgets.Layout(flex_flow="row wrap")
        )
        self.box = widgets.VBox(
            [*self.inputs.values(), self.by, self.why, buttons, self.confirm],
            layout=widgets.Layout(flex="0 1 24rem", min_width="18rem"),
        )
        self.keep.on_click(lambda _: self.ask_drop(False))

    def show(self, row: Mapping[str, Any] | None) -> None:
        """Fill the fields with ``row``'s values (None: empty and disabled)."""
        self._shown = field_texts(row) if row is not None else {}
        types = [(t.label, key) for key, t in self._knowledge.types.items()]
        kind = self._shown.get("event_type", "")
        if kind and kind not in dict(types).values():
            types.append((kind, kind))
        statuses = list(STATUSES)
        if self._shown.get("status") and self._shown["status"] not in statuses:
            statuses.append(self._shown["status"])
        self.inputs["event_type"].options = types
        self.inputs["status"].options = statuses
        for name, control in self.inputs.items():
            control.value = self._shown.get(name) or (
                None if name in ("event_type", "status") else ""
            )
            control.disabled = row is None
        for button in (self.save, self.check, self.drop):
            button.disabled = row is None
        self.ask_drop(False)

    def ask_drop(self, ask: bool) -> None:
        """Show or hide the question 'Drop this mention?' under the buttons."""
        self.confirm.layout.display = "flex" if ask else "none"

    def changes(self) -> dict[str, Any]:
        """The fields changed from the row shown, as a corrections file's ``set`` writes them
        (an emptied field: None, which clears it). A new duration clears the report's hedge
        ("nearly", "gut"): it qualified the report's figure, not the person's."""
        changed: dict[str, Any] = {}
        for name, control in self.inputs.items():
            value = " ".join(str(control.value or "").split())
            if value == self._shown.get(name, ""):
                continue
            if name == "actors":
                changed[name] = [a.strip() for a in value.split(",") if a.strip()]
            else:
                changed[name] = value or None
        if "duration_min" in changed and self._shown.get("duration_hedge"):
            changed["duration_hedge"] = None
        return changed

    def note(self) -> dict[str, str]:
        """Who, when and why, as an entry writes them (who and why only when given)."""
        note = {
            "by": self.by.value.strip(),
            "on": dt.date.today().isoformat(),
            "why": self.why.value.strip(),
        }
        return {key: value for key, value in note.items() if value}


# ---------------------------------------------------------------- trying an entry


def try_entry(
    table: pd.DataFrame, entry: Mapping[str, Any], *, corpus: Corpus, knowledge: Knowledge
) -> str | None:
    """Why ``entry`` would not apply to ``table`` (a value refused, no or several mentions
    found), in the words ``extract_events`` would warn with; None when it applies."""
    with tempfile.TemporaryDirectory(prefix="summit-review-") as folder:
        path = save_corrections(Path(folder) / "entry.yaml", [dict(entry)])
        entries, problems = read_corrections(path)
    if problems:
        return _reason(problems[0])
    _, result = apply_corrections(table, entries, corpus=corpus, knowledge=knowledge)
    return _reason(result.stale[0]) if result.stale else None


def _reason(message: str) -> str:
    """A problem's reason without the file and entry it names ('.../entry.yaml, entry 1: ')."""
    head, _, reason = message.partition(": ")
    return reason if ", entry " in head else message


def stale_entry(table: pd.DataFrame, path: Path, number: int) -> str | None:
    """Why entry ``number`` of ``path`` did not apply when ``table`` was built, or None (the
    file may have been named otherwise there: it is compared resolved)."""
    for message in (table.attrs.get("corrections") or {}).get("stale", []):
        file, found, rest = str(message).partition(f", entry {number}: ")
        if found and Path(file).resolve() == path.resolve():
            return rest
    return None
