//! The database columns of domain.md §1 and the PostgreSQL migration that moves them from
//! `DOUBLE PRECISION` to exact `DECIMAL` with CHECK constraints.
//!
//! The column rules below are the single source of truth: the profile validator
//! ([`crate::profile`]) checks `age`, `horizon_years` and the amounts against them, and
//! [`migration_sql`] turns the same definitions into SQL, so the database and the
//! validators accept exactly the same values (the PostgreSQL test shows it row by row).

use std::fmt::Write as _;

use crate::money::{Money, Percent};

/// A whole-number column with an inclusive range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntRule {
    /// Table name (Prisma `@@map`).
    pub table: &'static str,
    /// Column name (the Prisma field name, camelCase).
    pub column: &'static str,
    /// The field name in sparrow-core's JSON (snake_case).
    pub field: &'static str,
    /// Smallest allowed value.
    pub min: i64,
    /// Largest allowed value.
    pub max: i64,
}

/// A `DECIMAL(precision, scale)` column with an inclusive range, in steps of
/// `10^-scale` (paise for money, hundredths for percents, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecimalRule {
    /// Table name (Prisma `@@map`).
    pub table: &'static str,
    /// Column name (the Prisma field name, camelCase).
    pub column: &'static str,
    /// The field name in sparrow-core's JSON (snake_case).
    pub field: &'static str,
    /// Total digits of the DECIMAL type.
    pub precision: u32,
    /// Decimal places of the DECIMAL type.
    pub scale: u32,
    /// Smallest allowed value, in steps of `10^-scale`.
    pub min_minor: i64,
    /// Largest allowed value, in steps of `10^-scale`.
    pub max_minor: i64,
    /// Whether the column may hold NULL (as Prisma's `?` says today).
    pub nullable: bool,
}

/// `user_profiles.age`: 18 ≤ x ≤ 100.
pub const AGE: IntRule = IntRule {
    table: "user_profiles",
    column: "age",
    field: "age",
    min: 18,
    max: 100,
};

/// `user_profiles.horizonYears`: 1 ≤ x ≤ 40.
pub const HORIZON_YEARS: IntRule = IntRule {
    table: "user_profiles",
    column: "horizonYears",
    field: "horizon_years",
    min: 1,
    max: 40,
};

const fn money_column(
    table: &'static str,
    column: &'static str,
    field: &'static str,
) -> DecimalRule {
    DecimalRule {
        table,
        column,
        field,
        precision: 14,
        scale: Money::SCALE,
        min_minor: 0,
        max_minor: Money::MAX_MINOR,
        nullable: true,
    }
}

/// `user_profiles.targetAmount`: DECIMAL(14,2), 0 ≤ x ≤ 999,999,999,999.99.
pub const TARGET_AMOUNT: DecimalRule =
    money_column("user_profiles", "targetAmount", "target_amount");
/// `user_profiles.monthlySip`: DECIMAL(14,2), 0 ≤ x.
pub const MONTHLY_SIP: DecimalRule = money_column("user_profiles", "monthlySip", "monthly_sip");
/// `user_profiles.lumpSum`: DECIMAL(14,2), 0 ≤ x.
pub const LUMP_SUM: DecimalRule = money_column("user_profiles", "lumpSum", "lump_sum");
/// `user_portfolio_snapshots.totalValue`: DECIMAL(14,2), 0 ≤ x.
pub const TOTAL_VALUE: DecimalRule =
    money_column("user_portfolio_snapshots", "totalValue", "total_value");

/// `allocation_components.allocationPercent`: DECIMAL(5,2), 0 ≤ x ≤ 100.
pub const ALLOCATION_PERCENT: DecimalRule = DecimalRule {
    table: "allocation_components",
    column: "allocationPercent",
    field: "allocation_percent",
    precision: 5,
    scale: Percent::SCALE,
    min_minor: Percent::MIN_MINOR,
    max_minor: Percent::MAX_MINOR,
    nullable: false,
};

/// `risk_constraints.constraintValue`: DECIMAL(10,4); every known constraint type is a
/// percent or a score from 0 to 100.
pub const CONSTRAINT_VALUE: DecimalRule = DecimalRule {
    table: "risk_constraints",
    column: "constraintValue",
    field: "constraint_value",
    precision: 10,
    scale: 4,
    min_minor: 0,
    max_minor: 1_000_000,
    nullable: false,
};

/// `risk_constraints.constraintType`: the column that says what `constraintValue` means.
pub const CONSTRAINT_TYPE_COLUMN: &str = "constraintType";

/// The known `risk_constraints.constraintType` values (domain.md §1); any other is an error.
pub const CONSTRAINT_TYPES: &[&str] = &[
    "max_equity",
    "min_debt",
    "max_single_fund",
    "max_sector",
    "min_liquid",
    "max_volatility",
    "target_volatility",
    "acceptable_risk_score",
];

