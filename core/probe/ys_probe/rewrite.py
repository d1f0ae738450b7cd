"""Rewrites the user's program so its iterator, generator, send/close and `with` sites call the
helpers in sites.py (bound to `__ys__`). Only wraps expressions: line numbers and columns stay
those of the user's source. `__ys__` ends in two underscores so class bodies do not mangle it."""

import ast

HELPERS = '__ys__'
_CONSUMED_ARGS = {
    'list': 'first', 'tuple': 'first', 'set': 'first', 'frozenset': 'first', 'sum': 'first',
    'sorted': 'first', 'any': 'first', 'all': 'first', 'dict': 'first', 'enumerate': 'first',
    'min': 'only', 'max': 'only', 'zip': 'all', 'map': 'rest', 'filter': 'second',
}


def _helper(name, node, *args):
    call = ast.Call(
        func=ast.Attribute(value=ast.Name(id=HELPERS, ctx=ast.Load()), attr=name, ctx=ast.Load()),
        args=list(args),
        keywords=[],
    )
    return ast.copy_location(call, node)


def _const(value, node):
    return ast.copy_location(ast.Constant(value=value), node)


def _is_generator_body(fn):
    """Does fn's own body (not a nested function or class) contain yield?"""
    todo = list(fn.body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        todo.extend(ast.iter_child_nodes(node))
    return False


def _target_name(target):
    try:
        return ast.unparse(target)
    except Exception:  # noqa: BLE001 - a name is a nicety
        return None


class _Sites(ast.NodeTransformer):
    def __init__(self, bound_names):
        self.bound_names = bound_names

    def _it(self, node, via='for'):
        return _helper('it', node, node, _const(node.lineno, node), _const(via, node))

    def visit_FunctionDef(self, node):
        self.generic_visit(node)
        if isinstance(node, ast.AsyncFunctionDef) or _is_generator_body(node):
            at = {'lineno': node.lineno, 'col_offset': node.col_offset, 'end_lineno': node.lineno, 'end_col_offset': node.col_offset}
            node.decorator_list.append(ast.Attribute(value=ast.Name(id=HELPERS, ctx=ast.Load(), **at), attr='gen', ctx=ast.Load(), **at))
        return node

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_For(self, node):
        self.generic_visit(node)
        node.iter = self._it(node.iter)
        return node

    def _comprehension(self, node):
        self.generic_visit(node)
        for gen in node.generators:
            if not gen.is_async:
                gen.iter = self._it(gen.iter)
        return node

    visit_ListComp = visit_SetComp = visit_DictComp = _comprehension

    def visit_GeneratorExp(self, node):
        node = self._comprehension(node)
        return _helper('genexp', node, node)

    def visit_With(self, node):
        self.generic_visit(node)
        for item in node.items:
            item.context_expr = _helper('ctx', item.context_expr, item.context_expr, _const(node.lineno, node))
        return node

    visit_AsyncWith = visit_With

    def visit_Assign(self, node):
        self.generic_visit(node)
        if isinstance(node.value, ast.Call) and len(node.targets) == 1:
            name = _target_name(node.targets[0])
            if name is not None:
                self.bound_names[(node.value.lineno, node.value.col_offset)] = name
        unpacks = any(isinstance(t, (ast.Tuple, ast.List)) for t in node.targets)
        if unpacks and not isinstance(node.value, (ast.Tuple, ast.List)):
            node.value = self._it(node.value, 'next')
        return node

    def visit_AnnAssign(self, node):
        self.generic_visit(node)
        if isinstance(node.value, ast.Call):
            name = _target_name(node.target)
            if name is not None:
                self.bound_names[(node.value.lineno, node.value.col_offset)] = name
        return node

    def visit_Call(self, node):
        self.generic_visit(node)
        plain = not node.keywords and not any(isinstance(a, ast.Starred) for a in node.args)
        func = node.func
        if isinstance(func, ast.Name) and plain:
            line = _const(node.lineno, node)
            if func.id == 'iter' and len(node.args) in (1, 2):
                return _helper('call_iter', node, func, line, *node.args)
            if func.id == 'next' and node.args:
                return _helper('call_next', node, func, line, *node.args)
            which = _CONSUMED_ARGS.get(func.id)
            if which is not None and node.args:
                node.args = [
                    _helper('arg', a, ast.Name(id=func.id, ctx=ast.Load()), a, line) if _consumes(which, i, len(node.args)) else a
                    for i, a in enumerate(node.args)
                ]
            return node
        if isinstance(func, ast.Attribute) and plain:
            if func.attr == 'send' and len(node.args) == 1:
                return _helper('send', node, func.value, node.args[0])
            if func.attr == 'close' and not node.args:
                return _helper('close', node, func.value)
        return node


def _consumes(which, index, count):
    if which == 'first':
        return index == 0
    if which == 'only':
        return count == 1
    if which == 'all':
        return True
    if which == 'rest':
        return index >= 1
    return index == 1  # 'second'


def rewrite(source, file_name, bound_names):
    """Parses source (raising SyntaxError as Python would) and returns the instrumented code object."""
    tree = ast.parse(source, file_name)
    tree = _Sites(bound_names).visit(tree)
    ast.fix_missing_locations(tree)
    return compile(tree, file_name, 'exec', dont_inherit=True)
