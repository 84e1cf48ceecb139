"""Figures written the German way (150.000, 1,5) wherever a person reads them: messages, tables, charts."""

from __future__ import annotations


def german_number(value: float, decimals: int = 2) -> str:
    """`150000` → `150.000`; `1.5` → `1,50` (with `decimals` places for non-integers)."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.{decimals}f}".replace(",", "x").replace(".", ",").replace("x", ".")
