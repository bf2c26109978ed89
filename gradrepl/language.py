"""The language: parse, check against the allowlist, rewrite and compile user statements.

    source -> parse -> check (the whole chunk, before any of it runs) -> rewrite
           -> Python bytecode, which the session runs with exec(code, namespace)

The rewrite puts a guard in front of every attribute read, write and delete
(`x.a` becomes `(x if type(x) in FAST else box(x, 'a')).a`: engine objects pass
at bytecode speed, anything else is checked by gradrepl.guards), turns imports
into lookups of facades, and, for the interactive modes, echoes expression
statements as Python's 'single' mode would.
"""

import ast
import codeop
import importlib
import warnings

from . import facades, guards, safe_builtins
from .guards import refusal

__all__ = ["compile_source", "is_complete", "new_namespace"]

PRIVATE_HINT = "names starting with '_' are private to Python and to gradrepl"
BUILTIN_HINT = ("gradrepl runs the statements you type on its autograd engine: it cannot run "
                "text as code, open files or reach Python's own machinery")

# Names the rewritten code uses; user code cannot spell them (they start with '_').
ATTR, BOX, TYPE, FAST, STORE, STORE_FAST, KWARGS = (
    "_gr_attr", "_gr_box", "_gr_type", "_gr_fast", "_gr_store", "_gr_store_fast", "_gr_kw")
IMPORT, IMPORT_FROM, IMPORT_STAR, ECHO, TEMP = (
    "_gr_import", "_gr_import_from", "_gr_import_star", "_gr_echo", "_gr_t")
BASE, CLASS = "_gr_base", "_gr_class"

# The special methods a class body may define (`def __add__(self, other)`): the protocols
# of Python's data model a learner's class implements. Every other name starting with '_'
# stays refused: no __getattr__/__getattribute__/__setattr__, no descriptors (__get__,
# __set__), no __del__, __init_subclass__, __class_getitem__, __new__, __reduce__, nor
# the hooks NumPy and torch look for (__array__, __torch_function__).
_OPERATORS = ("add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow", "and", "or",
              "xor", "lshift", "rshift", "divmod")
SPECIAL_METHODS = frozenset(
    ["__init__", "__call__", "__repr__", "__str__", "__len__", "__getitem__", "__setitem__",
     "__delitem__", "__iter__", "__next__", "__reversed__", "__contains__", "__eq__", "__ne__",
     "__lt__", "__le__", "__gt__", "__ge__", "__hash__", "__bool__", "__enter__", "__exit__",
     "__neg__", "__pos__", "__abs__", "__invert__", "__float__", "__int__"]
    + ["__%s%s__" % (prefix, op) for op in _OPERATORS for prefix in ("", "r", "i")
       if not (prefix == "i" and op == "divmod")])
SUPER_HINT = "super() is used as super().method(...) inside a method of a class"

# ---- the allowlist of syntax ---------------------------------------------------------

# Allowed as they are: only their children are checked (and rewritten).
_PLAIN = {
    ast.Module, ast.Return, ast.Delete, ast.Assign, ast.AugAssign, ast.AnnAssign, ast.For,
    ast.While, ast.If, ast.With, ast.withitem, ast.Raise, ast.Try, ast.Assert, ast.Pass,
    ast.Break, ast.Continue, ast.BoolOp, ast.BinOp, ast.UnaryOp, ast.IfExp, ast.Dict,
    ast.Set, ast.List, ast.Tuple, ast.Compare, ast.Constant, ast.Slice, ast.Starred,
    ast.JoinedStr, ast.FormattedValue, ast.NamedExpr, ast.Subscript, ast.arguments,
    ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.Call,
}
_LEAVES = (ast.operator, ast.boolop, ast.unaryop, ast.cmpop, ast.expr_context)

# Refused, with why. Anything not listed anywhere is refused too (a newer Python's syntax).
_REFUSED = {
    "AsyncFunctionDef": "async functions are not allowed in gradrepl",
    "AsyncFor": "async for is not allowed in gradrepl",
    "AsyncWith": "async with is not allowed in gradrepl",
    "Await": "await is not allowed in gradrepl",
    "Yield": "yield is not allowed in gradrepl (generator functions are not supported)",
    "YieldFrom": "yield from is not allowed in gradrepl (generator functions are not "
                 "supported)",
    "TryStar": "except* is not allowed in gradrepl",
    # match: class patterns and dotted value patterns read attributes without going
    # through the attribute guard (the compiler accepts no call there), and tutorials
    # of autograd do not need it.
    "Match": "match statements are not allowed in gradrepl",
    "TypeAlias": "type aliases are not allowed in gradrepl",
}


def _is_private(name):
    return name.startswith("_") and name != "_"


