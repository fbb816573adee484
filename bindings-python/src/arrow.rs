//! The columnar (Apache Arrow) forms of the profile and persona functions: conversion
//! between Arrow columns and the core's records only. Which columns exist, their
//! types and scales, what a null cell means and what the error columns hold are the
//! core's ([`sparrow_core::contract::columns`]).
//!
//! Input is anything that exports the Arrow PyCapsule interface (`__arrow_c_array__`
//! for one batch, `__arrow_c_stream__` for a table or stream), read through
//! `pyo3-arrow`; output is a `pyarrow.RecordBatch` for a batch and a `pyarrow.Table`
//! for a stream (pyarrow ≥ 14 is needed for these functions only). The work runs
//! without the GIL.

use std::borrow::Cow;
use std::sync::Arc;

use arrow_array::builder::{Decimal128Builder, Int32Builder, StringBuilder, UInt8Builder};
use arrow_array::cast::AsArray;
use arrow_array::types::{Decimal128Type, Float64Type, Int64Type, UInt64Type};
use arrow_array::{Array, ArrayRef, RecordBatch, RecordBatchReader};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3_arrow::input::AnyRecordBatch;
use pyo3_arrow::{PyRecordBatch, PySchema, PyTable};
use rust_decimal::Decimal;
use sparrow_core::contract::columns::{self, BatchPlan, Column, ColumnType, InputRole, RowErrors};
use sparrow_core::contract::{self, ArgumentError};
use sparrow_core::persona::{self, BlendedClassification, Classification, PersonaId, TrainingSet};
use sparrow_core::profile::{self, FieldValue, Profile, ProfileFields, ValidationMode};

use crate::convert::Text;
use crate::errors::{to_py_err, OrRaise};
use crate::money::mode_arg;

// ---------------------------------------------------------------- reading

/// One input column, cast once to the type its cells are read as. Casts are lossless
/// (narrower integers and floats widen; every text encoding becomes UTF-8).
enum Reader {
    Int(arrow_array::PrimitiveArray<Int64Type>),
    UInt(arrow_array::PrimitiveArray<UInt64Type>),
    Float(arrow_array::PrimitiveArray<Float64Type>),
    Decimal(arrow_array::PrimitiveArray<Decimal128Type>, i8),
    Text(arrow_array::StringArray),
    Bool(arrow_array::BooleanArray),
    /// A column of Arrow's `null` type: every cell is null (an absent key).
    Null,
    /// A type no profile field takes (lists, structs, dates, decimal256, …): each
    /// non-null cell is `FieldValue::Other`, a `profile_type` error of its row.
    Other(ArrayRef),
}

impl Reader {
    fn new(array: &ArrayRef) -> Result<Reader, ArrowError> {
        let cast = |to: &DataType| arrow_cast::cast(array, to);
        Ok(match array.data_type() {
            DataType::Int8
            | DataType::Int16
            | DataType::Int32
            | DataType::Int64
            | DataType::UInt8
            | DataType::UInt16
            | DataType::UInt32 => Reader::Int(cast(&DataType::Int64)?.as_primitive().clone()),
            DataType::UInt64 => Reader::UInt(array.as_primitive().clone()),
            DataType::Float16 | DataType::Float32 | DataType::Float64 => {
                Reader::Float(cast(&DataType::Float64)?.as_primitive().clone())
            }
            DataType::Decimal128(_, scale) => Reader::Decimal(array.as_primitive().clone(), *scale),
            DataType::Utf8 => Reader::Text(array.as_string::<i32>().clone()),
            DataType::LargeUtf8 | DataType::Utf8View => {
                Reader::Text(cast(&DataType::Utf8)?.as_string::<i32>().clone())
            }
            DataType::Dictionary(_, value)
                if matches!(
                    value.as_ref(),
                    DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View
                ) =>
            {
                Reader::Text(cast(&DataType::Utf8)?.as_string::<i32>().clone())
            }
            DataType::Boolean => Reader::Bool(array.as_boolean().clone()),
            DataType::Null => Reader::Null,
            // Logical nulls: a run-end or union column's nulls are not in a buffer.
            _ => Reader::Other(array.clone()),
        })
    }

    fn is_null(&self, row: usize) -> bool {
        match self {
            Reader::Int(a) => a.is_null(row),
            Reader::UInt(a) => a.is_null(row),
            Reader::Float(a) => a.is_null(row),
            Reader::Decimal(a, _) => a.is_null(row),
            Reader::Text(a) => a.is_null(row),
            Reader::Bool(a) => a.is_null(row),
            Reader::Null => true,
            Reader::Other(a) => a.logical_nulls().is_some_and(|n| n.is_null(row)),
        }
    }

