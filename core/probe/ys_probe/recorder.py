"""The recorder this interpreter uses: the compiled probe (compiled.so, built from core/probe/compiled/)
when it loads, else the Python one (record.py), which records the same events more slowly.

choose() runs once, after protocol.configure() and before anything else of the probe is imported;
then `R` is the recorder, `helpers` what the rewritten program calls (bound to `__ys__` in its
globals), `Deque` the recording collections.deque, and `notice` a sentence saying why the Python
recorder is in use when the compiled one was wanted (None otherwise)."""

import types

R = None
helpers = None
Deque = None
notice = None
#: which recorder records: 'compiled' or 'python'
name = None


def choose(prefer):
    """prefer: 'compiled' (the Python recorder only when the compiled one cannot load) or 'python'."""
    global R, helpers, Deque, notice, name
    R = None
    if prefer == 'compiled':
        try:
            from . import compiled
        except ImportError as e:
            reason = str(e).splitlines()[0] if str(e) else type(e).__name__
            notice = f'The compiled recorder could not load ({reason}), so the slower Python recorder records.'
        else:
            R = compiled
    if R is None:
        from . import record

        R = record
    name = 'python' if R.__name__.endswith('.record') else 'compiled'
    from . import deques, sites, values

    if name == 'compiled':
        R.connect(sites, deques)
        Deque = R.Deque
    else:
        Deque = deques.deque
    helpers = types.ModuleType('__ys__')
    for key in sites.HELPERS:
        setattr(helpers, key, getattr(sites, key))
    helpers.R = R
    helpers.RuntimeDeque = deques.runtime_deque(Deque)
    # the scheduler's values, made as the recorder's are (never running the program's own repr)
    helpers.srepr = values.srepr
    helpers.safe_str = values.safe_str
