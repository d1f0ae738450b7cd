"""What the rewritten user program calls at its iterator, generator and `with` sites (bound to the
name `__ys__` in the program's globals; see rewrite.py and recorder.py). The compiled recorder has
its own `it` and `call_next` (the hot ones), and calls back here for their rare cases."""

import builtins
import functools
import inspect
import sys
import types
from operator import length_hint as _length_hint

from . import protocol as P
from .protocol import NULL
from .recorder import R
from .values import safe_str, srepr

#: the names the rewritten program calls
HELPERS = ('it', 'arg', 'call_iter', 'call_next', 'send', 'throw', 'close', 'gen', 'genexp', 'ctx')
s = R.s
emit = R.emit
emit_value = R.emit_value

_getframe = sys._getframe
_GENERATOR_TYPES = frozenset((types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType))
_CONSUMERS = frozenset(
    (builtins.list, builtins.tuple, builtins.set, builtins.frozenset, builtins.sum, builtins.min,
     builtins.max, builtins.sorted, builtins.any, builtins.all, builtins.zip, builtins.enumerate,
     builtins.map, builtins.filter, builtins.dict)
)
_CONSUMER_TYPES = frozenset(type(c) for c in _CONSUMERS)


def _is_gen(obj):
    return type(obj) in _GENERATOR_TYPES


class Iterating:
    """Stands between a consumer (a for loop, list(), unpacking…) and the iterator it consumes,
    recording each item (iter.next) and the end (iter.stop)."""

    __slots__ = ('_next', '_source', 'obj', 'line')

    def __init__(self, it, source, obj, line):
        self._next = it.__next__
        self._source = source
        self.obj = obj
        self.line = line

    def __iter__(self):
        return self

    def __length_hint__(self):
        """list(x) and tuple(x) size their result by x's length hint: asked of the Iterating put
        between them and x, it is x's, as it would be unrecorded (its __len__ or __length_hint__)."""
        hint = _length_hint(self._source, -1)
        return NotImplemented if hint < 0 else hint

    def __next__(self):
        try:
            value = self._next()
        except StopIteration:
            R.stopped(self.obj, self.line)
            raise
        emit_value(P.K_ITER_NEXT, self.obj, self.line, value)
        return value


class IteratingGenerator(Iterating):
    """Iterating over a generator: its items are its gen.yield events; the consumer is how it is resumed."""

    __slots__ = ('via',)

    def __init__(self, it, source, obj, line, via):
        super().__init__(it, source, obj, line)
        self.via = via

    def __next__(self):
        R.resume_via(self.via)
        try:
            return self._next()
        except StopIteration:
            R.stopped(self.obj, self.line)
            raise


def made(iterable, it, line):
    """Records iter.create for it = iter(iterable) and returns the iterator's id: one object has one
    id (a generator a class's __iter__ made is the one gen.create named)."""
    if it is iterable:
        how = 'self'
        o = R.oid(it)
    else:
        how = '__iter__' if hasattr(type(iterable), '__iter__') else '__getitem__'
        # an object the run knows keeps its id; an iterator no one can name again needs none kept
        o = R.known(it) or R.new_id()
    emit(P.K_ITER_CREATE, o, line, s(srepr(iterable)), s(how), s(type(it).__name__))
    return o


def not_iterable(iterable, line, exc):
    emit(P.K_ITER_CREATE, R.new_id(), line, s(srepr(iterable)), NULL, s(f'TypeError: {safe_str(exc)}'))


def it(iterable, line, via='for'):
    """A for loop, comprehension, unpacking or consumer call over iterable."""
    try:
        inner = iter(iterable)
    except TypeError as e:
        not_iterable(iterable, line, e)
        raise
    o = made(iterable, inner, line)
    return IteratingGenerator(inner, iterable, o, line, via) if _is_gen(inner) else Iterating(inner, iterable, o, line)


def arg(fn, iterable, line):
    """An argument of a call that may consume it (list(x), sum(x), zip(a, b)…): watched when fn is the builtin."""
    # the type first: looking a callable of the program up in the set would run its __hash__
    if type(fn) not in _CONSUMER_TYPES or fn not in _CONSUMERS:
        return iterable
    if fn is builtins.dict and not _is_gen(iterable) and hasattr(iterable, 'keys'):
        return iterable
    return it(iterable, line, 'next')


def call_iter(fn, line, *args):
    """iter(x), and iter(callable, sentinel): records the new iterator and returns the real one."""
    if fn is not builtins.iter or len(args) not in (1, 2):
        return fn(*args)
    try:
        inner = iter(*args)
    except TypeError as e:
        if len(args) == 1:
            not_iterable(args[0], line, e)
        raise
    created_iter(line, inner, *args)
    return inner