    /// The cell as the value it stands for; `None` for a null (an absent key).
    fn cell(&self, row: usize) -> Option<FieldValue<'_>> {
        if self.is_null(row) {
            return None;
        }
        Some(match self {
            Reader::Int(a) => FieldValue::Int(a.value(row)),
            Reader::UInt(a) => match i64::try_from(a.value(row)) {
                Ok(v) => FieldValue::Int(v),
                Err(_) => FieldValue::Number(Cow::Owned(a.value(row).to_string())),
            },
            // The shortest text that reads back as the float (what a JSON body
            // carries): `30.0` stays a float, `NaN` and `inf` are no numbers.
            Reader::Float(a) => FieldValue::Number(Cow::Owned(format!("{:?}", a.value(row)))),
            Reader::Decimal(a, scale) => decimal_cell(a.value(row), *scale),
            Reader::Text(a) => FieldValue::Text(a.value(row)),
            Reader::Bool(a) => FieldValue::Bool(a.value(row)),
            Reader::Null | Reader::Other(_) => FieldValue::Other,
        })
    }
}

/// A `decimal128` cell: a `Decimal` when it fits one, else its exact literal.
fn decimal_cell(v: i128, scale: i8) -> FieldValue<'static> {
    if let Ok(s) = u32::try_from(scale) {
        if let Ok(d) = Decimal::try_from_i128_with_scale(v, s) {
            return FieldValue::Decimal(d);
        }
    }
    let digits = v.unsigned_abs().to_string();
    FieldValue::Number(Cow::Owned(contract::literal_from_parts(
        v < 0,
        &digits,
        -i64::from(scale),
    )))
}

/// The columns of one batch, matched to the profile's fields once.
struct Columns<'b> {
    fields: Vec<(usize, Reader)>,
    unknown: Vec<(&'b str, Reader)>,
    rows: usize,
}

impl<'b> Columns<'b> {
    /// The batch's columns in the roles the core's plan gave them.
    fn new(batch: &'b RecordBatch, roles: &[InputRole]) -> Result<Columns<'b>, Failure> {
        let mut fields = Vec::new();
        let mut unknown = Vec::new();
        let named = batch.schema_ref().fields().iter().zip(batch.columns());
        for ((field, array), role) in named.zip(roles) {
            match role {
                InputRole::Field(i) => {
                    fields.push((*i, Reader::new(array).map_err(Failure::Arrow)?));
                }
                InputRole::Kept => {}
                InputRole::Unknown => unknown.push((
                    field.name().as_str(),
                    Reader::new(array).map_err(Failure::Arrow)?,
                )),
            }
        }
        Ok(Columns {
            fields,
            unknown,
            rows: batch.num_rows(),
        })
    }

    fn profile(&self, row: usize, mode: ValidationMode) -> Result<Profile, sparrow_core::Error> {
        let mut f = ProfileFields::new();
        for (i, reader) in &self.fields {
            if let Some(v) = reader.cell(row) {
                f.set(*i, v);
            }
        }
        for (name, reader) in &self.unknown {
            if !reader.is_null(row) {
                f.insert_unknown(Cow::Borrowed(name));
            }
        }
        profile::validate_profile_fields(&f, mode).map_err(Into::into)
    }
}

// ---------------------------------------------------------------- writing

/// A builder for a column of the core's [`ColumnType`].
enum Builder {
    Text(StringBuilder),
    UInt8(UInt8Builder),
    Int32(Int32Builder),
    Decimal(Decimal128Builder, ColumnType),
}

impl Builder {
    fn new(ty: ColumnType, capacity: usize) -> Result<Builder, ArrowError> {
        Ok(match ty {
            ColumnType::Text => Builder::Text(StringBuilder::with_capacity(capacity, capacity * 8)),
            ColumnType::UInt8 => Builder::UInt8(UInt8Builder::with_capacity(capacity)),
            ColumnType::Int32 => Builder::Int32(Int32Builder::with_capacity(capacity)),
            ColumnType::Decimal { precision, scale } => {
                let scale = i8::try_from(scale)
                    .map_err(|_| ArrowError::InvalidArgumentError("decimal scale".into()))?;
                Builder::Decimal(
                    Decimal128Builder::with_capacity(capacity)
                        .with_precision_and_scale(precision, scale)?,
                    ty,
                )
            }
        })
    }

