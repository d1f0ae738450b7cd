"""Values as the trace shows them: bounded reprs that never raise and never run the program's own
code. The one place both recorders, the sites and the scheduler make them.

A repr the program defines (a class's __repr__, a deque subclass's __iter__ that the deque's repr
would call, an exception's __str__) is the program's code: calling it to record a value would run it
where the program does not, and a print, a counter or a random draw inside it would change what the
run prints and does. So values are read through the built-in types' own slots, as heap.py reads
objects: the built-in types as their repr shows them, and an instance whose class defines its own
repr by its attributes (`Task(name='a', left=3)`), the form a dataclass or a named tuple shows."""

import re as _re
import reprlib as _reprlib
import types
from collections import deque as _RealDeque
from itertools import islice

from . import recorder
from .protocol import RunLimit, RunStopped

_GEN_KIND = {types.GeneratorType: 'generator', types.CoroutineType: 'coroutine', types.AsyncGeneratorType: 'async generator'}
_HEAPTYPE = 1 << 9
_exception_args = BaseException.args.__get__
_deque_iter = _RealDeque.__iter__
_deque_maxlen = _RealDeque.maxlen.__get__
_instance_dict = object.__getattribute__
# a class's own method order, dict and flags, read through type's slots (a metaclass of the program
# could answer them otherwise)
_mro = type.__dict__['__mro__'].__get__
_class_dict = type.__dict__['__dict__'].__get__
_flags = type.__dict__['__flags__'].__get__
#: a default repr's memory address differs from run to run: left out, a run with the same seed
#: records the same values
_ADDRESS = _re.compile(r' at 0x[0-9a-fA-F]+')
MAX_REPR = 200
#: built-in types whose own repr reads nothing but the object's own fields (no repr of another object)
_LEAF_REPR = frozenset((
    int, bool, float, complex, type(None), type(...), type(NotImplemented), bytes, bytearray, range,
    types.FunctionType, types.BuiltinFunctionType, types.CodeType, types.FrameType, memoryview,
))
#: an exception's message (str()) is its one argument's str when that argument is one of these
_PLAIN_MESSAGE = frozenset((str, int, bool, float, type(None)))


def _own(cls, name):
    """The class along cls's method order that defines `name`, and what it defines (read from the
    classes' own dicts: no descriptor or metaclass of the program runs)."""
    for c in _mro(cls):
        found = _class_dict(c).get(name, _own)
        if found is not _own:
            return c, found
    return None, None


def _is_program_code(cls, name):
    """Whether cls's `name` is written in Python (the program's, or a library's that may call it)."""
    owner, found = _own(cls, name)
    native = (types.WrapperDescriptorType, types.BuiltinFunctionType)
    return owner is not None and _flags(owner) & _HEAPTYPE != 0 and type(found) not in native