class _Rewriter:
    """Checks every node of a chunk against the allowlist and rewrites the ones it must."""

    def __init__(self, echo):
        self.echo = echo
        self.function_depth = 0
        self.class_body = False  # visiting the statements right inside a class body
        self.no_walrus = 0  # inside a comprehension's iterable or target
        self.used_temp = False

    def visit(self, node):
        method = getattr(self, "visit_" + type(node).__name__, None)
        if method is not None:
            return method(node)
        if type(node) in _PLAIN:
            return self.generic(node)
        if isinstance(node, _LEAVES):
            return node
        name = type(node).__name__
        raise refusal(_REFUSED.get(name, "%s is not allowed in gradrepl" % _describe(name)),
                      node=node)

    def generic(self, node):
        for field, value in ast.iter_fields(node):
            if isinstance(value, list):
                items = []
                for item in value:
                    if isinstance(item, ast.AST):
                        result = self.visit(item)
                        items.extend(result if isinstance(result, list) else [result])
                    else:
                        items.append(item)  # None in Dict.keys and kw_defaults
                value[:] = items
            elif isinstance(value, ast.AST):
                setattr(node, field, self.visit(value))
        return node

    # ---- names -----------------------------------------------------------------

    def check_name(self, name, node, what="name"):
        if name == "super":
            raise refusal("super is only allowed as super().name", SUPER_HINT, node)
        if name in safe_builtins.FORBIDDEN:
            raise refusal("%s() is not allowed in gradrepl" % name, BUILTIN_HINT, node)
        if _is_private(name) and not (name == "__name__" and what == "load"):
            raise refusal("%s %r is not allowed (names starting with '_' are private)"
                          % ("name" if what == "load" else what, name), PRIVATE_HINT, node)

    def visit_Name(self, node):
        self.check_name(node.id, node, "load" if isinstance(node.ctx, ast.Load) else "name")
        return node

    def visit_arg(self, node):
        self.check_name(node.arg, node, "parameter")
        if node.annotation is not None:
            node.annotation = self.visit(node.annotation)
        return node

    def visit_keyword(self, node):
        if node.arg is None:
            node.value = _call(KWARGS, [self.visit(node.value)], node)
            return node
        if _is_private(node.arg):
            raise refusal("keyword argument %r is not allowed (names starting with '_' are "
                          "private)" % node.arg, PRIVATE_HINT, node)
        node.value = self.visit(node.value)
        return node

    # ---- attributes: every read, write and delete goes past a guard ---------------

    def visit_Attribute(self, node):
        if _is_super_call(node.value):
            return self.super_attribute(node)
        if node.attr.startswith("_"):
            raise refusal("attribute %r is not allowed (names starting with '_' are private)"
                          % node.attr, PRIVATE_HINT, node)
        value = self.visit(node.value)
        load = isinstance(node.ctx, ast.Load)
        name = ast.Constant(node.attr)
        if load and (node.attr in guards.SENSITIVE or (self.no_walrus and not _simple(value))):
            return ast.copy_location(_call(ATTR, [value, name], node), node)
        fast, slow = (FAST, BOX) if load else (STORE_FAST, STORE)
        if node.attr in guards.SENSITIVE or (self.no_walrus and not _simple(value)):
            checked = _call(STORE, [value, name], node)
        elif _simple(value):
            # (x if type(x) in FAST else box(x, 'a')).a  -- x is read twice: a name or constant
            checked = ast.IfExp(
                test=_in(_call(TYPE, [value], node), fast),
                body=_copy(value), orelse=_call(slow, [_copy(value), name], node))
        else:
            # (t if type(t := <expr>) in FAST else box(t, 'a')).a
            self.used_temp = True
            temp = ast.NamedExpr(target=ast.Name(TEMP, ast.Store()), value=value)
            checked = ast.IfExp(
                test=_in(_call(TYPE, [temp], node), fast),
                body=ast.Name(TEMP, ast.Load()),
                orelse=_call(slow, [ast.Name(TEMP, ast.Load()), name], node))
        node.value = ast.copy_location(checked, node)
        return node

    def super_attribute(self, node):
        """super().name (name public or a special method): read through the guard, which
        resolves it along the instance's classes (guards.load_from_super)."""
        if not isinstance(node.ctx, ast.Load):
            raise refusal("attributes of super() can only be read in gradrepl", SUPER_HINT,
                          node)
        if node.attr.startswith("_") and node.attr not in SPECIAL_METHODS:
            raise refusal("attribute %r is not allowed (names starting with '_' are private)"
                          % node.attr, PRIVATE_HINT, node)
        return ast.copy_location(_call(ATTR, [node.value, ast.Constant(node.attr)], node), node)

    # ---- statements --------------------------------------------------------------

    def visit_Expr(self, node):
        node.value = self.visit(node.value)
        if self.echo and self.function_depth == 0:
            node.value = ast.copy_location(_call(ECHO, [node.value], node), node)
        return node

    def visit_FunctionDef(self, node):
        # A decorator is `f = decorator(f)`: its expression is checked and guarded like any
        # other, in the enclosing scope (@torch.no_grad() on a def).
        node.decorator_list = [self.visit(d) for d in node.decorator_list]
        if getattr(node, "type_params", None):
            raise refusal("type parameters are not allowed in gradrepl", node=node)
        if not (self.class_body and node.name in SPECIAL_METHODS):
            self.check_name(node.name, node, "function name")
        node.args = self.visit(node.args)  # defaults and annotations: the enclosing scope
        if node.returns is not None:
            node.returns = self.visit(node.returns)
        node.body = self.body_of_scope(node.body, class_body=False, no_walrus=0)
        return node

    def body_of_scope(self, body, class_body, no_walrus):
        """The statements of a def or class body: nothing echoes there."""
        saved = self.class_body, self.no_walrus
        self.function_depth += 1
        self.class_body, self.no_walrus = class_body, no_walrus
        try:
            return self.statements(body)
        finally:
            self.function_depth -= 1
            self.class_body, self.no_walrus = saved

    def visit_ClassDef(self, node):
        node.decorator_list = [self.visit(d) for d in node.decorator_list]
        if getattr(node, "type_params", None):
            raise refusal("type parameters are not allowed in gradrepl", node=node)
        self.check_name(node.name, node, "class name")
        if node.keywords:
            raise refusal("class keyword arguments (metaclass=...) are not allowed in gradrepl",
                          node=node)
        bases = []
        for base in node.bases:
            if isinstance(base, ast.Starred):
                raise refusal("starred class bases are not allowed in gradrepl", node=node)
            # Checked when the statement runs: only allowed classes (guards.check_base).
            bases.append(_call(BASE, [self.visit(base)], base))
        node.bases = bases
        # The class is registered as the user's before any other decorator sees it.
        node.decorator_list.append(ast.copy_location(ast.Name(CLASS, ast.Load()), node))
        # A walrus in a class body would bind a class attribute, and one in a comprehension
        # there is a SyntaxError: its attribute reads are guarded without one.
        node.body = self.body_of_scope(node.body, class_body=True, no_walrus=1)
        return node

    def visit_Lambda(self, node):
        node.args = self.visit(node.args)
        self.function_depth += 1
        saved = self.class_body
        self.class_body = False
        try:
            node.body = self.visit(node.body)
        finally:
            self.function_depth -= 1
            self.class_body = saved
        return node

    def statements(self, body):
        out = []
        for statement in body:
            result = self.visit(statement)
            out.extend(result if isinstance(result, list) else [result])
        return out

    def visit_Global(self, node):
        # Binds only names the user could assign at module level anyway.
        for name in node.names:
            self.check_name(name, node)
        return node

    visit_Nonlocal = visit_Global

    def visit_ExceptHandler(self, node):
        if node.name is not None:
            self.check_name(node.name, node)
        return self.generic(node)

    # ---- comprehensions: no walrus where Python forbids one ----------------------

    def visit_comprehension(self, node):
        if node.is_async:
            raise refusal(_REFUSED["AsyncFor"], node=node)
        self.no_walrus += 1
        try:
            node.target = self.visit(node.target)
            node.iter = self.visit(node.iter)
        finally:
            self.no_walrus -= 1
        node.ifs = [self.visit(test) for test in node.ifs]
        return node

    # ---- imports: facades only -----------------------------------------------------

    def visit_Import(self, node):
        out = []
        for alias in node.names:
            _check_module(alias.name, node)
            if alias.asname is not None:
                self.check_name(alias.asname, node)
                target, bind_top = alias.asname, False
            else:
                target, bind_top = alias.name.partition(".")[0], True
            call = _call(IMPORT, [ast.Constant(alias.name), ast.Constant(bind_top)], node)
            out.append(_assign(target, call, node))
        return out

    def visit_ImportFrom(self, node):
        if node.level:
            raise ImportError("attempted relative import with no known parent package")
        _check_module(node.module, node)
        if any(alias.name == "*" for alias in node.names):
            if node.module != "torch":
                raise refusal("'from %s import *' is not allowed in gradrepl (only 'from "
                              "torch import *')" % node.module, node=node)
            return ast.copy_location(
                ast.Expr(_call(IMPORT_STAR, [ast.Constant(node.module)], node)), node)
        out = []
        for alias in node.names:
            self.check_name(alias.name, node)
            target = alias.asname or alias.name
            self.check_name(target, node)
            call = _call(IMPORT_FROM, [ast.Constant(node.module), ast.Constant(alias.name)],
                         node)
            out.append(_assign(target, call, node))
        return out


