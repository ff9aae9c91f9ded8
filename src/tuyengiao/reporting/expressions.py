"""A tiny safe arithmetic language over field codes, shared by rules and indicators.

`members_attended / members_required`, `(a + b) * 2 - 1`: numbers, field codes, + - * /,
unary minus and parentheses. Parsed with `ast` and a whitelist of node types, never
`eval`; anything else raises a DomainError in Vietnamese. Arithmetic is Decimal.
"""

from __future__ import annotations

import ast
import keyword
import math
import re
from dataclasses import dataclass
from decimal import Decimal, DivisionByZero, InvalidOperation, Overflow

from tuyengiao.core.errors import DomainError

MAX_LENGTH = 500
CODE_RE = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
_BINARY = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
_UNARY = {ast.USub: "-", ast.UAdd: "+"}


def is_valid_code(code: str) -> bool:
    return bool(CODE_RE.match(code or "")) and not keyword.iskeyword(code)


@dataclass(frozen=True)
class Expression:
    text: str
    tree: ast.expr
    names: frozenset[str]

    @property
    def single_name(self) -> str | None:
        """The field code when the whole expression is one field."""
        return self.tree.id if isinstance(self.tree, ast.Name) else None

    def evaluate(self, values: dict[str, Decimal | None]) -> Decimal | None:
        """The value, or None when a field is empty or a division by zero occurs."""
        try:
            return _eval(self.tree, values)
        except (_Undefined, DivisionByZero, InvalidOperation, Overflow, ZeroDivisionError):
            return None


class _Undefined(Exception):
    pass


def parse(text: str) -> Expression:
    source = (text or "").strip()
    if not source:
        raise DomainError("Biểu thức trống.")
    if len(source) > MAX_LENGTH:
        raise DomainError(f"Biểu thức dài quá {MAX_LENGTH} ký tự.")
    try:
        tree = ast.parse(source, mode="eval").body
    except (SyntaxError, ValueError, MemoryError, RecursionError) as exc:
        raise DomainError(f"Biểu thức «{_short(source)}» không đúng cú pháp.") from exc
    names: set[str] = set()
    try:
        _check(tree, source, names)
    except RecursionError as exc:
        raise DomainError(f"Biểu thức «{_short(source)}» lồng quá sâu.") from exc
    return Expression(source, tree, frozenset(names))


def _short(source: str) -> str:
    return source if len(source) <= 60 else source[:57] + "…"


def _check(node: ast.AST, source: str, names: set[str]) -> None:
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        _check(node.left, source, names)
        _check(node.right, source, names)
    elif isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        _check(node.operand, source, names)
    elif isinstance(node, ast.Name):
        if not is_valid_code(node.id):
            raise DomainError(f"«{node.id}» không phải là mã chỉ tiêu hợp lệ.")
        names.add(node.id)
    elif isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise DomainError(
                f"Biểu thức «{_short(source)}» chỉ được chứa số, mã chỉ tiêu và + - * / ( )."
            )
        if isinstance(value, float) and not math.isfinite(value):
            raise DomainError(f"Số trong biểu thức «{_short(source)}» quá lớn.")
    else:
        raise DomainError(
            f"Biểu thức «{_short(source)}» chỉ được chứa số, mã chỉ tiêu và + - * / ( )."
        )


def _eval(node: ast.expr, values) -> Decimal:
    if isinstance(node, ast.Constant):
        return Decimal(str(node.value))
    if isinstance(node, ast.Name):
        value = values.get(node.id)
        if value is None:
            raise _Undefined(node.id)
        return Decimal(value)
    if isinstance(node, ast.UnaryOp):
        operand = _eval(node.operand, values)
        return -operand if isinstance(node.op, ast.USub) else operand
    left, right = _eval(node.left, values), _eval(node.right, values)
    op = type(node.op)
    if op is ast.Add:
        return left + right
    if op is ast.Sub:
        return left - right
    if op is ast.Mult:
        return left * right
    if right == 0:
        raise _Undefined("/0")
    return left / right


def check_names(expression: Expression, known: set[str], *, where: str) -> None:
    """Every field code used by `expression` exists in the form."""
    unknown = sorted(expression.names - known)
    if unknown:
        raise DomainError(
            f"{where}: biểu thức «{expression.text}» dùng mã không có trong biểu mẫu: "
            + ", ".join(f"«{code}»" for code in unknown)
            + "."
        )