def _short(text, limit):
    if len(text) <= limit:
        return text
    i = max(0, (limit - 3) // 2)
    return text[:i] + '...' + text[len(text) - max(0, limit - 3 - i) :]


class _Repr(_reprlib.Repr):
    """reprlib's bounded repr, dispatched on the exact type (reprlib's own goes by the type's name,
    which a class of the program can take), and sorting a set's or dict's keys only when they are of
    the built-in types (sorting compares, and a class's __lt__ is the program's code)."""

    def repr1(self, x, level):
        t = type(x)
        method = _EXACT.get(t)
        if method is not None:
            return method(self, x, level)
        if t in _LEAF_REPR:
            return _short(repr(x), self.maxother)
        return self.repr_other(x, t, level)

    def repr_generator(self, x, level):
        """A generator or coroutine the run has an id for, named by that id (`<generator task #5>`,
        see core/trace/values.ts): a value recorded anywhere (a deque's item, a yielded value) is
        recognisable as that object, its lane."""
        o = recorder.R.known(x)
        if o is None:
            return repr(x)
        return f'<{_GEN_KIND[type(x)]} {x.__qualname__} #{o}>'

    def _keys(self, x):
        keys = list(islice(x, 200))
        return sorted(keys) if all(type(k) in _SORTABLE for k in keys) and len({type(k) for k in keys}) <= 1 else keys

    def repr_set(self, x, level):
        return self._repr_iterable(self._keys(x), level, '{', '}', self.maxset) if x else 'set()'

    def repr_frozenset(self, x, level):
        return self._repr_iterable(self._keys(x), level, 'frozenset({', '})', self.maxfrozenset) if x else 'frozenset()'

    def repr_dict(self, x, level):
        if not x:
            return '{}'
        if level <= 0:
            return '{' + self.fillvalue + '}'
        pieces = [
            f'{self.repr1(key, level - 1)}: {self.repr1(dict.__getitem__(x, key), level - 1)}'
            for key in islice(self._keys(x), self.maxdict)
        ]
        if len(x) > self.maxdict:
            pieces.append(self.fillvalue)
        return '{' + ', '.join(pieces) + '}'

    def repr_deque_of(self, x, level):
        """Any deque, the program's subclasses too: its own items, as deque's repr shows them."""
        shown = self._repr_iterable(list(islice(_deque_iter(x), self.maxdeque + 1)), level, '[', ']', self.maxdeque)
        maxlen = _deque_maxlen(x)
        return f'{type(x).__name__}({shown}' + ('' if maxlen is None else f', maxlen={maxlen}') + ')'

    def repr_exception(self, x, level):
        """As BaseException's repr shows it (`Fold('no', 2)`), from its arguments."""
        args = _exception_args(x)
        if len(args) == 1:
            return f'{type(x).__name__}({self.repr1(args[0], level - 1)})'
        return type(x).__name__ + self.repr_tuple(args, level)

    def repr_other(self, x, t, level):
        if t in _GEN_KIND:
            return self.repr_generator(x, level)
        # issubclass of the exact type, not isinstance: isinstance may ask the object its __class__
        if issubclass(t, _RealDeque):
            return self.repr_deque_of(x, level)
        if issubclass(t, BaseException):
            return self.repr_exception(x, level)
        if issubclass(t, type):
            return repr(x) if type(t) is type else f"<class '{x.__qualname__}'>"
        heap = _flags(t) & _HEAPTYPE != 0
        if heap and _is_program_code(t, '__repr__'):
            return self.repr_by_fields(x, t, level)
        base = _container_base(t)
        if base is not None:
            # a subclass that kept its container's repr shows as that container; a built-in one
            # (OrderedDict, defaultdict) names itself
            shown = _EXACT[base](self, _AS_BASE[base](x), level)
            return shown if heap else f'{t.__name__}({shown})'
        if t is types.MethodType:
            return f'<bound method {x.__func__.__qualname__} of {self.repr1(x.__self__, level - 1)}>'
        if issubclass(t, types.ModuleType):
            return f"<module {self.repr1(_instance_dict(x, '__dict__').get('__name__'), level - 1)}>"
        if t is types.SimpleNamespace:
            return self.repr_fields('namespace', _instance_dict(x, '__dict__').items(), level)
        # a built-in type's own repr (C), or object's default one for a class that has none of its own
        return _short(repr(x), self.maxother)

    def repr_fields(self, name, fields, level):
        """`Name(a=1, b='x')`: the form of a dataclass's or named tuple's repr, read field by field."""
        if level <= 0:
            return f'{name}({self.fillvalue})'
        pieces = [f'{field}={self.repr1(value, level - 1)}' for field, value in islice(fields, self.maxdict + 1)]
        if len(pieces) > self.maxdict:
            pieces[self.maxdict :] = [self.fillvalue]
        return f'{name}({", ".join(pieces)})'

    def repr_by_fields(self, x, t, level):
        """An instance of a class with a repr of its own (the program's, or a library's that may call
        the program's), shown by what it holds, never by running that repr."""
        members = _own(t, '_fields')[1]
        if issubclass(t, tuple) and type(members) is tuple:  # a named tuple
            return self.repr_fields(t.__name__, zip(members, tuple.__iter__(x)), level)
        held = dict(attributes(x, t))
        fields = _own(t, '__dataclass_fields__')[1]
        if type(fields) is dict:
            names = [name for name, f in fields.items() if getattr(f, 'repr', True)]
            return self.repr_fields(t.__qualname__, ((n, held.get(n)) for n in names), level)
        if '_name_' in held and '_value_' in held:  # an Enum's member
            return f'<{t.__name__}.{held["_name_"]}: {self.repr1(held["_value_"], level - 1)}>'
        base = _container_base(t)
        if base is not None:
            return f'{t.__name__}({_EXACT[base](self, _AS_BASE[base](x), level)})'
        named = [(k, v) for k, v in held.items() if not k.startswith('__')]
        public = [(k, v) for k, v in named if not k.startswith('_')]
        # a class that keeps all it holds private (Fraction's _numerator) shows that, not nothing
        return self.repr_fields(t.__name__, public or named, level)


def attributes(x, t):
    """The (name, value) pairs an instance of class t holds itself: its __dict__ (read through
    object's slot) and its __slots__, read without running any of the program's code. Also the
    frames view's (heap.py)."""
    try:
        state = _instance_dict(x, '__dict__')
    except (AttributeError, TypeError):
        state = None
    if type(state) is dict:
        yield from ((k, v) for k, v in dict.items(state) if type(k) is str)
    for c in _mro(t):
        own = _class_dict(c)
        slots = own.get('__slots__', ())
        for name in (slots,) if type(slots) is str else slots if type(slots) in (tuple, list, dict) else ():
            member = own.get(name)
            if type(member) is types.MemberDescriptorType:
                try:
                    yield name, member.__get__(x)
                except AttributeError:  # a slot never set
                    pass


def _container_base(t):
    for base in _AS_BASE:
        if issubclass(t, base):
            return base
    return None


_EXACT = {
    str: _Repr.repr_str,
    tuple: _Repr.repr_tuple,
    list: _Repr.repr_list,
    dict: _Repr.repr_dict,
    set: _Repr.repr_set,
    frozenset: _Repr.repr_frozenset,
    _RealDeque: _Repr.repr_deque_of,
    int: _Repr.repr_int,
}
#: a subclass of a built-in type, read as that type through the type's own slots (the subclass's
#: __iter__, __len__ or __str__ is the program's code)
_AS_BASE = {
    dict: lambda x: dict(dict.items(x)),
    list: lambda x: list(list.__iter__(x)),
    tuple: lambda x: tuple(tuple.__iter__(x)),
    set: lambda x: set(set.__iter__(x)),
    frozenset: lambda x: frozenset(frozenset.__iter__(x)),
    str: str.__str__,
    int: int.__int__,
}
_SORTABLE = frozenset((str, int, float, bool))

_repr = _Repr(maxlevel=3, maxlist=8, maxtuple=8, maxdict=6, maxset=8, maxfrozenset=8, maxdeque=8, maxstring=80, maxother=80, maxlong=40)
_PLAIN = {int: repr, bool: repr, float: repr, type(None): repr}


def srepr(value):
    """A bounded repr that never raises, and never runs the program's code."""
    plain = _PLAIN.get(type(value))
    if plain is not None:
        try:
            r = plain(value)
            return r if len(r) <= MAX_REPR else r[:MAX_REPR] + '…'
        except ValueError:  # an int too long to write out: reprlib says how long, below
            pass
    try:
        r = _repr.repr(value)
    except BaseException as e:  # noqa: BLE001 - whatever goes wrong must not hurt the run
        if isinstance(e, (RunLimit, RunStopped, KeyboardInterrupt)):
            raise
        return f'<{type(value).__name__} object (repr failed: {type(e).__name__})>'
    if ' at 0x' in r:
        r = _ADDRESS.sub('', r)
    return r if len(r) <= MAX_REPR else r[:MAX_REPR] + '…'


def safe_str(exc):
    """An exception's message, as str() gives it, without running a __str__ of the program: when
    its class's __str__ or an argument is the program's, what BaseException's __str__ says, from the
    arguments (none: nothing; one: it; more: all of them)."""
    t = type(exc)
    if not issubclass(t, BaseException):
        return srepr(exc)
    args = _exception_args(exc)
    if _is_program_code(t, '__str__') or not all(type(a) in _PLAIN_MESSAGE for a in args):
        text = '' if not args else _one(args[0]) if len(args) == 1 else srepr(args)
    else:
        try:
            text = str(exc)
        except BaseException:  # noqa: BLE001
            return f'<{t.__name__} (str failed)>'
    return text if len(text) <= 1000 else text[:1000] + '…'


def _one(arg):
    return arg if type(arg) is str else srepr(arg)
