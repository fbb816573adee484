"""The columnar (Arrow) functions: exactly the record functions' answers, row for row,
from every kind of column, with bad rows contained or raised as asked."""

from __future__ import annotations

import pickle
from decimal import Decimal
from typing import Any

import polars as pl
import pyarrow as pa
import pytest

import sparrow_core as sc
import sparrow_core.arrow as sa
from conftest import rows
from test_gil import progress_during

PERSONAS = ["capital_guardian", "balanced_voyager", "accelerated_builder"]
CLASSES = ["equity", "debt", "hybrid", "gold", "international", "liquid"]


def blended_row(b: Any) -> dict[str, Any]:
    """A record-form blended result in the column form's shape."""
    weights = {e["persona"]["slug"].replace("-", "_"): e["weight"] for e in b["distribution"]}
    out = {"primary_persona": b["primary_persona"]["slug"], "confidence": b["confidence"]}
    out |= {f"weight_{p}": weights[p] for p in PERSONAS}
    out |= {f"allocation_{c}": b["blended_allocation"][c] for c in CLASSES}
    out |= {"model_version": b["model_version"], "error": None, "error_field": None, "error_message": None}
    return out


def classification_row(c: Any) -> dict[str, Any]:
    out = {"persona": c["persona"]["slug"], "confidence": c["confidence"]}
    out |= {f"probability_{p}": c["probabilities"][p.replace("_", "-")] for p in PERSONAS}
    return out | {"model_version": c["model_version"], "error": None, "error_field": None, "error_message": None}


PROFILES = [r["profile"] for r in rows("persona_examples")]
TABLE = pa.Table.from_pylist(PROFILES)


def test_every_persona_example_matches_the_record_functions() -> None:
    assert len(PROFILES) == 1296
    blended = sc.classify_blended_arrow(TABLE)
    assert isinstance(blended, pa.Table) and blended.schema == sa.BLENDED_SCHEMA
    assert blended.to_pylist() == [blended_row(sc.classify_blended(p)) for p in PROFILES]
    classified = sc.classify_arrow(TABLE.to_batches()[0])
    assert isinstance(classified, pa.RecordBatch) and classified.schema == sa.CLASSIFICATION_SCHEMA
    assert classified.to_pylist() == [classification_row(sc.classify(p)) for p in PROFILES[: classified.num_rows]]
    # Decimal columns at their scales, never floats.
    for name in ("confidence", "weight_capital_guardian", "allocation_equity"):
        assert pa.types.is_decimal(blended.schema.field(name).type)
    assert blended.schema.field("confidence").type == pa.decimal128(13, 12)
    assert blended.schema.field("allocation_debt").type == pa.decimal128(5, 4)


def test_profiles_table_matches_validate_profile() -> None:
    checked = 0
    for row in rows("profile"):
        if not isinstance(row["input"], dict) or not row["input"]:
            continue  # not an object: no row of a table
        got = sc.validate_profiles_arrow(pa.Table.from_pylist([row["input"]]), mode=row["mode"]).to_pylist()[0]
        # A null cell is an absent key (a column cannot say "present and null").
        record = {k: v for k, v in row["input"].items() if v is not None}
        try:
            want = sc.validate_profile(record, mode=row["mode"])
        except sc.InputError as e:
            assert (got["error"], got["error_field"]) == (e.errors[0]["code"], e.errors[0]["field"]), row
            assert got["error_message"] == str(e)
            assert all(got[k] is None for k in sa.PROFILE_SCHEMA.names[:11])
        else:
            assert {k: v for k, v in got.items() if v is not None} == want, row
        checked += 1
    assert checked >= 20


