"""A collections.deque that records its creation and every mutation, put in place of
collections.deque for the length of a run. Only deques created by the user's code are recorded;
others (made by the standard library) pay one check per operation.

The Python recorder's deque is `deque` below. The compiled recorder's (compiled.Deque) does append,
appendleft, pop and popleft itself and calls the functions here for its creation and the rarer
operations, so both record the same events."""

import collections
import sys

from . import protocol as P
from . import recorder
from .protocol import NULL
from .recorder import R
from .values import MAX_REPR, srepr

_getframe = sys._getframe
RealDeque = collections.deque
# The real deque's own length and items: a subclass's __len__, __iter__ or __getitem__ is the
# program's code, which recording must not run.
_len = RealDeque.__len__
_iter = RealDeque.__iter__
s = R.s
sv = R.sv
emit = R.emit

#: (line, col) of `deque(...)` calls that are the value of an assignment -> the bound name (rewrite.py fills it)
bound_names = {}


def _bound_name(f):
    """The variable the deque being created is assigned to, found from the creating call's position."""
    for _ in range(6):
        if f is None:
            return None
        if R.is_program_code(f.f_code):
            positions = list(f.f_code.co_positions())
            index = f.f_lasti // 2
            if 0 <= index < len(positions):
                line, _end, col, _endcol = positions[index]
                name = bound_names.get((line, col))
                if name is not None:
                    return name
        f = f.f_back
    return None


def _items(values):
    return s(srepr(list(values)))


def created(d, creator):
    """Records deque.create for d, made by a call in frame `creator`, when that is the program's
    code; returns d's id, or 0 when d is not the program's (then it is not recorded)."""
    while creator is not None and creator.f_code.co_name == '__init__' and creator.f_locals.get('self') is d:
        creator = creator.f_back  # a subclass's __init__: the creator is who called it
    if creator is None or not R.is_program_code(creator.f_code):
        return 0
    o = R.oid(d)
    maxlen_field = NULL if d.maxlen is None else d.maxlen
    emit(P.K_DEQUE_CREATE, o, creator.f_lineno, maxlen_field, _items(_iter(d)), s(_bound_name(creator)))
    return o


def _would_drop(d, incoming):
    """How many items adding `incoming` items to d drops at the other end."""
    m = d.maxlen
    return 0 if m is None else max(0, _len(d) + incoming - m)


def _op(d, o, line, op, arg, value, dropped):
    emit(P.K_DEQUE_OP, o, line, s(op), arg, value, dropped, _len(d))


def _dropped_by_one(d, x, end):
    if not _would_drop(d, 1):
        return NULL
    return s(srepr([x] if d.maxlen == 0 else [RealDeque.__getitem__(d, end)]))


def append(d, o, line, x):
    dropped = _dropped_by_one(d, x, 0)
    RealDeque.append(d, x)
    _op(d, o, line, 'append', sv(x), NULL, dropped)


def appendleft(d, o, line, x):
    dropped = _dropped_by_one(d, x, -1)
    RealDeque.appendleft(d, x)
    _op(d, o, line, 'appendleft', sv(x), NULL, dropped)


def pop(d, o, line):
    value = RealDeque.pop(d)
    _op(d, o, line, 'pop', NULL, sv(value), NULL)
    return value


def popleft(d, o, line):
    value = RealDeque.popleft(d)
    _op(d, o, line, 'popleft', NULL, sv(value), NULL)
    return value


def _extend(d, o, line, op, iterable, left):
    items = list(iterable)
    k = _would_drop(d, len(items))
    dropped = NULL
    if k:
        if left:
            dropped = s(srepr((list(reversed(items)) + list(_iter(d)))[-k:]))
        else:
            dropped = s(srepr((list(_iter(d)) + items)[:k]))
    (RealDeque.extendleft if left else RealDeque.extend)(d, items)
    _op(d, o, line, op, s(srepr(items)), NULL, dropped)


def extend(d, o, line, iterable):
    _extend(d, o, line, 'extend', iterable, False)


def extendleft(d, o, line, iterable):
    _extend(d, o, line, 'extendleft', iterable, True)


def iadd(d, o, line, iterable):
    _extend(d, o, line, '__iadd__', iterable, False)
    return d


def insert(d, o, line, i, x):
    RealDeque.insert(d, i, x)
    _op(d, o, line, 'insert', s(srepr((i, x))), NULL, NULL)


def remove(d, o, line, x):
    RealDeque.remove(d, x)
    _op(d, o, line, 'remove', s(srepr(x)), s(srepr(x)), NULL)


def rotate(d, o, line, k=1):
    RealDeque.rotate(d, k)
    _op(d, o, line, 'rotate', s(srepr(k)), NULL, NULL)


