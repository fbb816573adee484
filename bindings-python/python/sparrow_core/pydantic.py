"""pydantic v2 types validated by sparrow-core.

Use them as field types in pydantic models or FastAPI bodies::

    from pydantic import BaseModel
    from sparrow_core.pydantic import Pan, Mobile, Money

    class Investor(BaseModel):
        pan: Pan
        mobile: Mobile
        monthly_sip: Money

A refused value becomes an entry in pydantic's error list whose ``type`` is
sparrow-core's stable code (``pan_checksum``… ``money_precision``) and whose message
names the rule, never the value. ``Money`` validates strictly in Python (``float`` is
refused); from JSON it reads a number through its shortest literal, which must have at
most two decimals, or a string. Values serialise to JSON as strings.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any, TypeAlias



from pydantic import GetCoreSchemaHandler, PlainSerializer, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError, core_schema

from . import _sparrow_core
from ._errors import SparrowError
from ._money import Money as _Money


def _custom(code: str, message: str) -> PydanticCustomError:
    # pydantic formats the template with its context; escape braces so a message is kept as is.
    return PydanticCustomError(code, message.replace("{", "{{").replace("}", "}}"))


def _checked(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def validate(value: Any) -> Any:
        if not isinstance(value, str):
            raise _custom("string_type", "Input should be a valid string")
        try:
            return fn(value)
        except SparrowError as e:
            raise _custom(e.code, str(e)) from None
        except (TypeError, ValueError) as e:
            raise _custom("value_error", str(e)) from None

    return validate


def _schema(description: str) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", "description": description})


#: A PAN, normalised to upper case (the holder type is dropped; use validate_pan for it).
Pan: TypeAlias = Annotated[
    str, PlainValidator(_checked(lambda v: _sparrow_core.validate_pan(v)[0])), _schema("PAN, normalised to upper case")
]
#: An IFSC code.
Ifsc: TypeAlias = Annotated[str, PlainValidator(_checked(_sparrow_core.validate_ifsc)), _schema("IFSC code")]
#: An Indian mobile number, as E.164 (+91…).
Mobile: TypeAlias = Annotated[
    str, PlainValidator(_checked(_sparrow_core.validate_mobile)), _schema("Indian mobile number, as E.164 (+91…)")
]
#: An email address (validator.js isEmail rules), domain lower-cased.
Email: TypeAlias = Annotated[
    str, PlainValidator(_checked(_sparrow_core.validate_email)), _schema("Email address (validator.js isEmail rules)")
]
#: An Indian PIN code.
Pincode: TypeAlias = Annotated[str, PlainValidator(_checked(_sparrow_core.validate_pincode)), _schema("Indian PIN code")]
#: An Aadhaar number (Verhoeff-checked).
Aadhaar: TypeAlias = Annotated[
    str, PlainValidator(_checked(_sparrow_core.validate_aadhaar)), _schema("Aadhaar number (Verhoeff-checked)")
]


def _money_python(value: Any) -> _Money:
    try:
        return _Money(value)
    except SparrowError as e:
        raise _custom(e.code, str(e)) from None
    except TypeError as e:
        raise _custom("money_not_exact" if isinstance(value, (float, bool)) else "decimal_type", str(e)) from None


def _money_json(value: Any) -> _Money:
    # JSON numbers reach pydantic as int or float; a float is read through its
    # shortest literal (what the JSON said), which must then be exact to the paisa.
    if isinstance(value, float):
        value = Decimal(repr(value))
    return _money_python(value)


class _MoneyAnnotation:
    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.json_or_python_schema(
            json_schema=core_schema.no_info_plain_validator_function(_money_json),
            python_schema=core_schema.no_info_plain_validator_function(_money_python),
            serialization=core_schema.plain_serializer_function_ser_schema(str, when_used="json"),
        )


#: Rupees exact to the paisa, as sparrow_core.Money.
Money: TypeAlias = Annotated[
    _Money,
    _MoneyAnnotation,
    WithJsonSchema({"type": "string", "pattern": r"^-?\d{1,12}(\.\d{1,2})?$", "description": "Rupees, exact to the paisa"}),
]

#: A Decimal written to JSON as a string (for probabilities, weights and percents in
#: your own models).
DecimalString: TypeAlias = Annotated[Decimal, PlainSerializer(str, when_used="json")]

__all__ = ["Aadhaar", "DecimalString", "Email", "Ifsc", "Mobile", "Money", "Pan", "Pincode"]