/// Every DECIMAL column the migration converts, in order.
pub const DECIMAL_COLUMNS: &[DecimalRule] = &[
    TARGET_AMOUNT,
    MONTHLY_SIP,
    LUMP_SUM,
    TOTAL_VALUE,
    ALLOCATION_PERCENT,
    CONSTRAINT_VALUE,
];

/// Every integer column the migration constrains.
pub const INT_COLUMNS: &[IntRule] = &[AGE, HORIZON_YEARS];

/// Rows the pre-check lists in its report before it says "and N more".
pub const PRECHECK_REPORT_ROWS: usize = 50;

impl DecimalRule {
    /// `minor × 10^-scale` as SQL decimal text.
    pub fn decimal_text(&self, minor: i64) -> String {
        let mut out = String::new();
        crate::money::write_plain(&mut out, minor, self.scale);
        out
    }

    /// Whether `minor` (in steps of `10^-scale`) is inside the rule's range.
    pub fn contains(&self, minor: i64) -> bool {
        (self.min_minor..=self.max_minor).contains(&minor)
    }

    fn is_constraint_value(&self) -> bool {
        self.table == CONSTRAINT_VALUE.table && self.column == CONSTRAINT_VALUE.column
    }

    /// The SQL condition a row must meet, on the column after conversion.
    fn check_sql(&self) -> String {
        let col = quote(self.column);
        let mut cond = format!(
            "{col} >= {} AND {col} <= {}",
            self.decimal_text(self.min_minor),
            self.decimal_text(self.max_minor)
        );
        if self.is_constraint_value() {
            cond = format!(
                "{} IN ({}) AND {cond}",
                quote(CONSTRAINT_TYPE_COLUMN),
                type_list()
            );
        }
        cond
    }

    /// The SQL condition that finds rows which would break the rule once converted.
    fn violation_sql(&self) -> String {
        let col = quote(self.column);
        let rounded = format!("round({col}::numeric, {})", self.scale);
        let mut cond = format!(
            "{col} IS NOT NULL AND ({col} = 'NaN'::float8 OR {col} IN ('Infinity'::float8, '-Infinity'::float8) \
             OR {rounded} < {} OR {rounded} > {})",
            self.decimal_text(self.min_minor),
            self.decimal_text(self.max_minor)
        );
        if self.is_constraint_value() {
            cond = format!(
                "({cond}) OR {} IS NULL OR {} NOT IN ({})",
                quote(CONSTRAINT_TYPE_COLUMN),
                quote(CONSTRAINT_TYPE_COLUMN),
                type_list()
            );
        }
        cond
    }
}

impl IntRule {
    fn check_sql(&self) -> String {
        let col = quote(self.column);
        format!("{col} >= {} AND {col} <= {}", self.min, self.max)
    }

    fn violation_sql(&self) -> String {
        let col = quote(self.column);
        format!(
            "{col} IS NOT NULL AND ({col} < {} OR {col} > {})",
            self.min, self.max
        )
    }
}

fn quote(ident: &str) -> String {
    format!("\"{ident}\"")
}

