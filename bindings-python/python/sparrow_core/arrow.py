"""Batches and engines: sparrow-core over Apache Arrow data (needs ``pyarrow>=14``,
``pip install sparrow-core[arrow]``).

The ``*_arrow`` functions of :mod:`sparrow_core` read anything that exports the Arrow
PyCapsule interface (a pyarrow ``RecordBatch`` or ``Table``, a polars ``DataFrame``,
Spark's and Ray's batches) and answer with a ``pyarrow.RecordBatch`` for one batch and a
``pyarrow.Table`` for a stream. Profile columns are found by name (any integer width,
any string type; a null cell is an absent key). Exact quantities come back as
``decimal128`` columns at their type's scale, never floats. With ``errors="null"`` (the
default) a refused row is null in every result column and says why in ``error``,
``error_field`` and ``error_message``; with ``errors="raise"`` it raises, and the
exception's ``row`` is its index in the input. Columns named in ``keep`` are carried
through unchanged.

``xirr_arrow(data, column="flows")`` computes one XIRR per row from a column of flow
lists (``list<struct<date: date32, amount: decimal>>``; text dates and integer or text
amounts too, never float amounts), as ``xirr`` would for each list: a
``decimal128(16, 9)`` column ``xirr`` and the error columns.

This module adds the published schemas and :func:`classify_batches`, one function an
engine's batch hook can call: Spark's ``mapInArrow``, Dask's ``map_partitions`` (through
``pyarrow.Table.from_pandas``), Ray's ``map_batches``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Optional

import pyarrow as pa

from . import _sparrow_core
from ._types import Mode, RowErrors

if TYPE_CHECKING:
    from ._sparrow_core import PersonaModel

#: ``validate_profiles_arrow``: the normalised profile, then the error columns.
PROFILE_SCHEMA: pa.Schema = _sparrow_core._arrow_schema("profile")
#: ``classify_arrow``: persona, confidence, ``probability_<persona>``, model version, errors.
CLASSIFICATION_SCHEMA: pa.Schema = _sparrow_core._arrow_schema("classification")
#: ``classify_blended_arrow`` and ``PersonaModel.predict_arrow``: primary persona,
#: confidence, ``weight_<persona>``, ``allocation_<class>``, model version, errors.
BLENDED_SCHEMA: pa.Schema = _sparrow_core._arrow_schema("blended")
#: ``persona_table()``: the catalogue.
PERSONA_TABLE_SCHEMA: pa.Schema = _sparrow_core._arrow_schema("persona_table")
#: ``strategy_table()``: each persona's strategy, one row per asset class.
STRATEGY_TABLE_SCHEMA: pa.Schema = _sparrow_core._arrow_schema("strategy_table")


def output_schema(input_schema: pa.Schema, keep: Sequence[str] = ()) -> pa.Schema:
    """The schema :func:`classify_batches` yields for ``input_schema``: the kept columns
    as they are, then :data:`BLENDED_SCHEMA` (what Spark's ``mapInArrow`` asks for)."""
    fields = [input_schema.field(name) for name in keep]
    return pa.schema(fields + list(BLENDED_SCHEMA))


def classify_batches(
    batches: Iterable[pa.RecordBatch],
    *,
    model: Optional[PersonaModel] = None,
    mode: Optional[Mode] = None,
    errors: Optional[RowErrors] = None,
    keep: Sequence[str] = (),
) -> Iterator[pa.RecordBatch]:
    """``Iterator[RecordBatch] → Iterator[RecordBatch]``: each batch classified (by the
    rules, or by ``model`` when given), row for row, in :func:`output_schema`."""
    keep = list(keep)
    for batch in batches:
        if model is None:
            yield _sparrow_core.classify_blended_arrow(batch, mode=mode, errors=errors, keep=keep)
        else:
            yield model.predict_arrow(batch, mode=mode, errors=errors, keep=keep)


__all__ = [
    "BLENDED_SCHEMA",
    "CLASSIFICATION_SCHEMA",
    "PERSONA_TABLE_SCHEMA",
    "PROFILE_SCHEMA",
    "STRATEGY_TABLE_SCHEMA",
    "classify_batches",
    "output_schema",
]
