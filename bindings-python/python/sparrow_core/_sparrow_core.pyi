"""Type stubs of the native module (pyo3). See the package docstring for the value rules.

An optional argument given as ``None`` (or left out) takes sparrow-core's default
(``sparrow_core::contract`` in Rust): mode ``"strict"``, policy ``"recommended"``,
``expires_in`` ``"7d"``, ``token_use`` ``"access"``, leeway 5 s, threshold ``"5m"``,
version ``"latest"``, k-means ``k=3, seed=42, max_iterations=300, tolerance=1e-4,
algorithm="lloyd", batch_size=100_000``.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from os import PathLike
from typing import Any, Literal, Optional, Union, final

from ._money import Money
from ._types import (
    ArrowData,
    BlendedClassification,
    Classification,
    ConstraintReport,
    DecimalLike,
    EnvProblem,
    FundAmount,
    Mode,
    Now,
    Profile,
    ProfileInput,
    GoalProgress,
    PortfolioAnalysis,
    Reassignment,
    RebalancePlan,
    RiskAssessment,
    RowErrors,
    StrategyDict,
    TrainingInfo,
)

__all__ = [
    "ALL_CODES",
    "ApiKeyPepper",
    "ApiKeyRecord",
    "Decision",
    "FundTable",
    "Keyring",
    "PersonaModel",
    "ScoringTable",
    "TaxTable",
    "Strategy",
    "Verification",
    "_arrow_schema",
    "_money_canonical",
    "_persona_model_from_json",
    "allocate",
    "api_keys_migration_sql",
    "analyze_portfolio",
    "analyze_portfolio_json",
    "assess_risk",
    "assess_risk_request",
    "authorize",
    "bearer_token",
    "blend_allocation",
    "check_constraints",
    "check_env",
    "check_password",
    "check_target_allocation",
    "check_strategy",
    "classify",
    "classify_arrow",
    "classify_blended",
    "classify_blended_arrow",
    "classify_blended_many",
    "classify_many",
    "database_strategies",
    "dummy_verify",
    "format_compact",
    "format_inr",
    "hash_password",
    "issue_api_key",
    "issue_token",
    "migration_sql",
    "needs_rehash",
    "parse_duration",
    "parse_api_key",
    "parse_money",
    "persona_table",
    "reassignment",
    "rebalance",
    "require_password",
    "should_refresh",
    "split_amount",
    "strategy_for",
    "strategy_table",
    "synthetic_profiles",
    "train_personas",
    "train_personas_arrow",
    "xirr",
    "xirr_arrow",
    "xnpv",
    "cagr",
    "goal_progress",
    "future_value",
    "sip_future_value",
    "sip_needed",
    "months_until",
    "portfolio_xirr",
    "units_for",
    "validate_aadhaar",
    "validate_email",
    "validate_ifsc",
    "validate_mobile",
    "validate_pan",
    "validate_pincode",
    "validate_profile",
    "validate_profile_json",
    "validate_profiles_arrow",
    "value_of",
    "verify_api_key",
    "verify_password",
    "verify_token",
]

ALL_CODES: list[str]

def _money_canonical(value: object) -> str: ...
def parse_money(text: str, lenient: bool = False) -> Money: ...
def format_inr(amount: DecimalLike) -> str: ...
def format_compact(amount: DecimalLike) -> str: ...
def allocate(amount: DecimalLike, weights: Iterable[DecimalLike]) -> list[Money]: ...
def units_for(amount: DecimalLike, nav: DecimalLike) -> Decimal: ...
def value_of(units: DecimalLike, nav: DecimalLike) -> Money: ...
def validate_pan(value: str) -> tuple[str, str]: ...
def validate_ifsc(value: str) -> str: ...
def validate_mobile(value: str) -> str: ...
def validate_email(value: str) -> str: ...
def validate_pincode(value: str) -> str: ...
def validate_aadhaar(value: str) -> str: ...
def validate_profile(input: ProfileInput, mode: Optional[Mode] = None) -> Profile: ...
def validate_profile_json(body: Union[bytes, str], mode: Optional[Mode] = None) -> Profile: ...
def migration_sql() -> str: ...
@final
class Verification:
    @property
    def matched(self) -> bool: ...
    @property
    def needs_rehash(self) -> bool: ...
    def __bool__(self) -> bool: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Decision:
    @property
    def allowed(self) -> bool: ...
    @property
    def reason(self) -> str: ...
    def __bool__(self) -> bool: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Keyring:
    def __new__(cls, kid: str, secret: Union[str, bytes]) -> Keyring: ...
    @staticmethod
    def legacy(secret: Union[str, bytes]) -> Keyring: ...
    def with_key(self, kid: str, secret: Union[str, bytes]) -> Keyring: ...
    def with_legacy_key(self, secret: Union[str, bytes]) -> Keyring: ...
    def rotate_to(self, kid: str) -> Keyring: ...
    def retire(self, kid: str) -> Keyring: ...
    @property
    def current_kid(self) -> Optional[str]: ...

def check_password(
    password: str, policy: Optional[Literal["seed", "recommended", "nist"]] = None, context: Optional[Sequence[str]] = None
) -> list[str]: ...
def require_password(
    password: str, policy: Optional[Literal["seed", "recommended", "nist"]] = None, context: Optional[Sequence[str]] = None
) -> None: ...
def hash_password(password: str) -> str: ...
def verify_password(password: str, hash: str) -> Verification: ...
def needs_rehash(hash: str) -> bool: ...
def dummy_verify(password: str) -> None: ...
def issue_token(
    claims: Mapping[str, Any],
    keyring: Keyring,
    expires_in: Union[str, int, None] = None,
    now: Now = None,
    *,
    issuer: Optional[str] = None,
    audience: Optional[str] = None,
    token_use: Optional[Literal["access", "refresh"]] = None,
    not_before: Optional[int] = None,
) -> str: ...
def verify_token(
    token: str,
    keyring: Keyring,
    now: Now = None,
    token_use: Optional[Literal["access", "refresh"]] = None,
    *,
    issuer: Optional[str] = None,
    audience: Optional[str] = None,
    leeway: Optional[int] = None,
) -> dict[str, Any]: ...
def should_refresh(claims: Mapping[str, Any], now: Now = None, threshold: Union[str, int, None] = None) -> bool: ...
def parse_duration(text: str) -> int: ...
def bearer_token(authorization: str) -> str: ...
def authorize(
    role: str, required_roles: Sequence[str], page: Optional[str] = None, allowed_pages: Optional[Sequence[str]] = None
) -> Decision: ...
def check_env(mapping: Mapping[str, str], node_env: Optional[str] = None) -> list[EnvProblem]: ...
@final
class ScoringTable:
    def __new__(cls) -> ScoringTable: ...
    @staticmethod
    def from_json(text: str) -> ScoringTable: ...
    def to_json(self) -> str: ...
    @property
    def model_version(self) -> str: ...
    def classify(self, profile: ProfileInput, mode: Optional[Mode] = None) -> Classification: ...
    def classify_blended(self, profile: ProfileInput, mode: Optional[Mode] = None) -> BlendedClassification: ...

@final
class Strategy:
    @staticmethod
    def from_db(document: Union[Mapping[str, Any], str]) -> Strategy: ...
    @staticmethod
    def from_ml(document: Union[Mapping[str, Any], str]) -> Strategy: ...
    @property
    def name(self) -> str: ...
    @property
    def persona(self) -> Optional[str]: ...
    def allocation(self) -> dict[str, Decimal]: ...
    def to_dict(self) -> StrategyDict: ...

@final
class PersonaModel:
    def predict(self, profile: ProfileInput, mode: Optional[Mode] = None) -> BlendedClassification: ...
    def predict_many(self, profiles: Iterable[ProfileInput], mode: Optional[Mode] = None) -> list[BlendedClassification]: ...
    def predict_arrow(
        self,
        data: ArrowData,
        mode: Optional[Mode] = None,
        errors: Optional[RowErrors] = None,
        keep: Optional[Sequence[str]] = None,
    ) -> Any: ...
    def to_json(self) -> str: ...
    @staticmethod
    def from_json(text: str) -> PersonaModel: ...
    def __reduce__(self) -> tuple[Callable[[str], PersonaModel], tuple[str]]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def save(self, dir: Union[str, PathLike[str]], name: str, version: Optional[str] = None) -> str: ...
    @staticmethod
    def load(dir: Union[str, PathLike[str]], name: str, version: Optional[str] = None) -> PersonaModel: ...
    @property
    def centroids(self) -> list[list[float]]: ...
    @property
    def personas(self) -> list[str]: ...
    @property
    def model_version(self) -> str: ...
    @property
    def name(self) -> Optional[str]: ...
    @property
    def version(self) -> Optional[str]: ...
    @property
    def training(self) -> TrainingInfo: ...

def classify(profile: ProfileInput, mode: Optional[Mode] = None) -> Classification: ...
def classify_blended(profile: ProfileInput, mode: Optional[Mode] = None) -> BlendedClassification: ...
def classify_many(profiles: Iterable[ProfileInput], mode: Optional[Mode] = None) -> list[Classification]: ...
def classify_blended_many(profiles: Iterable[ProfileInput], mode: Optional[Mode] = None) -> list[BlendedClassification]: ...
def blend_allocation(distribution: Iterable[Mapping[str, Any]]) -> dict[str, Decimal]: ...
def split_amount(amount: DecimalLike, funds: Iterable[Mapping[str, Any]]) -> list[FundAmount]: ...
def rebalance(
    holdings: Iterable[Mapping[str, Any]],
    target: Mapping[str, DecimalLike],
    drift_band: Optional[DecimalLike] = None,
    buy_only: Optional[bool] = None,
    new_money: Optional[DecimalLike] = None,
) -> RebalancePlan: ...
def check_constraints(holdings: Iterable[Mapping[str, Any]], constraints: Iterable[Mapping[str, Any]]) -> ConstraintReport: ...
def strategy_for(persona_slug: str) -> Strategy: ...
def database_strategies() -> list[Strategy]: ...
def check_strategy(strategy: Strategy) -> ConstraintReport: ...
def assess_risk(
    profile: Mapping[str, Any],
    portfolio: Optional[Sequence[Mapping[str, Any]]] = None,
    *,
    proposed: Optional[Sequence[Mapping[str, Any]]] = None,
) -> RiskAssessment: ...
def assess_risk_request(body: Union[Mapping[str, Any], str]) -> RiskAssessment: ...
def train_personas(
    profiles: Iterable[ProfileInput],
    k: Optional[int] = None,
    seed: Optional[int] = None,
    on_progress: Optional[Callable[[int, int, float], object]] = None,
    *,
    max_iterations: Optional[int] = None,
    tolerance: Optional[float] = None,
    mode: Optional[Mode] = None,
    algorithm: Optional[Literal["lloyd", "minibatch"]] = None,
    batch_size: Optional[int] = None,
    warm_start: Optional[PersonaModel] = None,
) -> PersonaModel: ...
def synthetic_profiles(n: int, seed: int) -> list[Profile]: ...
def train_personas_arrow(
    data: ArrowData,
    k: Optional[int] = None,
    seed: Optional[int] = None,
    on_progress: Optional[Callable[[int, int, float], object]] = None,
    *,
    max_iterations: Optional[int] = None,
    tolerance: Optional[float] = None,
    mode: Optional[Mode] = None,
    algorithm: Optional[Literal["lloyd", "minibatch"]] = None,
    batch_size: Optional[int] = None,
    warm_start: Optional[PersonaModel] = None,
) -> PersonaModel: ...
def _persona_model_from_json(text: str) -> PersonaModel: ...
@final
class ApiKeyPepper:
    """The server-side pepper keying stored API-key digests (at least 32 bytes)."""
    def __new__(cls, secret: Union[bytes, str]) -> ApiKeyPepper: ...

@final
class ApiKeyRecord:
    """A stored API-key record read and checked once (for a service that caches records)."""
    @staticmethod
    def from_dict(record: Mapping[str, Any]) -> ApiKeyRecord: ...
    def to_dict(self) -> dict[str, Any]: ...
    @property
    def key_id(self) -> str: ...

def issue_api_key(
    client_id: str,
    scopes: Sequence[str],
    *,
    pepper: ApiKeyPepper,
    environment: Optional[Literal["live", "test"]] = None,
    expires_at: Now = None,
    now: Now = None,
    random: Optional[bytes] = None,
) -> tuple[str, dict[str, Any]]: ...
def api_keys_migration_sql() -> str: ...
def parse_api_key(presented: str) -> dict[str, str]: ...
def verify_api_key(
    presented: str,
    record: Union[Mapping[str, Any], ApiKeyRecord, None],
    *,
    pepper: ApiKeyPepper,
    required_scope: str,
    environment: Optional[Literal["live", "test"]] = None,
    now: Now = None,
) -> dict[str, Any]: ...

@final
class FundTable:
    """The funds a portfolio is analysed against (domain.md §8.3), in lookup order."""
    @staticmethod
    def from_json(text: str) -> FundTable: ...
    @staticmethod
    def from_funds(funds: Union[Mapping[str, Any], Sequence[Mapping[str, Any]]]) -> FundTable: ...
    @staticmethod
    def fallback() -> FundTable: ...
    def __len__(self) -> int: ...
    def scheme_codes(self) -> list[int]: ...

@final
class TaxTable:
    """Capital-gains rules as dated data (domain.md §8.7)."""
    @staticmethod
    def parity() -> TaxTable: ...
    @staticmethod
    def equity_2024() -> TaxTable: ...
    @staticmethod
    def from_json(text: str) -> TaxTable: ...
    def to_json(self) -> str: ...
    @property
    def id(self) -> str: ...

def analyze_portfolio(
    request: Union[Mapping[str, Any], str],
    funds: FundTable,
    *,
    today: date,
    tax: Optional[TaxTable] = None,
    mode: Optional[Mode] = None,
) -> PortfolioAnalysis: ...
def check_target_allocation(target: Mapping[str, Any]) -> dict[str, Decimal]: ...
def analyze_portfolio_json(
    request: Union[Mapping[str, Any], str],
    funds: FundTable,
    *,
    today: date,
    tax: Optional[TaxTable] = None,
    mode: Optional[Mode] = None,
) -> str: ...
def xirr(flows: Iterable[tuple[date, DecimalLike]]) -> Decimal: ...
def xirr_arrow(
    data: ArrowData,
    column: Optional[str] = None,
    errors: Optional[RowErrors] = None,
    keep: Optional[Sequence[str]] = None,
) -> Any: ...
def xnpv(rate: DecimalLike, flows: Iterable[tuple[date, DecimalLike]]) -> Decimal: ...
def cagr(start: DecimalLike, end: DecimalLike, years: DecimalLike) -> Decimal: ...
def goal_progress(current: DecimalLike, target: DecimalLike) -> GoalProgress: ...
def future_value(amount: DecimalLike, annual_rate: DecimalLike, months: int) -> Money: ...
def sip_future_value(monthly: DecimalLike, annual_rate: DecimalLike, months: int) -> Money: ...
def sip_needed(target: DecimalLike, current: DecimalLike, annual_rate: DecimalLike, months: int) -> Money: ...
def months_until(today: date, by: date) -> int: ...
def portfolio_xirr(
    transactions: Iterable[tuple[date, Literal["purchase", "sip", "redemption", "dividend"], DecimalLike]],
    current_value: DecimalLike,
    today: date,
) -> Decimal: ...
def reassignment(
    before: PersonaModel,
    after: PersonaModel,
    profiles: Union[Iterable[ProfileInput], ArrowData],
    max_share: Optional[DecimalLike] = None,
    *,
    mode: Optional[Mode] = None,
) -> Reassignment: ...
def validate_profiles_arrow(
    data: ArrowData, mode: Optional[Mode] = None, errors: Optional[RowErrors] = None, keep: Optional[Sequence[str]] = None
) -> Any: ...
def classify_arrow(
    data: ArrowData, mode: Optional[Mode] = None, errors: Optional[RowErrors] = None, keep: Optional[Sequence[str]] = None
) -> Any: ...
def classify_blended_arrow(
    data: ArrowData, mode: Optional[Mode] = None, errors: Optional[RowErrors] = None, keep: Optional[Sequence[str]] = None
) -> Any: ...
def persona_table() -> Any: ...
def strategy_table() -> Any: ...
def _arrow_schema(name: str) -> Any: ...
