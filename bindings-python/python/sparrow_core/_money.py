"""``Money``: an amount of Indian rupees, exact to the paisa, as a ``decimal.Decimal``."""

from __future__ import annotations

from decimal import Decimal

from . import _sparrow_core


class Money(Decimal):
    """Rupees with exactly two decimals, within DECIMAL(14,2) (±9,99,99,99,99,999.99).

    ``Money(value)`` accepts a ``Decimal``, a plain decimal ``str`` (``"1234.5"``) or an
    ``int``; floats and booleans raise ``TypeError``; more than two decimals, NaN,
    infinities and out-of-range values raise ``MoneyError``. Typed amounts such as
    ``"₹1,23,456.78"`` or ``"1.2 Cr"`` go through ``parse_money``.

    It is a ``Decimal``: arithmetic gives plain ``Decimal`` results, which you turn back
    into ``Money`` (checked again) when you mean an amount.
    """

    __slots__ = ()

    def __new__(cls, value: object = 0) -> Money:
        return super().__new__(cls, _sparrow_core._money_canonical(value))

    @classmethod
    def _from_canonical(cls, text: str) -> Money:
        return super().__new__(cls, text)

    @property
    def paise(self) -> int:
        """The amount in paise."""
        return int(self.scaleb(2))

    def format_inr(self) -> str:
        """``₹1,23,456.78``."""
        return _sparrow_core.format_inr(self)

    def format_compact(self) -> str:
        """``₹1.23 L``, ``₹4.50 Cr``."""
        return _sparrow_core.format_compact(self)

    def __repr__(self) -> str:
        return f"Money('{self}')"

    def __reduce__(self) -> tuple[type[Money], tuple[str]]:
        return (type(self), (str(self),))