fn type_list() -> String {
    CONSTRAINT_TYPES
        .iter()
        .map(|t| format!("'{t}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn constraint_name(table: &str, column: &str) -> String {
    quote(&format!("{table}_{column}_check"))
}

/// The PostgreSQL statements that move the columns of domain.md §1 from `DOUBLE
/// PRECISION` to `DECIMAL`, add their CHECK constraints and the guide's §3.1 index on
/// `user_profiles("assignedPersonaId")`, in one transaction.
///
/// 1. **Pre-check.** A `DO` block looks for rows that would break the new rules once
///    rounded — out of range, NaN, ±Infinity, an unknown `constraintType` — and if there
///    are any it raises an exception whose message lists them (table, id, column; at
///    most [`PRECHECK_REPORT_ROWS`], then a count). The exception aborts the
///    transaction: nothing is clamped, dropped or changed.
/// 2. **Conversion.** `ALTER COLUMN … TYPE DECIMAL(p,s) USING round(x::numeric, s)`:
///    half away from zero at the column's scale, exactly as domain.md §1 says.
/// 3. **Constraints.** One named CHECK per column (`{table}_{column}_check`).
/// 4. **Index.** `user_profiles_assignedPersonaId_idx`, if it does not exist.
///
/// Note: like any `DECIMAL(p,s)` column, PostgreSQL rounds a value written later with
/// more than `s` decimals to the scale before the CHECK sees it; sparrow-core's
/// validators refuse such values instead, so write through them.
pub fn migration_sql() -> String {
    let mut sql = String::from(
        "-- sparrow-core: Float -> DECIMAL for the money and percent columns (domain.md §1),\n\
         -- CHECK constraints from the same rules the validators use, and the guide's §3.1 index.\n\
         BEGIN;\n\n",
    );
    sql.push_str(&precheck_sql());
    for rule in DECIMAL_COLUMNS {
        let _ = writeln!(
            sql,
            "ALTER TABLE {table} ALTER COLUMN {col} TYPE DECIMAL({p},{s}) USING round({col}::numeric, {s});",
            table = quote(rule.table),
            col = quote(rule.column),
            p = rule.precision,
            s = rule.scale
        );
    }
    sql.push('\n');
    for rule in DECIMAL_COLUMNS {
        let _ = writeln!(
            sql,
            "ALTER TABLE {} ADD CONSTRAINT {} CHECK ({});",
            quote(rule.table),
            constraint_name(rule.table, rule.column),
            rule.check_sql()
        );
    }
    for rule in INT_COLUMNS {
        let _ = writeln!(
            sql,
            "ALTER TABLE {} ADD CONSTRAINT {} CHECK ({});",
            quote(rule.table),
            constraint_name(rule.table, rule.column),
            rule.check_sql()
        );
    }
    sql.push_str(
        "\nCREATE INDEX IF NOT EXISTS \"user_profiles_assignedPersonaId_idx\" \
         ON \"user_profiles\"(\"assignedPersonaId\");\n\nCOMMIT;\n",
    );
    sql
}

fn precheck_sql() -> String {
    let selects: Vec<String> = DECIMAL_COLUMNS
        .iter()
        .map(|r| (r.table, r.column, r.violation_sql()))
        .chain(INT_COLUMNS.iter().map(|r| (r.table, r.column, r.violation_sql())))
        .map(|(table, column, cond)| {
            format!(
                "      SELECT '{table}' AS tbl, '{column}' AS col, \"id\" AS row_id FROM {} WHERE {cond}",
                quote(table)
            )
        })
        .collect();
    format!(
        "-- Pre-check: stop, listing the rows, if any existing value would break the new rules.\n\
         DO $precheck$\n\
         DECLARE\n  bad_count bigint;\n  report text;\n\
         BEGIN\n\
         \x20 SELECT count(*), string_agg(line, '; ' ORDER BY rn) FILTER (WHERE rn <= {limit})\n\
         \x20 INTO bad_count, report\n\
         \x20 FROM (\n\
         \x20   SELECT tbl || '.' || col || ' id=' || row_id AS line,\n\
         \x20          row_number() OVER (ORDER BY tbl, col, row_id) AS rn\n\
         \x20   FROM (\n{union}\n    ) bad\n\
         \x20 ) numbered;\n\
         \x20 IF bad_count > 0 THEN\n\
         \x20   RAISE EXCEPTION 'sparrow-core migration pre-check: % row(s) would break the new rules; nothing was changed. First rows: %',\n\
         \x20     bad_count, report\n\
         \x20     USING ERRCODE = 'check_violation',\n\
         \x20     HINT = 'Fix or remove the listed rows (out of range, NaN, Infinity or an unknown constraintType), then run the migration again.';\n\
         \x20 END IF;\n\
         END\n\
         $precheck$;\n\n",
        union = selects.join("\n      UNION ALL\n"),
        limit = PRECHECK_REPORT_ROWS
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sql_mentions_every_rule() {
        let sql = migration_sql();
        for rule in DECIMAL_COLUMNS {
            assert!(sql.contains(&format!(
                "ALTER COLUMN \"{}\" TYPE DECIMAL({},{})",
                rule.column, rule.precision, rule.scale
            )));
            assert!(sql.contains(&format!("\"{}_{}_check\"", rule.table, rule.column)));
        }
        assert!(sql.contains("\"age\" >= 18 AND \"age\" <= 100"));
        assert!(sql.contains("\"targetAmount\" >= 0.00 AND \"targetAmount\" <= 999999999999.99"));
        assert!(sql.contains("\"allocationPercent\" >= 0.00 AND \"allocationPercent\" <= 100.00"));
        assert!(sql.contains("'acceptable_risk_score'"));
        assert!(sql.contains("user_profiles_assignedPersonaId_idx"));
        assert!(sql.trim_end().ends_with("COMMIT;"));
    }

    #[test]
    fn ranges_come_from_the_quantity_types() {
        assert_eq!(
            TARGET_AMOUNT.decimal_text(TARGET_AMOUNT.max_minor),
            "999999999999.99"
        );
        assert_eq!(
            CONSTRAINT_VALUE.decimal_text(CONSTRAINT_VALUE.max_minor),
            "100.0000"
        );
        assert!(ALLOCATION_PERCENT.contains(10_000));
        assert!(!ALLOCATION_PERCENT.contains(10_001));
    }
}