    fn null(&mut self) {
        match self {
            Builder::Text(b) => b.append_null(),
            Builder::UInt8(b) => b.append_null(),
            Builder::Int32(b) => b.append_null(),
            Builder::Decimal(b, _) => b.append_null(),
        }
    }

    fn text(&mut self, v: Option<&str>) {
        if let Builder::Text(b) = self {
            b.append_option(v);
        }
    }

    fn uint8(&mut self, v: u8) {
        if let Builder::UInt8(b) = self {
            b.append_value(v);
        }
    }

    fn int32(&mut self, v: Option<i32>) {
        if let Builder::Int32(b) = self {
            b.append_option(v);
        }
    }

    /// A decimal at the column's scale, exactly; a value that does not fit is an
    /// error (never rounded, never a silent null).
    fn decimal(&mut self, v: Option<Decimal>) -> Result<(), ArrowError> {
        if let Builder::Decimal(b, ty) = self {
            match v {
                None => b.append_null(),
                Some(d) => b.append_value(columns::scaled(d, *ty).ok_or_else(|| {
                    ArrowError::InvalidArgumentError(format!(
                        "{d} does not fit the column's decimal type exactly"
                    ))
                })?),
            }
        }
        Ok(())
    }

    fn finish(self) -> ArrayRef {
        match self {
            Builder::Text(mut b) => Arc::new(b.finish()),
            Builder::UInt8(mut b) => Arc::new(b.finish()),
            Builder::Int32(mut b) => Arc::new(b.finish()),
            Builder::Decimal(mut b, _) => Arc::new(b.finish()),
        }
    }
}

/// One builder per column, each with room for `capacity` cells.
fn builders(cols: &[Column], capacity: usize) -> Result<Vec<Builder>, ArrowError> {
    cols.iter().map(|c| Builder::new(c.ty, capacity)).collect()
}

fn data_type(ty: ColumnType) -> DataType {
    match ty {
        ColumnType::Text => DataType::Utf8,
        ColumnType::UInt8 => DataType::UInt8,
        ColumnType::Int32 => DataType::Int32,
        ColumnType::Decimal { precision, scale } => {
            DataType::Decimal128(precision, i8::try_from(scale).unwrap_or(i8::MAX))
        }
    }
}

fn field_of(c: &Column) -> Field {
    Field::new(c.name.clone(), data_type(c.ty), c.nullable)
}

fn fields_of(cols: &[Column]) -> Vec<Field> {
    cols.iter().map(field_of).collect()
}

/// What one row turns into.
#[derive(Clone, Copy)]
enum Kind<'m> {
    Profile,
    Classify,
    Blended,
    Predict(&'m persona::PersonaModel),
}

impl Kind<'_> {
    fn columns(self) -> Vec<Column> {
        match self {
            Kind::Profile => columns::profile_columns(),
            Kind::Classify => columns::classification_columns(),
            Kind::Blended | Kind::Predict(_) => columns::blended_columns(),
        }
    }

    /// Appends the row's result to the builders (in [`Kind::columns`] order).
    fn push(self, p: &Profile, b: &mut [Builder]) -> Result<(), ArrowError> {
        match self {
            Kind::Profile => push_profile(p, b),
            Kind::Classify => push_classification(&persona::classify(p), b),
            Kind::Blended => push_blended(&persona::classify_blended(p), b),
            Kind::Predict(model) => push_blended(&model.predict(p), b),
        }
    }
}

fn push_profile(p: &Profile, b: &mut [Builder]) -> Result<(), ArrowError> {
    let mut it = b.iter_mut();
    let mut next = || {
        it.next()
            .ok_or_else(|| ArrowError::SchemaError("profile columns".into()))
    };
    next()?.uint8(p.age());
    next()?.uint8(p.horizon_years());
    next()?.text(Some(p.risk_tolerance().as_str()));
    next()?.text(Some(p.volatility().as_str()));
    next()?.text(Some(p.liquidity().as_str()));
    next()?.text(Some(p.knowledge().as_str()));
    next()?.text(p.goal());
    next()?.decimal(p.target_amount().map(|m| m.as_decimal()))?;
    next()?.int32(p.target_year());
    next()?.decimal(p.monthly_sip().map(|m| m.as_decimal()))?;
    next()?.decimal(p.lump_sum().map(|m| m.as_decimal()))?;
    Ok(())
}

