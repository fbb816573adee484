"""Today's ML service endpoints, computed by sparrow-core (domain.md §5, §6 and §8).

    DATABASE_URL=… SPARROW_API_KEY_PEPPER=… uvicorn app:app   # from examples/python, with sparrow-core installed

POST /api/v1/classify, /api/v1/classify/blended, /api/v1/risk and
/api/v1/analyze/portfolio take and return the JSON of today's FastAPI service, behind a
dependency that checks the `X-API-Key` header by scope (`ml:classify`, `ml:risk`,
`ml:portfolio`): keys are sparrow-core API keys, looked up in PostgreSQL's `api_keys`
table (DATABASE_URL) and verified under the pepper SPARROW_API_KEY_PEPPER, for the
environment SPARROW_API_KEY_ENV (`live` by default). A refused key is 401 (403 for a
missing scope) with the core's code, and the presented key is never echoed. Portfolio analysis reads its funds from the
JSON file named by SPARROW_FUNDS_FILE (the backend's `{"funds": [...]}` answer), or the
five fallback funds when it is unset, and its tax rules from SPARROW_TAX_TABLE (a tax
table file; default: today's constants).
Requests are parsed the way today's clients are used to (compat mode: "30" or 30.0 for
an int, unknown keys ignored) but exactly: JSON numbers are read as decimals, never
through float, and answers write numbers from the decimals. A 422 lists every problem
with sparrow-core's stable code and never echoes the input back.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from datetime import date
from functools import lru_cache
from pathlib import Path
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Request
from fastapi.responses import JSONResponse, Response

import psycopg

import sparrow_core as sc


def to_json(value: Any) -> str:
    """JSON text with Decimal written as a number from its own digits."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if value is None or isinstance(value, (bool, int, str)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Mapping):
        return "{" + ",".join(f"{json.dumps(str(k), ensure_ascii=False)}:{to_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, Sequence):
        return "[" + ",".join(to_json(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


class DecimalJSONResponse(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return to_json(content).encode("utf-8")


class Unprocessable(Exception):
    """A 422 listing problems as {type, loc, msg} — no input echoed."""

    def __init__(self, detail: list[dict[str, Any]]) -> None:
        self.detail = detail


def problems(error: sc.SparrowError, prefix: Sequence[str]) -> list[dict[str, Any]]:
    return [{"type": e["code"], "loc": ["body", *prefix, e["field"]], "msg": e["message"]} for e in error.errors]


app = FastAPI(title="sparrow-core ML endpoints")


@app.exception_handler(Unprocessable)
async def unprocessable(request: Request, exc: Unprocessable) -> Response:
    return JSONResponse(status_code=422, content={"detail": exc.detail})


async def body_of(request: Request) -> dict[str, Any]:
    raw = await request.body()
    try:
        body = json.loads(raw, parse_float=Decimal)
    except (ValueError, UnicodeDecodeError):
        raise Unprocessable([{"type": "json_invalid", "loc": ["body"], "msg": "JSON decode error"}]) from None
    if not isinstance(body, dict):
        raise Unprocessable([{"type": "model_attributes_type", "loc": ["body"], "msg": "Input should be an object"}])
    return body


def request_id(body: Mapping[str, Any]) -> str:
    rid = body.get("request_id")
    return rid if isinstance(rid, str) else str(uuid.uuid4())


def profile_of(body: Mapping[str, Any]) -> Any:
    if "profile" not in body:
        raise Unprocessable([{"type": "missing", "loc": ["body", "profile"], "msg": "Field required"}])
    return body["profile"]


class ApiKeyStore:
    """The `api_keys` table (sc.api_keys_migration_sql()). One connection per lookup keeps
    the example short; a service would use a pool."""

    COLUMNS = ("key_id, environment, client_id, digest, scopes, extract(epoch from created_at)::bigint, "
               "extract(epoch from expires_at)::bigint, revoked")

    def __init__(self, dsn: str) -> None:
        self.dsn = dsn

    def lookup(self, key_id: str) -> dict[str, Any] | None:
        with psycopg.connect(self.dsn) as conn:
            row = conn.execute(f"SELECT {self.COLUMNS} FROM api_keys WHERE key_id = %s", (key_id,)).fetchone()
        if row is None:
            return None
        names = ["key_id", "environment", "client_id", "digest", "scopes", "created_at", "expires_at", "revoked"]
        return dict(zip(names, row))


@lru_cache(maxsize=1)
def key_store() -> ApiKeyStore:
    return ApiKeyStore(os.environ["DATABASE_URL"])


@lru_cache(maxsize=1)
def api_key_pepper() -> sc.ApiKeyPepper:
    return sc.ApiKeyPepper(os.environ.get("SPARROW_API_KEY_PEPPER", ""))


class ApiKeyRefused(Exception):
    def __init__(self, code: str, status: int) -> None:
        self.code, self.status = code, status


@app.exception_handler(ApiKeyRefused)
async def api_key_refused(request: Request, exc: ApiKeyRefused) -> Response:
    if exc.status == 403:
        return JSONResponse(status_code=403, content={"detail": "Forbidden", "code": exc.code})
    headers = {"WWW-Authenticate": "ApiKey"} if exc.status == 401 else {}
    detail = "Invalid API key" if exc.status == 401 else "Server error"
    return JSONResponse(status_code=exc.status, content={"detail": detail, "code": exc.code}, headers=headers)


def require_api_key(scope: str) -> Callable[..., dict[str, Any]]:
    """A dependency admitting a request whose X-API-Key carries `scope`: its shape and
    checksum are checked before any lookup, then the stored record decides."""

    def dependency(x_api_key: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        presented = x_api_key or ""
        try:
            key_id = sc.parse_api_key(presented)["key_id"]
            record = key_store().lookup(key_id)
            environment = os.environ.get("SPARROW_API_KEY_ENV", "live")
            return sc.verify_api_key(presented, record, pepper=api_key_pepper(), required_scope=scope,
                                     environment=environment)  # type: ignore[arg-type]
        except sc.SparrowError as e:
            raise ApiKeyRefused(e.code, getattr(e, "http_status", 500)) from None

    return dependency


ClassifyKey = Annotated[dict[str, Any], Depends(require_api_key("ml:classify"))]
RiskKey = Annotated[dict[str, Any], Depends(require_api_key("ml:risk"))]
PortfolioKey = Annotated[dict[str, Any], Depends(require_api_key("ml:portfolio"))]


async def persona_endpoint(request: Request, rules: Callable[[Any], Mapping[str, Any]]) -> Response:
    start = time.perf_counter()
    body = await body_of(request)
    try:
        result = dict(rules(profile_of(body)))
    except sc.InputError as e:
        raise Unprocessable(problems(e, ["profile"])) from None
    except (TypeError, ValueError) as e:
        raise Unprocessable([{"type": "value_error", "loc": ["body", "profile"], "msg": str(e)}]) from None
    return DecimalJSONResponse(
        {"request_id": request_id(body), **result, "latency_ms": round((time.perf_counter() - start) * 1000, 3)}
    )


@app.post("/api/v1/classify")
async def classify(request: Request, key: ClassifyKey) -> Response:
    return await persona_endpoint(request, lambda profile: sc.classify(profile, mode="compat"))


@app.post("/api/v1/classify/blended")
async def classify_blended(request: Request, key: ClassifyKey) -> Response:
    return await persona_endpoint(request, lambda profile: sc.classify_blended(profile, mode="compat"))


@app.post("/api/v1/risk")
async def risk(request: Request, key: RiskKey) -> Response:
    start = time.perf_counter()
    body = await body_of(request)
    profile_of(body)
    try:
        result: dict[str, Any] = dict(sc.assess_risk_request(body))
    except sc.InputError as e:
        raise Unprocessable(problems(e, [])) from None
    except (TypeError, ValueError) as e:
        raise Unprocessable([{"type": "value_error", "loc": ["body"], "msg": str(e)}]) from None
    return DecimalJSONResponse(
        {"request_id": request_id(body), **result, "latency_ms": round((time.perf_counter() - start) * 1000, 3)}
    )


@lru_cache(maxsize=1)
def fund_table() -> sc.FundTable:
    """The funds the analysis uses: loaded once, by the service, never by the rules."""
    path = os.environ.get("SPARROW_FUNDS_FILE")
    return sc.FundTable.from_json(Path(path).read_text(encoding="utf-8")) if path else sc.FundTable.fallback()


@lru_cache(maxsize=1)
def tax_table() -> sc.TaxTable:
    path = os.environ.get("SPARROW_TAX_TABLE")
    return sc.TaxTable.from_json(Path(path).read_text(encoding="utf-8")) if path else sc.TaxTable.parity()


def today() -> date:
    """The service's clock (the rules take the day as an argument)."""
    return date.today()


def loc_of(field: str) -> list[Any]:
    """`holdings[2].amount` as pydantic's loc `["body", "holdings", 2, "amount"]`."""
    loc: list[Any] = ["body"]
    for part in field.replace("[", ".[").split("."):
        if part.startswith("[") and part.endswith("]") and part[1:-1].isdigit():
            loc.append(int(part[1:-1]))
        elif part:
            loc.append(part)
    return loc


@app.post("/api/v1/analyze/portfolio")
async def analyze_portfolio(
    request: Request,
    key: PortfolioKey,
    funds: Annotated[sc.FundTable, Depends(fund_table)],
    tax: Annotated[sc.TaxTable, Depends(tax_table)],
    day: Annotated[date, Depends(today)],
) -> Response:
    start = time.perf_counter()
    body = await body_of(request)
    try:
        # Today's JSON body, written by the core with exact numbers (the fast path: no
        # Python Decimal per figure); latency_ms is the service's, added as the last key.
        text = sc.analyze_portfolio_json(body, funds, today=day, tax=tax, mode="compat")
    except sc.InputError as e:
        raise Unprocessable([{"type": x["code"], "loc": loc_of(x["field"]), "msg": x["message"]} for x in e.errors]) from None
    latency = round((time.perf_counter() - start) * 1000, 3)
    return Response(content=f'{text[:-1]},"latency_ms":{latency}}}', media_type="application/json")