def test_column_types_are_read_as_their_values() -> None:
    base = {"horizon_years": [8], "risk_tolerance": ["Aggressive"]}
    want = sc.validate_profile({"age": 35, "horizon_years": 8, "risk_tolerance": "Aggressive", "monthly_sip": "25000.50"})
    for age in (pa.array([35], pa.int8()), pa.array([35], pa.uint64()), pa.array([35], pa.int16())):
        for sip in (pa.array([Decimal("25000.50")], pa.decimal128(20, 2)), pa.array(["25000.50"], pa.large_string())):
            t = pa.table({**base, "age": age, "monthly_sip": sip})
            got = sc.validate_profiles_arrow(t).to_pylist()[0]
            assert got["monthly_sip"] == want["monthly_sip"] and got["age"] == 35
    t = pa.table({"age": [35], "horizon_years": [8], "risk_tolerance": pa.array(["Aggressive"]).dictionary_encode()})
    assert sc.validate_profiles_arrow(t).to_pylist()[0]["risk_tolerance"] == "Aggressive"
    t = pa.table({"age": [35], "horizon_years": [8], "knowledge": pa.array(["Advanced"], pa.string_view())})
    assert sc.validate_profiles_arrow(t).to_pylist()[0]["knowledge"] == "Advanced"
    # Floats read as a JSON body's floats: 30.0 is no JSON integer in strict mode, is in compat.
    t = pa.table({"age": [30.0], "horizon_years": [8]})
    assert sc.validate_profiles_arrow(t).to_pylist()[0]["error"] == "profile_type"
    assert sc.validate_profiles_arrow(t, mode="compat").to_pylist()[0]["age"] == 30
    t = pa.table({"age": [35], "horizon_years": [8], "lump_sum": [0.1]})
    assert sc.validate_profiles_arrow(t).to_pylist()[0]["lump_sum"] == Decimal("0.10")
    t = pa.table({"age": [35], "horizon_years": [8], "lump_sum": [float("nan")]})
    assert sc.validate_profiles_arrow(t).to_pylist()[0]["error"] == "money_syntax"
    # Beyond i64 and beyond Decimal: refused by range, never wrapped or rounded.
    t = pa.table({"age": pa.array([2**64 - 1], pa.uint64()), "horizon_years": [8]})
    assert sc.validate_profiles_arrow(t).to_pylist()[0]["error"] == "profile_out_of_range"
    t = pa.table({"age": [35], "horizon_years": [8], "lump_sum": pa.array([Decimal("1.234")], pa.decimal128(38, 3))})
    assert sc.validate_profiles_arrow(t).to_pylist()[0]["error"] == "money_precision"
    # A column of a type no field takes: a type error of each row, named.
    t = pa.table({"age": [[35]], "horizon_years": [8]})
    got = sc.validate_profiles_arrow(t).to_pylist()[0]
    assert (got["error"], got["error_field"]) == ("profile_type", "age")


def test_nulls_are_absent_keys_and_unknown_columns_follow_the_mode() -> None:
    t = pa.table({"age": [35, None], "horizon_years": [8, 8], "risk_tolerance": [None, "Moderate"], "user_id": ["u1", "u2"]})
    got = sc.validate_profiles_arrow(t, keep=["user_id"]).to_pylist()
    assert got[0]["risk_tolerance"] == "Moderate" and got[0]["user_id"] == "u1"
    assert (got[1]["error"], got[1]["error_field"], got[1]["user_id"]) == ("profile_required", "age", "u2")
    strict = sc.validate_profiles_arrow(t).to_pylist()[0]
    assert (strict["error"], strict["error_field"]) == ("profile_unknown_field", "user_id")
    assert sc.validate_profiles_arrow(t, mode="compat").to_pylist()[0]["error"] is None
    # A kept profile field is still read as one.
    kept = sc.classify_blended_arrow(t, keep=["user_id", "age"]).to_pylist()
    assert (kept[0]["age"], kept[0]["error"]) == (35, None)
    assert kept[0]["primary_persona"] == sc.classify_blended({"age": 35, "horizon_years": 8})["primary_persona"]["slug"]


