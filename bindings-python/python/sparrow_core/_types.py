"""The shapes of sparrow-core's results (domain.md's JSON, with Decimal for numbers)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal, Optional, Protocol, TypeAlias, TypedDict, Union

from ._money import Money

#: What a decimal quantity may be given as.
DecimalLike: TypeAlias = Union[Decimal, str, int]
#: Unix seconds, an aware datetime, or None for the current time.
Now: TypeAlias = Union[int, datetime, None]
#: Record validation mode.
Mode: TypeAlias = Union[Literal["strict"], Literal["compat"]]
class ArrowArrayExportable(Protocol):
    """One Arrow batch (the PyCapsule interface): a pyarrow ``RecordBatch``, …"""

    def __arrow_c_array__(self, requested_schema: object = None) -> tuple[object, object]: ...


class ArrowStreamExportable(Protocol):
    """An Arrow stream (the PyCapsule interface): a pyarrow ``Table``, a polars ``DataFrame``, …"""

    def __arrow_c_stream__(self, requested_schema: object = None) -> object: ...


#: What the ``*_arrow`` functions read: one batch or a stream of batches.
ArrowData: TypeAlias = Union[ArrowArrayExportable, ArrowStreamExportable]
#: A batch function's answer to a refused row.
RowErrors: TypeAlias = Union[Literal["null"], Literal["raise"]]
#: A profile as a mapping (read as a JSON object) or as JSON text.
ProfileInput: TypeAlias = Union[Mapping[str, Any], str]


class Persona(TypedDict):
    id: str
    name: str
    slug: str
    risk_band: str
    description: str


class Classification(TypedDict):
    persona: Persona
    confidence: Decimal
    probabilities: dict[str, Decimal]
    model_version: str


class DistributionEntry(TypedDict):
    persona: Persona
    weight: Decimal
    allocation: dict[str, Decimal]


class BlendedClassification(TypedDict):
    primary_persona: Persona
    distribution: list[DistributionEntry]
    blended_allocation: dict[str, Decimal]
    confidence: Decimal
    model_version: str


class Profile(TypedDict, total=False):
    age: int
    horizon_years: int
    risk_tolerance: str
    volatility: str
    liquidity: str
    knowledge: str
    goal: str
    target_amount: Money
    target_year: int
    monthly_sip: Money
    lump_sum: Money


class FundAmount(TypedDict):
    id: str
    amount: Money


class Trade(TypedDict):
    id: str
    side: Literal["buy", "sell"]
    amount: Money


class PositionValue(TypedDict):
    id: str
    value: Money


class RebalancePlan(TypedDict):
    trades: list[Trade]
    after: list[PositionValue]
    total: Money
    out_of_band: bool
    max_drift_before: Decimal
    max_drift_after: Decimal


class Violation(TypedDict):
    rule: str
    subject: Optional[str]
    limit: Decimal
    actual: Decimal
    excess: Decimal
    message: str


class NotEvaluated(TypedDict):
    rule: str
    reason: str


class ConstraintReport(TypedDict):
    violations: list[Violation]
    not_evaluated: list[NotEvaluated]


class RiskFactor(TypedDict):
    name: str
    contribution: Decimal
    severity: str
    description: str


class RiskAssessment(TypedDict):
    risk_level: str
    risk_score: Decimal
    risk_factors: list[RiskFactor]
    recommendations: list[str]
    persona_alignment: str
    model_version: str


class EnvProblem(TypedDict):
    variable: str
    code: str
    message: str


class TrainingInfo(TypedDict):
    profiles: int
    k: int
    seed: int
    iterations: int
    max_iterations: int
    tolerance: float
    converged: bool
    inertia: float
    algorithm: str


class StrategyComponent(TypedDict):
    label: str
    assetClass: str
    allocationPercent: Decimal


class StrategyConstraint(TypedDict):
    constraintType: str
    constraintValue: Decimal


class StrategyDict(TypedDict):
    name: str
    persona: Optional[str]
    components: list[StrategyComponent]
    constraints: list[StrategyConstraint]


class GoalProgress(TypedDict):
    """``goal_progress``: ``current / target`` rounded down to 4 decimals (above 1 once
    passed), what remains (zero once reached), and whether it is reached."""

    progress: Decimal
    remaining: Money
    reached: bool


class Reassignment(TypedDict, total=False):
    """``reassignment``: profiles compared, how many changed primary persona, their share
    (6 decimals), ``confusion[before_slug][after_slug]``, and with ``max_share`` whether the
    move stays within it (decided exactly)."""

    profiles: int
    moved: int
    share: Decimal
    confusion: dict[str, dict[str, int]]
    within: bool



class AnalyzedHolding(TypedDict):
    scheme_code: int
    scheme_name: str
    category: str
    asset_class: str
    current_value: Money
    weight: Decimal
    units: Optional[Decimal]
    nav: Optional[Decimal]
    return_1y: Optional[Decimal]
    return_3y: Optional[Decimal]
    volatility: Optional[Decimal]
    sharpe_ratio: Optional[Decimal]
    holding_period_days: Optional[int]
    tax_status: Optional[Literal["LTCG", "STCG"]]
    purchase_amount: Optional[Money]
    unrealized_gain: Optional[Money]


class CategoryShare(TypedDict):
    allocation: Decimal
    count: int
    value: Money


class CurrentMetrics(TypedDict):
    total_value: Money
    total_holdings: int
    weighted_return_1y: Optional[Decimal]
    weighted_return_3y: Optional[Decimal]
    weighted_volatility: Optional[Decimal]
    weighted_sharpe: Optional[Decimal]
    category_breakdown: dict[str, CategoryShare]


class RebalancingAction(TypedDict):
    action: Literal["SELL", "HOLD", "BUY", "ADD_NEW"]
    priority: Literal["HIGH", "MEDIUM", "LOW"]
    scheme_code: int
    scheme_name: str
    category: str
    asset_class: str
    current_value: Money
    current_weight: Decimal
    current_units: None
    target_value: Money
    target_weight: Decimal
    transaction_amount: Money
    transaction_units: Optional[Decimal]
    tax_status: Optional[Literal["LTCG", "STCG"]]
    holding_period_days: Optional[int]
    estimated_gain: Optional[Money]
    tax_note: Optional[str]
    reason: str


class AnalysisSummary(TypedDict):
    is_aligned: bool
    alignment_score: Decimal
    primary_issues: list[str]
    total_sell_amount: Money
    total_buy_amount: Money
    net_transaction: Money
    tax_impact_summary: str


class PortfolioAnalysis(TypedDict):
    """portfolio-analyzer-v1's answer (domain.md §8.9), without ``latency_ms``."""

    request_id: Optional[str]
    current_allocation: dict[str, Decimal]
    target_allocation: dict[str, Decimal]
    allocation_gaps: dict[str, Decimal]
    current_metrics: CurrentMetrics
    holdings: list[AnalyzedHolding]
    rebalancing_actions: list[RebalancingAction]
    summary: AnalysisSummary
    model_version: str