def created_iter(line, inner, *args):
    """Records iter.create for inner = iter(*args)."""
    if len(args) == 2:
        emit(P.K_ITER_CREATE, R.oid(inner), line, s(srepr(args[0])), s('callable'), s(type(inner).__name__))
    elif inner is args[0]:
        made(args[0], inner, line)
    else:
        how = '__iter__' if hasattr(type(args[0]), '__iter__') else '__getitem__'
        emit(P.K_ITER_CREATE, R.oid(inner), line, s(srepr(args[0])), s(how), s(type(inner).__name__))


_next = builtins.next
_GeneratorType = types.GeneratorType


_NO_ARG = object()


def call_next(fn, line, target=_NO_ARG, *rest):
    """next(it[, default]). The target is a parameter of its own: a generator switch, the fast
    path, then needs no argument tuple."""
    if type(target) is _GeneratorType and fn is _next and not rest:
        R.resume_via('next')
        try:
            return _next(target)
        except StopIteration:
            R.stopped(R.oid(target), line)
            raise
    args = (target, *rest) if target is not _NO_ARG else rest
    if fn is not _next or not args:
        return fn(*args)
    gen = _is_gen(target)
    if gen:
        o = R.known(target)
        R.resume_via('next')
    else:
        o = R.known(target)
        if o is None:
            try:
                iter(target)
            except TypeError:
                return fn(*args)
            o = made(target, target, line)
    try:
        value = next(target)
    except StopIteration:
        if o is None:
            o = R.oid(target)
        R.stopped(o, line)
        if len(args) > 1:
            return args[1]
        raise
    if not gen:
        emit_value(P.K_ITER_NEXT, o, line, value)
    return value


def send(target, value):
    if _is_gen(target):
        R.resume_via('send', s(srepr(value)))
        try:
            return target.send(value)
        finally:
            R.resume_via(None)
    return target.send(value)


def throw(target, *args):
    return target.throw(*args)


def close(target):
    if not _is_gen(target):
        return target.close()
    R.closing()
    o = R.oid(target)
    try:
        return target.close()
    finally:
        if R.closed_itself() != o:
            emit(P.K_GEN_CLOSE, o, _getframe(1).f_lineno)


def gen(fn):
    """Decorator put on every generator/async function: records gen.create when it is called."""

    @functools.wraps(fn)
    def make(*args, **kwargs):
        g = fn(*args, **kwargs)
        if R.known(g) is None:
            R.register_gen(g, R.program_line(_getframe(1)))  # contextlib's own frame, say, is not the program's
        return g

    if inspect.iscoroutinefunction(fn):
        inspect.markcoroutinefunction(make)
    return make


def genexp(g):
    R.register_gen(g, R.program_line(_getframe(1)))
    return g


#: contextlib's managers (by name: a run imports its own contextlib), named by the generator they run
_GENERATOR_MANAGERS = ('_GeneratorContextManager', '_AsyncGeneratorContextManager')


def _manager_name(m):
    """A context manager's name, read without running the program's code (a getattr on the
    program's manager could run its __getattr__ or a property)."""
    t = type(m)
    if t.__name__ in _GENERATOR_MANAGERS and t.__module__ == 'contextlib':
        # its generator (entering let go of the function)
        gen = object.__getattribute__(m, '__dict__').get('gen')
        if type(gen) in (types.GeneratorType, types.AsyncGeneratorType):
            return gen.__qualname__
    return t.__name__


def _exited(o, line, exc, result):
    suppressed = 1 if exc is not None and result else 0
    exc_text = None if exc is None else f'{type(exc).__name__}: {safe_str(exc)}'
    emit(P.K_CTX_EXIT, o, line, s(exc_text), suppressed)


class Managing:
    """Stands in a `with` item for the real context manager and records its enter and exit."""

    __slots__ = ('m', 'o', 'line')

    def __init__(self, m, line):
        self.m = m
        self.o = R.oid(m)
        self.line = line

    def __enter__(self):
        m = self.m
        value = type(m).__enter__(m)
        emit(P.K_CTX_ENTER, self.o, self.line, s(_manager_name(m)), s(srepr(value)))
        return value

    def __exit__(self, et, exc, tb):
        m = self.m
        result = type(m).__exit__(m, et, exc, tb)
        _exited(self.o, self.line, exc, result)
        return result

    async def __aenter__(self):
        m = self.m
        value = await type(m).__aenter__(m)
        emit(P.K_CTX_ENTER, self.o, self.line, s(_manager_name(m)), s(srepr(value)))
        return value

    async def __aexit__(self, et, exc, tb):
        m = self.m
        result = await type(m).__aexit__(m, et, exc, tb)
        _exited(self.o, self.line, exc, result)
        return result


def ctx(m, line):
    if not hasattr(type(m), '__enter__') and not hasattr(type(m), '__aenter__'):
        return m  # let Python raise its own TypeError
    return Managing(m, line)


#: the compiled recorder hands the calls of next() its own call_next leaves to Python to this one
python_call_next = call_next
if hasattr(R, 'call_next'):
    it, call_next, call_iter = R.it, R.call_next, R.call_iter