fn push_classification(c: &Classification, b: &mut [Builder]) -> Result<(), ArrowError> {
    let mut it = b.iter_mut();
    let mut next = || {
        it.next()
            .ok_or_else(|| ArrowError::SchemaError("classification columns".into()))
    };
    next()?.text(Some(c.persona.slug()));
    next()?.decimal(Some(c.confidence))?;
    for p in PersonaId::ALL {
        next()?.decimal(Some(c.probability(p)))?;
    }
    next()?.text(Some(&c.model_version));
    Ok(())
}

fn push_blended(r: &BlendedClassification, b: &mut [Builder]) -> Result<(), ArrowError> {
    let mut it = b.iter_mut();
    let mut next = || {
        it.next()
            .ok_or_else(|| ArrowError::SchemaError("blended columns".into()))
    };
    next()?.text(Some(r.primary.slug()));
    next()?.decimal(Some(r.confidence))?;
    for p in PersonaId::ALL {
        let w = r
            .distribution
            .iter()
            .find(|e| e.persona == p)
            .map(|e| e.weight);
        next()?.decimal(Some(w.unwrap_or_default()))?;
    }
    for class in columns::BLEND_CLASSES {
        next()?.decimal(Some(r.blended_allocation.get(class)))?;
    }
    next()?.text(Some(&r.model_version));
    Ok(())
}

// ---------------------------------------------------------------- driving

enum Failure {
    /// A refused row (`errors="raise"`), by its index in the whole input.
    Row(usize, sparrow_core::Error),
    Argument(ArgumentError),
    /// A refusal that is no row's (the training set is full).
    Core(sparrow_core::Error),
    Arrow(ArrowError),
    /// A column of a type the function does not read.
    Type(String),
}

impl Failure {
    fn into_py(self, py: Python<'_>) -> PyErr {
        match self {
            Failure::Row(row, e) => {
                let err = to_py_err(py, e);
                // Which row, as an attribute (the message stays the core's).
                let _ = err.value(py).setattr("row", row);
                err
            }
            Failure::Argument(e) => to_py_err(py, e.into()),
            Failure::Core(e) => to_py_err(py, e),
            Failure::Arrow(e) => PyErr::from(pyo3_arrow::error::PyArrowError::from(e)),
            Failure::Type(m) => PyTypeError::new_err(m),
        }
    }
}

struct Options {
    mode: ValidationMode,
    errors: RowErrors,
    keep: Vec<String>,
}

fn options(
    py: Python<'_>,
    mode: Option<Text>,
    errors: Option<Text>,
    keep: Option<Vec<String>>,
) -> PyResult<Options> {
    Ok(Options {
        mode: mode_arg(py, mode.as_deref())?,
        errors: match errors {
            None => RowErrors::default(),
            Some(e) => e.parse::<RowErrors>().or_raise(py)?,
        },
        keep: keep.unwrap_or_default(),
    })
}

/// The core's plan for `kind` over `input`, and the output schema it gives: the kept
/// input fields as they are, then the result and error columns.
fn plan(
    input: &Schema,
    kind: Kind<'_>,
    keep: &[String],
) -> Result<(BatchPlan, SchemaRef), Failure> {
    plan_columns(input, kind.columns(), keep)
}

/// The core's plan for `results` over `input`, and its output schema.
fn plan_columns(
    input: &Schema,
    results: Vec<Column>,
    keep: &[String],
) -> Result<(BatchPlan, SchemaRef), Failure> {
    let names: Vec<&str> = input.fields().iter().map(|f| f.name().as_str()).collect();
    let plan = columns::plan_batch(&names, results, keep).map_err(Failure::Argument)?;
    let mut fields: Vec<Field> = plan
        .kept
        .iter()
        .filter_map(|&i| input.fields().get(i))
        .map(|f| f.as_ref().clone())
        .collect();
    fields.extend(plan.output_columns().map(field_of));
    Ok((plan, Arc::new(Schema::new(fields))))
}

/// One batch through `kind`; `offset` is the index of its first row in the input.
fn run_batch(
    batch: &RecordBatch,
    kind: Kind<'_>,
    o: &Options,
    planned: &(BatchPlan, SchemaRef),
    offset: usize,
) -> Result<RecordBatch, Failure> {
    let cols = Columns::new(batch, &planned.0.inputs)?;
    fill_batch(batch, o, planned, offset, |row, results| {
        match cols.profile(row, o.mode) {
            Ok(p) => kind.push(&p, results).map(Ok),
            Err(e) => Ok(Err(e)),
        }
    })
}