def test_bad_rows_raise_when_asked_with_their_index() -> None:
    t = pa.table({"age": [35, 40, 12, 50], "horizon_years": [8, 8, 8, 8]})
    stream = pa.Table.from_batches(t.to_batches(max_chunksize=2))
    with pytest.raises(sc.InputError) as info:
        sc.classify_blended_arrow(stream, errors="raise")
    assert info.value.row == 2  # type: ignore[attr-defined]
    assert [e["code"] for e in info.value.errors] == ["profile_out_of_range"]
    with pytest.raises(sc.InputError) as info:
        sc.train_personas_arrow(stream, k=2)
    assert info.value.row == 2  # type: ignore[attr-defined]
    with pytest.raises(sc.SparrowError) as info2:
        sc.classify_arrow(t, errors="Raise")  # type: ignore[arg-type]
    assert info2.value.code == "row_errors_unknown"
    with pytest.raises(sc.SparrowError) as info2:
        sc.classify_arrow(t, keep=["user_id"])
    assert info2.value.code == "column_missing"
    with pytest.raises(TypeError):
        sc.classify_arrow(PROFILES)  # type: ignore[arg-type]
    # Two columns of one name, or a kept column named like a result column: refused.
    twice = pa.Table.from_arrays([pa.array([35]), pa.array([40]), pa.array([8])], names=["age", "age", "horizon_years"])
    for call in (lambda: sc.validate_profiles_arrow(twice), lambda: sc.train_personas_arrow(twice, k=1)):
        with pytest.raises(sc.SparrowError) as info2:
            call()
        assert info2.value.code == "column_duplicate"
    with pytest.raises(sc.SparrowError) as info2:
        sc.classify_blended_arrow(t.append_column("confidence", pa.array([1, 2, 3, 4])), keep=["confidence"])
    assert info2.value.code == "column_duplicate"


def test_any_capsule_producer_and_empty_input() -> None:
    df = pl.DataFrame(PROFILES[:50])
    from_polars = sc.classify_blended_arrow(df)
    assert from_polars == sc.classify_blended_arrow(pa.Table.from_pylist(PROFILES[:50]))

    class StreamOnly:
        """A producer that is neither pyarrow nor polars: the PyCapsule protocol alone."""

        def __arrow_c_stream__(self, requested_schema: object = None) -> object:
            return TABLE.slice(0, 10).__arrow_c_stream__(requested_schema)  # type: ignore[no-untyped-call]

    assert sc.classify_arrow(StreamOnly()).num_rows == 10
    empty = TABLE.slice(0, 0)
    assert sc.classify_blended_arrow(empty).schema == sa.BLENDED_SCHEMA
    assert sc.classify_blended_arrow(empty).num_rows == 0
    assert sc.classify_blended_arrow(pa.table({"x": pa.array([], pa.int8())}), mode="compat").num_rows == 0


def test_constant_tables() -> None:
    personas = sc.persona_table()
    assert personas.schema == sa.PERSONA_TABLE_SCHEMA
    assert personas.column("persona").to_pylist() == ["capital-guardian", "balanced-voyager", "accelerated-builder"]
    strategies = sc.strategy_table().to_pylist()
    one = sc.classify_blended(PROFILES[0])
    for entry in one["distribution"]:
        slug = entry["persona"]["slug"]
        assert {r["asset_class"]: r["fraction"] for r in strategies if r["persona"] == slug} == entry["allocation"]


def test_models_predict_ship_and_train_from_arrow() -> None:
    train_rows = sc.synthetic_profiles(3000, 5)
    model = sc.train_personas(train_rows, k=3, seed=9)
    from_arrow = sc.train_personas_arrow(pa.Table.from_pylist([dict(p) for p in train_rows]), k=3, seed=9)
    assert from_arrow.centroids == model.centroids and from_arrow == model
    # A stream of small batches (read one at a time, kept as features only) trains the
    # same model with the same steps, also warm-started and by mini-batches.
    table = pa.Table.from_pylist([dict(p) for p in train_rows])
    for options in ({"k": 4, "seed": 1, "warm_start": sc.train_personas(train_rows, k=4, seed=3)},
                    {"k": 3, "seed": 2, "algorithm": "minibatch", "batch_size": 500}):
        steps_a: list[tuple[int, int, float]] = []
        steps_b: list[tuple[int, int, float]] = []
        a = sc.train_personas(train_rows, on_progress=lambda *s: steps_a.append(s), **options)  # type: ignore[arg-type]
        stream = pa.RecordBatchReader.from_batches(table.schema, table.to_batches(max_chunksize=128))
        b = sc.train_personas_arrow(stream, on_progress=lambda *s: steps_b.append(s), **options)  # type: ignore[arg-type]
        assert a == b and a.training == b.training and steps_a == steps_b and len(steps_a) > 1
    got = model.predict_arrow(TABLE).to_pylist()
    assert got == [blended_row(model.predict(p)) for p in PROFILES]
    # Text and pickling keep version and centroids exactly.
    back = sc.PersonaModel.from_json(model.to_json())
    assert back == model and back.model_version == model.model_version and back.centroids == model.centroids
    shipped = pickle.loads(pickle.dumps(model))
    assert shipped == model and shipped.training == model.training