def clear(d, o, line):
    removed = _items(d)
    RealDeque.clear(d)
    _op(d, o, line, 'clear', NULL, removed, NULL)


def setitem(d, o, line, i, x):
    old = RealDeque.__getitem__(d, i)
    RealDeque.__setitem__(d, i, x)
    _op(d, o, line, '__setitem__', s(srepr((i, x))), s(srepr(old)), NULL)


def delitem(d, o, line, i):
    old = RealDeque.__getitem__(d, i)
    RealDeque.__delitem__(d, i)
    _op(d, o, line, '__delitem__', s(srepr(i)), s(srepr(old)), NULL)


def _caller_line():
    """The program line that led to the call of the deque method calling this."""
    return R.program_line(_getframe(2))  # _caller_line <- the deque method <- its caller


class deque(RealDeque):
    __slots__ = ('_ys',)

    def __init__(self, iterable=(), maxlen=None):
        RealDeque.__init__(self, iterable, maxlen)
        self._ys = created(self, _getframe(1))

    def append(self, x):
        if not self._ys:
            return RealDeque.append(self, x)
        append(self, self._ys, _caller_line(), x)

    def appendleft(self, x):
        if not self._ys:
            return RealDeque.appendleft(self, x)
        appendleft(self, self._ys, _caller_line(), x)

    def pop(self):
        if not self._ys:
            return RealDeque.pop(self)
        return pop(self, self._ys, _caller_line())

    def popleft(self):
        if not self._ys:
            return RealDeque.popleft(self)
        return popleft(self, self._ys, _caller_line())

    def extend(self, iterable):
        if not self._ys:
            return RealDeque.extend(self, iterable)
        extend(self, self._ys, _caller_line(), iterable)

    def extendleft(self, iterable):
        if not self._ys:
            return RealDeque.extendleft(self, iterable)
        extendleft(self, self._ys, _caller_line(), iterable)

    def __iadd__(self, iterable):
        if not self._ys:
            return RealDeque.__iadd__(self, iterable)
        return iadd(self, self._ys, _caller_line(), iterable)

    def insert(self, i, x):
        if not self._ys:
            return RealDeque.insert(self, i, x)
        insert(self, self._ys, _caller_line(), i, x)

    def remove(self, x):
        if not self._ys:
            return RealDeque.remove(self, x)
        remove(self, self._ys, _caller_line(), x)

    def rotate(self, k=1):
        if not self._ys:
            return RealDeque.rotate(self, k)
        rotate(self, self._ys, _caller_line(), k)

    def clear(self):
        if not self._ys:
            return RealDeque.clear(self)
        clear(self, self._ys, _caller_line())

    def __setitem__(self, i, x):
        if not self._ys:
            return RealDeque.__setitem__(self, i, x)
        setitem(self, self._ys, _caller_line(), i, x)

    def __delitem__(self, i):
        if not self._ys:
            return RealDeque.__delitem__(self, i)
        delitem(self, self._ys, _caller_line(), i)

    def __repr__(self):
        body = repr(list(self))
        return f'deque({body})' if self.maxlen is None else f'deque({body}, maxlen={self.maxlen})'


deque.__module__ = 'collections'
deque.__qualname__ = 'deque'


def runtime_deque(base):
    """The class of a deque of the runtime's own that the views show as if the program had made it
    (asyncio's ready queue), over the recorder's deque `base`: recorded under `name` at line 0 (no
    line of the program made it), each item shown as `label(item)` says. The runtime appends, pops
    from the left and clears it; any other operation records the item's repr as usual."""

    class RuntimeDeque(base):
        __slots__ = ('_label',)

        def __init__(self, name, label):
            RealDeque.__init__(self)
            self._label = label
            self._ys = R.oid(self)
            emit(P.K_DEQUE_CREATE, self._ys, 0, NULL, _items(self), s(name))

        def _text(self, x):
            return s(self._label(x)[:MAX_REPR])

        def append(self, x):
            RealDeque.append(self, x)
            _op(self, self._ys, 0, 'append', self._text(x), NULL, NULL)

        def popleft(self):
            value = RealDeque.popleft(self)
            _op(self, self._ys, 0, 'popleft', NULL, self._text(value), NULL)
            return value

        def clear(self):
            removed = s(srepr([self._label(x)[:MAX_REPR] for x in self]))
            RealDeque.clear(self)
            _op(self, self._ys, 0, 'clear', NULL, removed, NULL)

    return RuntimeDeque


def patch():
    collections.deque = recorder.Deque


def unpatch():
    collections.deque = RealDeque