/// The output batch for `batch`: `each` appends one row's results (or answers the row's
/// refusal, which is raised or written to the error columns as `o.errors` says), then
/// the kept columns, results and error columns are put together.
fn fill_batch(
    batch: &RecordBatch,
    o: &Options,
    (plan, schema): &(BatchPlan, SchemaRef),
    offset: usize,
    mut each: impl FnMut(usize, &mut [Builder]) -> Result<Result<(), sparrow_core::Error>, ArrowError>,
) -> Result<RecordBatch, Failure> {
    let n = batch.num_rows();
    let mut results = builders(&plan.results, n).map_err(Failure::Arrow)?;
    let mut errors = builders(&plan.errors, n).map_err(Failure::Arrow)?;
    for row in 0..n {
        match each(row, &mut results).map_err(Failure::Arrow)? {
            Ok(()) => errors.iter_mut().for_each(Builder::null),
            Err(e) if o.errors == RowErrors::Raise => {
                return Err(Failure::Row(offset.saturating_add(row), e));
            }
            Err(e) => {
                results.iter_mut().for_each(Builder::null);
                for (b, cell) in errors.iter_mut().zip(columns::error_cells(&e)) {
                    b.text(Some(&cell));
                }
            }
        }
    }
    let mut arrays: Vec<ArrayRef> = plan
        .kept
        .iter()
        .filter_map(|&i| batch.columns().get(i).cloned())
        .collect();
    arrays.extend(results.into_iter().map(Builder::finish));
    arrays.extend(errors.into_iter().map(Builder::finish));
    RecordBatch::try_new(schema.clone(), arrays).map_err(Failure::Arrow)
}

/// Runs `kind` over `data` without the GIL: a batch gives a `pyarrow.RecordBatch`, a
/// stream a `pyarrow.Table`.
fn run(py: Python<'_>, data: AnyRecordBatch, kind: Kind<'_>, o: Options) -> PyResult<Py<PyAny>> {
    drive(
        py,
        data,
        |schema| plan(schema, kind, &o.keep),
        |batch, planned, offset| run_batch(batch, kind, &o, planned, offset),
    )
}

type Planned = (BatchPlan, SchemaRef);

/// Plans once from the input's schema and turns each batch with `one` (told the index of
/// its first row), without the GIL: a batch gives a `pyarrow.RecordBatch`, a stream a
/// `pyarrow.Table`.
fn drive(
    py: Python<'_>,
    data: AnyRecordBatch,
    planner: impl Fn(&Schema) -> Result<Planned, Failure> + Send + Sync,
    one: impl Fn(&RecordBatch, &Planned, usize) -> Result<RecordBatch, Failure> + Send + Sync,
) -> PyResult<Py<PyAny>> {
    match data {
        AnyRecordBatch::RecordBatch(b) => {
            let batch = b.into_inner();
            let out = py.detach(|| one(&batch, &planner(batch.schema_ref())?, 0));
            let out = out.map_err(|f| f.into_py(py))?;
            Ok(PyRecordBatch::new(out).into_pyarrow(py)?.unbind())
        }
        AnyRecordBatch::Stream(s) => {
            let reader = s.into_reader()?;
            let out = py.detach(move || {
                let planned = planner(&reader.schema())?;
                let mut batches = Vec::new();
                let mut offset = 0usize;
                for batch in reader {
                    let batch = batch.map_err(Failure::Arrow)?;
                    batches.push(one(&batch, &planned, offset)?);
                    offset = offset.saturating_add(batch.num_rows());
                }
                Ok((batches, planned.1))
            });
            let (batches, schema) = out.map_err(|f: Failure| f.into_py(py))?;
            Ok(PyTable::try_new(batches, schema)?
                .into_pyarrow(py)?
                .unbind())
        }
    }
}

/// Calls `each` with every row of `data` as a profile, batch by batch without the
/// GIL (only one batch is read at a time); the first refused row raises (with `row`).
fn each_profile<T: Send>(
    py: Python<'_>,
    data: AnyRecordBatch,
    mode: ValidationMode,
    mut acc: T,
    each: impl Fn(&mut T, Profile) -> Result<(), sparrow_core::Error> + Send,
) -> PyResult<T> {
    let reader: Box<dyn RecordBatchReader + Send> = data.into_reader()?;
    let out = py.detach(move || {
        let mut offset = 0usize;
        for batch in reader {
            let batch = batch.map_err(Failure::Arrow)?;
            let (planned, _) = plan(batch.schema_ref(), Kind::Profile, &[])?;
            let cols = Columns::new(&batch, &planned.inputs)?;
            for row in 0..cols.rows {
                let at = offset.saturating_add(row);
                let p = cols.profile(row, mode).map_err(|e| Failure::Row(at, e))?;
                each(&mut acc, p).map_err(Failure::Core)?;
            }
            offset = offset.saturating_add(cols.rows);
        }
        Ok(acc)
    });
    out.map_err(|f: Failure| f.into_py(py))
}

