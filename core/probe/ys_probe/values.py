"""Values as the trace shows them: bounded reprs that never raise (a broken or huge __repr__ must not
hurt the run). The one place both recorders, the sites and the scheduler make them."""

import re as _re
import reprlib as _reprlib

from . import recorder
from .protocol import RunLimit, RunStopped

_GEN_KIND = {'generator': 'generator', 'coroutine': 'coroutine', 'async_generator': 'async generator'}


class _Repr(_reprlib.Repr):
    """reprlib's bounded repr, naming a generator or coroutine the run has an id for by that id
    (`<generator task #5>`, see core/trace/values.ts), so a value recorded anywhere (a deque's item,
    a yielded value) is recognisable as that object, its lane."""

    def repr_generator(self, x, level):
        o = recorder.R.known(x)
        if o is None:
            return self.repr_instance(x, level)
        return f'<{_GEN_KIND[type(x).__name__]} {x.__qualname__} #{o}>'

    repr_coroutine = repr_async_generator = repr_generator


_repr = _Repr(maxlevel=3, maxlist=8, maxtuple=8, maxdict=6, maxset=8, maxfrozenset=8, maxdeque=8, maxstring=80, maxother=80, maxlong=40)
_PLAIN = {int: repr, bool: repr, float: repr, type(None): repr}
#: a default repr's memory address differs from run to run: left out, a run with the same seed
#: records the same values
_ADDRESS = _re.compile(r' at 0x[0-9a-fA-F]+')
MAX_REPR = 200


def srepr(value):
    """A bounded repr that never raises."""
    plain = _PLAIN.get(type(value))
    if plain is not None:
        r = plain(value)
        return r if len(r) <= MAX_REPR else r[:MAX_REPR] + '…'
    try:
        r = _repr.repr(value)
    except BaseException as e:  # noqa: BLE001 - a user __repr__ may raise anything
        if isinstance(e, (RunLimit, RunStopped, KeyboardInterrupt)):
            raise
        return f'<{type(value).__name__} object (repr failed: {type(e).__name__})>'
    if ' at 0x' in r:
        r = _ADDRESS.sub('', r)
    return r if len(r) <= MAX_REPR else r[:MAX_REPR] + '…'


def safe_str(exc):
    try:
        text = str(exc)
    except BaseException:  # noqa: BLE001
        return f'<{type(exc).__name__} (str failed)>'
    return text if len(text) <= 1000 else text[:1000] + '…'