def _check_module(dotted, node):
    if any(_is_private(part) for part in dotted.split(".")):
        raise refusal("importing %r is not allowed (names starting with '_' are private)"
                      % dotted, facades.IMPORT_HINT, node)
    missing = facades.missing_module(dotted)
    if missing is not None:
        error = facades.module_not_found(missing)
        error.lineno = getattr(node, "lineno", None)
        raise error


def _is_super_call(node):
    """super() with no arguments (which Python resolves from the method's class and self)."""
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "super" and not node.args and not node.keywords)


def _describe(node_name):
    words = "".join(" " + c.lower() if c.isupper() else c for c in node_name).strip()
    return words or node_name


def _simple(node):
    """Reading it twice is harmless: a name or a constant."""
    return isinstance(node, (ast.Name, ast.Constant))


def _copy(node):
    if isinstance(node, ast.Name):
        return ast.Name(node.id, ast.Load())
    return ast.Constant(node.value)


def _call(name, args, node):
    return ast.copy_location(ast.Call(ast.Name(name, ast.Load()), args, []), node)


def _in(value, container):
    return ast.Compare(value, [ast.In()], [ast.Name(container, ast.Load())])


def _assign(target, value, node):
    return ast.copy_location(ast.Assign([ast.Name(target, ast.Store())], value), node)