/// Every row of Arrow data as a profile (every row must be valid).
pub(crate) fn profiles(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    mode: ValidationMode,
) -> PyResult<Vec<Profile>> {
    each_profile(py, data_arg(data)?, mode, Vec::new(), |all, p| {
        all.push(p);
        Ok(())
    })
}

/// Every row of Arrow data encoded for training (every row must be valid): 6 B a row,
/// no profile is kept.
pub(crate) fn training_set(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    mode: ValidationMode,
) -> PyResult<TrainingSet> {
    each_profile(py, data_arg(data)?, mode, TrainingSet::new(), |set, p| {
        set.push(&p).map_err(Into::into)
    })
}

fn data_arg(data: &Bound<'_, PyAny>) -> PyResult<AnyRecordBatch> {
    data.extract::<AnyRecordBatch>().map_err(|_| {
        PyTypeError::new_err(
            "data: expected Arrow data (an object with __arrow_c_array__ or __arrow_c_stream__: \
             a pyarrow RecordBatch or Table, a polars DataFrame, …)",
        )
    })
}

// ---------------------------------------------------------------- functions

#[pyfunction]
#[pyo3(signature = (data, mode = None, errors = None, keep = None))]
pub(crate) fn validate_profiles_arrow(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    mode: Option<Text>,
    errors: Option<Text>,
    keep: Option<Vec<String>>,
) -> PyResult<Py<PyAny>> {
    let o = options(py, mode, errors, keep)?;
    run(py, data_arg(data)?, Kind::Profile, o)
}

#[pyfunction]
#[pyo3(signature = (data, mode = None, errors = None, keep = None))]
pub(crate) fn classify_arrow(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    mode: Option<Text>,
    errors: Option<Text>,
    keep: Option<Vec<String>>,
) -> PyResult<Py<PyAny>> {
    let o = options(py, mode, errors, keep)?;
    run(py, data_arg(data)?, Kind::Classify, o)
}

#[pyfunction]
#[pyo3(signature = (data, mode = None, errors = None, keep = None))]
pub(crate) fn classify_blended_arrow(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    mode: Option<Text>,
    errors: Option<Text>,
    keep: Option<Vec<String>>,
) -> PyResult<Py<PyAny>> {
    let o = options(py, mode, errors, keep)?;
    run(py, data_arg(data)?, Kind::Blended, o)
}

/// `PersonaModel.predict_arrow`.
pub(crate) fn predict_arrow(
    py: Python<'_>,
    model: &persona::PersonaModel,
    data: &Bound<'_, PyAny>,
    mode: Option<Text>,
    errors: Option<Text>,
    keep: Option<Vec<String>>,
) -> PyResult<Py<PyAny>> {
    let o = options(py, mode, errors, keep)?;
    run(py, data_arg(data)?, Kind::Predict(model), o)
}

fn table(py: Python<'_>, cols: &[Column], arrays: Vec<ArrayRef>) -> PyResult<Py<PyAny>> {
    let schema = Arc::new(Schema::new(fields_of(cols)));
    let batch = RecordBatch::try_new(schema.clone(), arrays)
        .map_err(|e| PyErr::from(pyo3_arrow::error::PyArrowError::from(e)))?;
    Ok(PyTable::try_new(vec![batch], schema)?
        .into_pyarrow(py)?
        .unbind())
}

fn arrow_err(e: ArrowError) -> PyErr {
    PyErr::from(pyo3_arrow::error::PyArrowError::from(e))
}

/// The persona catalogue as a `pyarrow.Table` (slug, name, risk band, description).
#[pyfunction]
pub(crate) fn persona_table(py: Python<'_>) -> PyResult<Py<PyAny>> {
    let cols = columns::persona_table_columns();
    let mut b = builders(&cols, PersonaId::ALL.len()).map_err(arrow_err)?;
    for p in PersonaId::ALL {
        for (builder, v) in b
            .iter_mut()
            .zip([p.slug(), p.name(), p.risk_band(), p.description()])
        {
            builder.text(Some(v));
        }
    }
    table(py, &cols, b.into_iter().map(Builder::finish).collect())
}

