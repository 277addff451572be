"""Who reports what: the event × outlet matrix, as counts, a heatmap, or the outlets' own words.

Rows are events, story by story (the main story first), each story's in time order.
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

from ..knowledge import Knowledge
from ..table.schema import is_missing
from ..views.cells import as_list, source_labels
from ..views.stories import select_story, story_list
from .frames import events_in_order

_INDEX = ["story_id", "event_id", "event_type", "label"]


def coverage(
    table: pd.DataFrame,
    *,
    story: str | None = None,
    binary: bool = False,
    knowledge: Knowledge | None = None,
) -> pd.DataFrame:
    """Event × outlet matrix: how many mentions each outlet has of each event.

    Rows are indexed by ``(story_id, event_id, event_type, label)``, story by story (the main
    story first, see ``story_list``), each story's events in the order of
    :func:`summit_timeline.chronology`; columns are the outlets (see :func:`source_labels`) in
    the table's order.

    :param table: an event table from ``extract_events``.
    :param story: a ``story_id`` to keep that story's events (and its outlets) only.
    :param binary: True for booleans (reported or not) instead of mention counts.
    :param knowledge: the event types' order (``load_knowledge()``); default the packaged one.
    """
    table = select_story(table, story)
    labels = source_labels(table)
    columns = pd.Index(list(dict.fromkeys(labels)), name="outlet")
    if table.empty:
        empty = pd.DataFrame(columns=columns, index=pd.MultiIndex.from_tuples([], names=_INDEX))
        return empty.astype(bool if binary else int)
    events = [event for event, _ in events_in_order(table, knowledge=knowledge)]
    counts = pd.crosstab(table["event_id"].astype(str), labels)
    counts = counts.reindex(index=[e["event_id"] for e in events], columns=columns, fill_value=0)
    counts.index = pd.MultiIndex.from_tuples(
        [(e["story_id"], e["event_id"], str(e["event_type"]), e["label"]) for e in events],
        names=_INDEX,
    )
    counts.columns.name = "outlet"
    return counts.astype(bool) if binary else counts.astype(int)


def _heatmap_rows(
    matrix: pd.DataFrame, titles: dict[str, str]
) -> tuple[list[str], list[list[float | None]], list[list[str]]]:
    """Tick labels, values and cell texts of the heatmap; with several stories, each story's
    events come under a heading row that names it."""
    labels: list[str] = []
    z: list[list[float | None]] = []
    text: list[list[str]] = []
    story = None
    for (story_id, _, _, label), counts in zip(matrix.index, matrix.to_numpy(), strict=True):
        if len(titles) > 1 and story_id != story:
            story = story_id
            labels.append(f"<b>{html.escape(titles.get(story_id, story_id))}</b>")
            z.append([None] * matrix.shape[1])
            text.append([""] * matrix.shape[1])
        labels.append(html.escape(label))
        z.append([float(n) for n in counts])
        text.append([("✓" if n == 1 else f"✓ ×{n}") if n else "–" for n in counts])
    return labels, z, text


def coverage_figure(
    table: pd.DataFrame,
    *,
    story: str | None = None,
    title: str | None = None,
    knowledge: Knowledge | None = None,
) -> Any:
    """Plotly heatmap of :func:`coverage`: one row per event, one column per outlet.

    With several stories, each story's events come under a row that names the story.

    :param table: an event table from ``extract_events``.
    :param story: a ``story_id`` to show that story's events (and its outlets) only.
    :param title: figure title (default: "Which outlet reports which event").
    :param knowledge: the event types' order (``load_knowledge()``); default the packaged one.
    """
    import plotly.graph_objects as go

    matrix = coverage(table, story=story, knowledge=knowledge)
    titles = {s.story_id: s.title for s in story_list(select_story(table, story))}
    labels, z, text = _heatmap_rows(matrix, titles)
    outlets = [html.escape(str(c)) for c in matrix.columns]
    top = int(matrix.to_numpy().max()) if matrix.size else 1
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=outlets,
            y=list(range(len(labels))),
            text=text,
            texttemplate="%{text}",
            colorscale=[[0.0, "#f7f7f7"], [1.0, "#2c7fb8"]],
            zmin=0,
            zmax=max(1, top),
            showscale=False,
            xgap=2,
            ygap=2,
            hoverongaps=False,
            customdata=[[label] * len(outlets) for label in labels],
            hovertemplate="%{customdata}<br>%{x}: %{z} mention(s)<extra></extra>",
        )
    )
    figure.update_layout(
        title=html.escape(title or "Which outlet reports which event"),
        xaxis={"side": "top", "title": None},
        yaxis={
            "autorange": "reversed",
            "title": None,
            "automargin": True,
            "tickmode": "array",
            "tickvals": list(range(len(labels))),
            "ticktext": labels,
        },
        height=max(260, 60 + 38 * len(labels)),
        margin={"l": 10, "r": 10, "t": 90, "b": 10},
        plot_bgcolor="white",
    )
    return figure


def side_by_side(
    table: pd.DataFrame,
    *,
    story: str | None = None,
    column: str = "sentence",
    knowledge: Knowledge | None = None,
) -> pd.DataFrame:
    """Event × outlet matrix of what each outlet says about each event (default: its sentence).

    Rows and columns as in :func:`coverage`; an empty string means the outlet does not report
    the event (or does not give that column). Several mentions by one outlet are joined with " / ".

    :param table: an event table from ``extract_events``.
    :param story: a ``story_id`` to keep that story's events (and its outlets) only.
    :param column: the table column to show (e.g. ``"sentence"``, ``"duration_min"``, ``"actors"``).
    :param knowledge: the event types' order (``load_knowledge()``); default the packaged one.
    """
    table = select_story(table, story)
    if column not in table.columns:
        raise ValueError(
            f"column must be a column of the table, one of {list(table.columns)}; got {column!r}"
        )
    matrix = coverage(table, knowledge=knowledge)
    cells: dict[tuple[str, str], list[str]] = {}
    event_ids = table["event_id"].astype(str)
    for event_id, source, value in zip(event_ids, source_labels(table), table[column], strict=True):
        if not is_missing(value):
            cells.setdefault((event_id, source), []).append(", ".join(map(str, as_list(value))))
    return pd.DataFrame(
        [
            [" / ".join(cells.get((key[1], source), [])) for source in matrix.columns]
            for key in matrix.index
        ],
        index=matrix.index,
        columns=matrix.columns,
        dtype=object,
    )
