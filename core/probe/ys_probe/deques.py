"""A collections.deque that records its creation and every mutation, put in place of
collections.deque for the length of a run. Only deques created by the user's code are recorded;
others (made by the standard library) pay one attribute check per operation."""

import collections
import sys

from . import record as R
from .record import NULL, s, srepr, sv, emit

_getframe = sys._getframe
RealDeque = collections.deque

#: (line, col) of `deque(...)` calls that are the value of an assignment -> the bound name (rewrite.py fills it)
bound_names = {}


def _caller_line():
    f = _getframe(3)  # _caller_line <- _op <- the deque method <- its caller
    return f.f_lineno if f.f_code in R.user_codes else 0


def _bound_name(f):
    """The variable the deque being created is assigned to, found from the creating call's position."""
    for _ in range(6):
        if f is None:
            return None
        if f.f_code in R.user_codes:
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


class deque(RealDeque):
    __slots__ = ('_ys',)

    def __init__(self, iterable=(), maxlen=None):
        RealDeque.__init__(self, iterable, maxlen)
        creator = _getframe(1)
        while creator is not None and creator.f_code.co_name == '__init__' and creator.f_locals.get('self') is self:
            creator = creator.f_back  # a subclass's __init__: the creator is who called it
        if creator is None or creator.f_code not in R.user_codes:
            self._ys = 0
            return
        self._ys = R.oid(self)
        maxlen_field = NULL if self.maxlen is None else self.maxlen
        emit(R.K_DEQUE_CREATE, self._ys, creator.f_lineno, maxlen_field, _items(self), s(_bound_name(creator)))

    def _op(self, op, arg, value, dropped):
        emit(R.K_DEQUE_OP, self._ys, _caller_line(), s(op), arg, value, dropped, len(self))

    def _would_drop(self, incoming):
        """How many items adding `incoming` items drops at the other end."""
        m = self.maxlen
        return 0 if m is None else max(0, len(self) + incoming - m)

    def _dropped_by_one(self, x, end):
        if not self._would_drop(1):
            return NULL
        return s(srepr([x] if self.maxlen == 0 else [RealDeque.__getitem__(self, end)]))

    def append(self, x):
        if not self._ys:
            return RealDeque.append(self, x)
        dropped = self._dropped_by_one(x, 0)
        RealDeque.append(self, x)
        self._op('append', sv(x), NULL, dropped)

    def appendleft(self, x):
        if not self._ys:
            return RealDeque.appendleft(self, x)
        dropped = self._dropped_by_one(x, -1)
        RealDeque.appendleft(self, x)
        self._op('appendleft', sv(x), NULL, dropped)

    def pop(self):
        if not self._ys:
            return RealDeque.pop(self)
        value = RealDeque.pop(self)
        self._op('pop', NULL, sv(value), NULL)
        return value

    def popleft(self):
        if not self._ys:
            return RealDeque.popleft(self)
        value = RealDeque.popleft(self)
        self._op('popleft', NULL, sv(value), NULL)
        return value

    def _extend(self, op, iterable, left):
        items = list(iterable)
        k = self._would_drop(len(items))
        dropped = NULL
        if k:
            if left:
                dropped = s(srepr((list(reversed(items)) + list(self))[-k:]))
            else:
                dropped = s(srepr((list(self) + items)[:k]))
        (RealDeque.extendleft if left else RealDeque.extend)(self, items)
        self._op(op, s(srepr(items)), NULL, dropped)

    def extend(self, iterable):
        if not self._ys:
            return RealDeque.extend(self, iterable)
        self._extend('extend', iterable, False)

    def extendleft(self, iterable):
        if not self._ys:
            return RealDeque.extendleft(self, iterable)
        self._extend('extendleft', iterable, True)

    def __iadd__(self, iterable):
        if not self._ys:
            return RealDeque.__iadd__(self, iterable)
        self._extend('__iadd__', iterable, False)
        return self

    def insert(self, i, x):
        if not self._ys:
            return RealDeque.insert(self, i, x)
        RealDeque.insert(self, i, x)
        self._op('insert', s(srepr((i, x))), NULL, NULL)

    def remove(self, x):
        if not self._ys:
            return RealDeque.remove(self, x)
        RealDeque.remove(self, x)
        self._op('remove', s(srepr(x)), s(srepr(x)), NULL)

    def rotate(self, k=1):
        if not self._ys:
            return RealDeque.rotate(self, k)
        RealDeque.rotate(self, k)
        self._op('rotate', s(srepr(k)), NULL, NULL)

    def clear(self):
        if not self._ys:
            return RealDeque.clear(self)
        removed = _items(self)
        RealDeque.clear(self)
        self._op('clear', NULL, removed, NULL)

    def __setitem__(self, i, x):
        if not self._ys:
            return RealDeque.__setitem__(self, i, x)
        old = RealDeque.__getitem__(self, i)
        RealDeque.__setitem__(self, i, x)
        self._op('__setitem__', s(srepr((i, x))), s(srepr(old)), NULL)

    def __delitem__(self, i):
        if not self._ys:
            return RealDeque.__delitem__(self, i)
        old = RealDeque.__getitem__(self, i)
        RealDeque.__delitem__(self, i)
        self._op('__delitem__', s(srepr(i)), s(srepr(old)), NULL)

    def __repr__(self):
        body = repr(list(self))
        return f'deque({body})' if self.maxlen is None else f'deque({body}, maxlen={self.maxlen})'


deque.__module__ = 'collections'
deque.__qualname__ = 'deque'


class RuntimeDeque(deque):
    """A deque of the runtime's own that the views show as if the program had made it (asyncio's
    ready queue): recorded under `name` at line 0 (no line of the program made it), each item shown
    as `label(item)` says. The runtime appends, pops from the left and clears it; any other operation
    records the item's repr as usual."""

    __slots__ = ('_label',)

    def __init__(self, name, label):
        RealDeque.__init__(self)
        self._label = label
        self._ys = R.oid(self)
        emit(R.K_DEQUE_CREATE, self._ys, 0, NULL, _items(self), s(name))

    def _text(self, x):
        return s(self._label(x)[: R.MAX_REPR])

    def append(self, x):
        RealDeque.append(self, x)
        self._op('append', self._text(x), NULL, NULL)

    def popleft(self):
        value = RealDeque.popleft(self)
        self._op('popleft', NULL, self._text(value), NULL)
        return value

    def clear(self):
        removed = s(srepr([self._label(x)[: R.MAX_REPR] for x in self]))
        RealDeque.clear(self)
        self._op('clear', NULL, removed, NULL)


def patch():
    collections.deque = deque


def unpatch():
    collections.deque = RealDeque