/// Each persona's strategy as a `pyarrow.Table` (persona, asset class, fraction).
#[pyfunction]
pub(crate) fn strategy_table(py: Python<'_>) -> PyResult<Py<PyAny>> {
    let cols = columns::strategy_table_columns();
    let rows = columns::strategy_rows();
    let mut b = builders(&cols, rows.len()).map_err(arrow_err)?;
    for (p, class, fraction) in rows {
        if let [persona, asset, value] = b.as_mut_slice() {
            persona.text(Some(p.slug()));
            asset.text(Some(class.as_str()));
            value.decimal(Some(fraction)).map_err(arrow_err)?;
        }
    }
    table(py, &cols, b.into_iter().map(Builder::finish).collect())
}

/// The published schema of a batch function's result (without `keep` columns), as a
/// `pyarrow.Schema`: `"profile"`, `"classification"`, `"blended"`, `"persona_table"`,
/// `"strategy_table"`.
#[pyfunction]
pub(crate) fn _arrow_schema(py: Python<'_>, name: &str) -> PyResult<Py<PyAny>> {
    let mut cols = match name {
        "profile" => columns::profile_columns(),
        "classification" => columns::classification_columns(),
        "blended" => columns::blended_columns(),
        "persona_table" => return schema_of(py, &columns::persona_table_columns()),
        "strategy_table" => return schema_of(py, &columns::strategy_table_columns()),
        _ => {
            return Err(PyTypeError::new_err(
                "name: one of profile, classification, blended, persona_table, strategy_table",
            ))
        }
    };
    cols.extend(columns::error_columns());
    schema_of(py, &cols)
}

fn schema_of(py: Python<'_>, cols: &[Column]) -> PyResult<Py<PyAny>> {
    Ok(PySchema::new(Arc::new(Schema::new(fields_of(cols))))
        .into_pyarrow(py)?
        .unbind())
}

// ---------------------------------------------------------------- xirr over flow lists

/// A flow's `date` child, cast once.
enum FlowDates {
    Days(arrow_array::PrimitiveArray<arrow_array::types::Date32Type>),
    Text(arrow_array::StringArray),
}

/// A flow's `amount` child, cast once.
enum FlowAmounts {
    Decimal(arrow_array::PrimitiveArray<Decimal128Type>, i8),
    Int(arrow_array::PrimitiveArray<Int64Type>),
    Text(arrow_array::StringArray),
}

/// The flows column of one batch: list offsets and the two children.
struct Flows {
    list: arrow_array::ListArray,
    dates: FlowDates,
    amounts: FlowAmounts,
}

const FLOWS_TYPE: &str =
    "a list of struct<date: date32 or YYYY-MM-DD text, amount: decimal, integer or decimal text>";

fn flows_of(array: &ArrayRef, column: &str) -> Result<Flows, Failure> {
    let wrong = |what: &str| {
        Failure::Type(format!(
            "{column}: expected {FLOWS_TYPE}, not {what} (a float amount is refused: money is never a binary float)"
        ))
    };
    let list = match array.data_type() {
        DataType::List(_) => array.as_list::<i32>().clone(),
        DataType::LargeList(f) => arrow_cast::cast(array, &DataType::List(f.clone()))
            .map_err(Failure::Arrow)?
            .as_list::<i32>()
            .clone(),
        other => return Err(wrong(&other.to_string())),
    };
    let Some(items) = list.values().as_struct_opt() else {
        return Err(wrong(&list.value_type().to_string()));
    };
    let (Some(date), Some(amount)) = (items.column_by_name("date"), items.column_by_name("amount"))
    else {
        return Err(wrong(&list.value_type().to_string()));
    };
    let cast = |a: &ArrayRef, to: &DataType| arrow_cast::cast(a, to).map_err(Failure::Arrow);
    let dates = match date.data_type() {
        DataType::Date32 => FlowDates::Days(date.as_primitive().clone()),
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => {
            FlowDates::Text(cast(date, &DataType::Utf8)?.as_string::<i32>().clone())
        }
        other => return Err(wrong(&format!("date: {other}"))),
    };
    let amounts = match amount.data_type() {
        DataType::Decimal128(_, scale) => {
            FlowAmounts::Decimal(amount.as_primitive().clone(), *scale)
        }
        DataType::Int8
        | DataType::Int16
        | DataType::Int32
        | DataType::Int64
        | DataType::UInt8
        | DataType::UInt16
        | DataType::UInt32 => {
            FlowAmounts::Int(cast(amount, &DataType::Int64)?.as_primitive().clone())
        }
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => {
            FlowAmounts::Text(cast(amount, &DataType::Utf8)?.as_string::<i32>().clone())
        }
        other => return Err(wrong(&format!("amount: {other}"))),
    };
    Ok(Flows {
        list,
        dates,
        amounts,
    })
}