# ---- the pipeline --------------------------------------------------------------------

def compile_source(source, filename="<stdin>", *, echo):
    """Code for one chunk of statements, or SyntaxError / a refusal before any of it runs.

    echo=True (interactive, piped, replay) echoes the value of every expression
    statement outside a def, as Python's interactive mode does; echo=False (run).
    """
    # Python's own compiler first: its SyntaxErrors (and warnings), exactly.
    try:
        compile(source, filename, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        raise guards.user_error(exc)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tree = ast.parse(source, filename)
        rewriter = _Rewriter(echo)
        try:
            tree = rewriter.visit(tree)
        except RecursionError:
            raise RecursionError("maximum recursion depth exceeded during compilation")
        if rewriter.used_temp and tree.body:
            # At module level the temporary is a global: do not keep its last value alive.
            end = tree.body[-1]
            clear = ast.copy_location(_assign(TEMP, ast.Constant(None), end), end)
            tree.body = [ast.copy_location(ast.Try(tree.body, [], [], [clear]), tree.body[0])]
        ast.fix_missing_locations(tree)
        return compile(tree, filename, "exec", dont_inherit=True, optimize=0)


def is_complete(source):
    """False while the source needs more lines (an open block or bracket), as in Python's REPL.

    A syntax error counts as complete: compiling it reports the error.
    """
    try:
        return codeop.compile_command(source, "<stdin>", "single") is not None
    except (SyntaxError, OverflowError, ValueError) as exc:
        if "multiple statements" not in str(exc):
            return True
    # Several statements pasted at once: complete when the last one is, and a block
    # still open at the end waits for the blank line that closes it, as one block does.
    try:
        if codeop.compile_command(source, "<stdin>", "exec") is None:
            return False
    except (SyntaxError, OverflowError, ValueError):
        return True
    return source.endswith("\n") or source.rsplit("\n", 1)[-1][:1] not in (" ", "\t")


def new_namespace(torch_module=None, *, echo, write):
    """A fresh session namespace: `torch` imported, torch's names bare, curated builtins.

    echo(value) is called with the value of each echoed expression statement (None
    included); write(text) receives what print() prints. torch_module is the engine
    package (gradrepl_engine when None).
    """
    if torch_module is None:
        torch_module = importlib.import_module("gradrepl_engine")
    modules = facades.module_registry(torch_module)
    torch = modules["torch"]
    namespace = {}
    # Builtins layer: torch's public names under Python's builtins, so that a bare name
    # both have (sum, max, abs, round, pow, ...) keeps its Python meaning.
    layer = guards.facade_names(torch)
    layer.update(safe_builtins.make_builtins(namespace, write))
    import_module, import_from, import_star = facades.make_importers(modules, namespace)
    namespace.update({
        "__builtins__": layer,
        "__name__": "__main__",
        # The guards live in the namespace itself (not the builtins) because module-level
        # code finds them there one dict lookup sooner; '_' names are hidden from users.
        ATTR: guards.load, BOX: guards.box, TYPE: type, FAST: guards.FAST,
        STORE: guards.store, STORE_FAST: guards.STORE_FAST, KWARGS: guards.check_kwargs,
        IMPORT: import_module, IMPORT_FROM: import_from, IMPORT_STAR: import_star,
        ECHO: echo, BASE: guards.check_base, CLASS: guards.register_user_class,
        "torch": torch,
    })
    return namespace