def test_batch_function_for_engines() -> None:
    t = TABLE.append_column("user_id", pa.array([f"u{i}" for i in range(TABLE.num_rows)]))
    out = list(sa.classify_batches(t.to_batches(max_chunksize=100), keep=["user_id"]))
    assert all(b.schema == sa.output_schema(t.schema, ["user_id"]) for b in out)
    joined = pa.Table.from_batches(out)
    assert joined.column("user_id").to_pylist() == t.column("user_id").to_pylist()
    assert joined.drop_columns(["user_id"]).to_pylist() == sc.classify_blended_arrow(TABLE).to_pylist()


def test_columnar_work_releases_the_gil() -> None:
    big = pa.concat_tables([TABLE] * 200)
    assert progress_during(lambda: sc.classify_blended_arrow(big)) > 1000


FLOW = pa.struct([("date", pa.date32()), ("amount", pa.decimal128(14, 2))])


def flow_lists() -> list[Any]:
    from test_returns import generated

    lists: list[Any] = [[{"date": d, "amount": a} for d, a in generated(seed)] for seed in range(40)]
    return lists + [None, [], [{"date": date_(2025, 1, 1), "amount": Decimal("-100.00")}]]


def date_(y: int, m: int, d: int) -> Any:
    from datetime import date

    return date(y, m, d)


def test_xirr_arrow_agrees_with_xirr_row_for_row() -> None:
    lists = flow_lists()
    table = pa.table({"client": list(range(len(lists))), "flows": pa.array(lists, pa.list_(FLOW))})
    out = sc.xirr_arrow(table.to_batches(max_chunksize=10)[0], keep=["client"])
    assert out.schema.names == ["client", "xirr", "error", "error_field", "error_message"]
    assert out.schema.field("xirr").type == pa.decimal128(16, 9)
    streamed = sc.xirr_arrow(table, keep=["client"]).to_pylist()  # a stream of batches
    assert len(streamed) == len(lists)
    for row, flows in zip(streamed, lists):
        if flows and len(flows) >= 2:
            assert row["xirr"] == sc.xirr([(f["date"], f["amount"]) for f in flows]), row["client"]
            assert row["error"] is None
        else:
            assert row["xirr"] is None and row["error"] == "returns_too_few_flows"
    # Text dates, integer and text amounts read the same; a null inside a list is refused.
    text = pa.array(
        [[{"date": "2025-01-01", "amount": "-1000"}, {"date": "2026-01-01", "amount": "1100"}],
         [{"date": None, "amount": "1"}, {"date": "2026-01-01", "amount": "1"}]],
        pa.list_(pa.struct([("date", pa.string()), ("amount", pa.string())])),
    )
    got = sc.xirr_arrow(pa.table({"cash": text}), column="cash").to_pylist()
    assert got[0]["xirr"] == Decimal("0.100000000")
    assert (got[1]["error"], got[1]["error_field"]) == ("returns_input", "flows.date")
    ints = pa.array([[{"date": date_(2025, 1, 1), "amount": -1000}, {"date": date_(2026, 1, 1), "amount": 1100}]],
                    pa.large_list(pa.struct([("date", pa.date32()), ("amount", pa.int32())])))
    assert sc.xirr_arrow(pa.table({"flows": ints})).to_pylist()[0]["xirr"] == Decimal("0.100000000")


def test_xirr_arrow_refusals() -> None:
    floats = pa.array([[{"date": date_(2025, 1, 1), "amount": -1.0}]], pa.list_(pa.struct([("date", pa.date32()), ("amount", pa.float64())])))
    with pytest.raises(TypeError, match="flows: expected a list of struct"):
        sc.xirr_arrow(pa.table({"flows": floats}))
    with pytest.raises(sc.InputError) as info:
        sc.xirr_arrow(pa.table({"other": [1]}))
    assert info.value.code == "column_missing"
    bad = pa.table({"flows": pa.array([flow_lists()[0], None], pa.list_(FLOW))})
    with pytest.raises(sc.InputError) as raised:
        sc.xirr_arrow(bad, errors="raise")
    assert raised.value.code == "returns_too_few_flows" and getattr(raised.value, "row") == 1