impl Flows {
    /// The xirr of one row (a null list has no flows).
    fn xirr(&self, row: usize) -> Result<Decimal, sparrow_core::Error> {
        let mut cells = Vec::new();
        if self.list.is_valid(row) {
            let offsets = self.list.value_offsets();
            let (Some(&start), Some(&end)) = (offsets.get(row), offsets.get(row + 1)) else {
                return Ok(sparrow_core::returns::xirr(&[])?);
            };
            let (start, end) = (
                usize::try_from(start).unwrap_or(0),
                usize::try_from(end).unwrap_or(0),
            );
            if end.saturating_sub(start) > sparrow_core::returns::MAX_FLOWS {
                return Err(sparrow_core::returns::ReturnsError::TooManyFlows {
                    max: sparrow_core::returns::MAX_FLOWS,
                }
                .into());
            }
            for i in start..end {
                let date = match &self.dates {
                    FlowDates::Days(a) if a.is_valid(i) => {
                        // date32 counts days from 1970-01-01, Julian day 2,440,588.
                        let jd = i32::try_from(i64::from(a.value(i)) + 2_440_588).ok();
                        Some(
                            jd.and_then(|jd| time::Date::from_julian_day(jd).ok())
                                .ok_or(ArgumentError::DateInvalid {
                                    field: "flows.date",
                                })?,
                        )
                    }
                    FlowDates::Text(a) if a.is_valid(i) => {
                        Some(contract::returns::parse_date(a.value(i), "flows.date")?)
                    }
                    _ => None,
                };
                let amount = match &self.amounts {
                    FlowAmounts::Decimal(a, scale) if a.is_valid(i) => Some(
                        u32::try_from(*scale)
                            .ok()
                            .and_then(|s| Decimal::try_from_i128_with_scale(a.value(i), s).ok())
                            .ok_or(sparrow_core::returns::ReturnsError::Input {
                                field: "flows.amount",
                                rule: "must fit a decimal of 28 digits (a scale of 0 to 28)",
                            })?,
                    ),
                    FlowAmounts::Int(a) if a.is_valid(i) => Some(Decimal::from(a.value(i))),
                    FlowAmounts::Text(a) if a.is_valid(i) => {
                        Some(contract::parse_decimal_text(a.value(i), "amount")?)
                    }
                    _ => None,
                };
                cells.push((date, amount));
            }
        }
        let flows = columns::flows_from_cells(cells)?;
        Ok(sparrow_core::returns::xirr(&flows)?)
    }
}

fn xirr_batch(
    batch: &RecordBatch,
    column: &str,
    o: &Options,
    planned: &Planned,
    offset: usize,
) -> Result<RecordBatch, Failure> {
    let Some(array) = batch.column_by_name(column) else {
        return Err(Failure::Argument(ArgumentError::ColumnMissing {
            field: "column",
            column: column.chars().take(64).collect(),
        }));
    };
    let flows = flows_of(array, column)?;
    fill_batch(batch, o, planned, offset, |row, results| {
        match flows.xirr(row) {
            Ok(rate) => {
                for b in results.iter_mut() {
                    b.decimal(Some(rate))?;
                }
                Ok(Ok(()))
            }
            Err(e) => Ok(Err(e)),
        }
    })
}

/// `xirr` of every row's flow list (see [`columns::xirr_columns`] for the reading
/// rules), without the GIL: a batch gives a `pyarrow.RecordBatch`, a stream a
/// `pyarrow.Table`, with the kept columns, `xirr` (decimal(16, 9)) and the error columns.
#[pyfunction]
#[pyo3(signature = (data, column = None, errors = None, keep = None))]
pub(crate) fn xirr_arrow(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    column: Option<String>,
    errors: Option<Text>,
    keep: Option<Vec<String>>,
) -> PyResult<Py<PyAny>> {
    let o = options(py, None, errors, keep)?;
    let column = column.unwrap_or_else(|| columns::FLOWS_COLUMN.to_owned());
    drive(
        py,
        data_arg(data)?,
        |schema| plan_columns(schema, columns::xirr_columns(), &o.keep),
        |batch, planned, offset| xirr_batch(batch, &column, &o, planned, offset),
    )
}
