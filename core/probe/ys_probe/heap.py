"""A snapshot of the program's frames and the objects they reach, taken while the run is held at an
event (core/run/watch.ts calls it from the recorder's waiter), as JSON for core/session/snapshot.ts.

It never runs the program's own code: no __repr__, __eq__, __hash__, property or __getattr__ of a
user class is called (a broken, slow or side-effecting one must not hurt, nor change what the run
does next). Objects are read through the built-in types' own slots; an instance of a class is drawn
by its attributes, never by its repr. Garbage collection is held off while the walk allocates, so
no finalizer of the program runs inside it.

Identity: an object the probe has an id for (a generator, coroutine, iterator, deque, context
manager, task) is keyed by that id, so it is the same object in the trace, the lanes and every
snapshot. Other objects get a key of this run, kept from one snapshot to the next while the object
lives (checked by a weak reference, or, for types that take none, by having been seen in the
previous snapshot with the same type); core/inspect maps these keys across re-runs.
"""

import gc
import json
import sys
import types
import weakref
from collections import deque as RealDeque
from inspect import getasyncgenstate, getcoroutinestate, getgeneratorstate
from itertools import islice

from . import protocol as P, recorder
from .deques import RealDeque as ProbeRealDeque
from .rewrite import HELPERS
from .values import attributes, safe_str

MAX_OBJECTS = 300
#: items of a container shown: the first HEAD and the last TAIL, with a count of those between
HEAD = 8
TAIL = 2
MAX_TEXT = 60

_INLINE = frozenset((int, float, bool, complex, type(None), type(...), str, bytes))
_GEN = types.GeneratorType
_CORO = types.CoroutineType
_AGEN = types.AsyncGeneratorType
_GENERATORS = {_GEN: 'generator', _CORO: 'coroutine', _AGEN: 'async generator'}
_STATE = {
    'GEN_CREATED': 'created', 'GEN_RUNNING': 'running', 'GEN_SUSPENDED': 'suspended', 'GEN_CLOSED': 'finished',
    'CORO_CREATED': 'created', 'CORO_RUNNING': 'running', 'CORO_SUSPENDED': 'suspended', 'CORO_CLOSED': 'finished',
    'AGEN_CREATED': 'created', 'AGEN_RUNNING': 'running', 'AGEN_SUSPENDED': 'suspended', 'AGEN_CLOSED': 'finished',
}
_FUNCTIONS = frozenset((types.FunctionType, types.BuiltinFunctionType, types.MethodType, types.BuiltinMethodType))
_HEAPTYPE = 1 << 9
_MODULE_HIDDEN = frozenset((HELPERS, '__builtins__'))
#: events after which the running generator has left its frame (its callback still runs inside it)
_LEAVING = {P.K_GEN_YIELD: 'suspended', P.K_GEN_RETURN: 'finished', P.K_GEN_RAISE: 'finished', P.K_GEN_CLOSE: 'finished'}

assert RealDeque is ProbeRealDeque

# ---- what the walk asks of the recorder (one place, for whichever recorder records) ----


def _trace_id(x):
    """The run's id of an object the recorder tracks (its `obj` in the trace), else None."""
    return recorder.R.known(x)


def _is_program(code):
    return recorder.R.is_program_code(code)


_scanned = [-1, []]  # the newest trace id when the heap was last scanned, and weak references to what it found


def _tracked_generators(newest):
    """Every generator and coroutine the recorder tracks that is still alive, also one that only
    the scheduler holds (no frame of the program refers to it). Found by a scan of the heap, which
    takes milliseconds, so only when the trace has named an object since the last scan (`newest`:
    the highest trace id of the run so far; ids are handed out in order)."""
    if newest != _scanned[0]:
        _scanned[0] = newest
        _scanned[1] = [weakref.ref(o) for o in gc.get_objects() if type(o) in _GENERATORS and _trace_id(o) is not None]
    for ref in _scanned[1]:
        g = ref()
        if g is not None:
            yield g


# ---- keys of this run ----
_next_key = 1
_weak = {}  # id(obj) -> (key, weakref)
_strong_prev = {}  # id(obj) -> (key, type) for objects without weakrefs seen in the previous snapshot


def reset():
    global _next_key
    _next_key = 1
    _weak.clear()
    _strong_prev.clear()
    _scanned[:] = [-1, []]


def _state_of(gen):
    t = type(gen)
    name = getgeneratorstate(gen) if t is _GEN else getcoroutinestate(gen) if t is _CORO else getasyncgenstate(gen)
    return _STATE[name]


def _frame_of(gen):
    t = type(gen)
    return gen.gi_frame if t is _GEN else gen.cr_frame if t is _CORO else gen.ag_frame


def _text(r):
    return r if len(r) <= MAX_TEXT else r[:MAX_TEXT] + '…'


def _small(x):
    """The inline text of a value of a built-in scalar type (no user code can run here)."""
    t = type(x)
    if t is int and not -10**40 < x < 10**40:
        return f'<int of {x.bit_length()} bits>'
    if t is str:
        return repr(x if len(x) <= MAX_TEXT else x[:MAX_TEXT]) + ('…' if len(x) > MAX_TEXT else '')
    if t is bytes:
        return repr(x[:MAX_TEXT]) + ('…' if len(x) > MAX_TEXT else '')
    return _text(repr(x))


def _type_name(t):
    return type.__dict__['__qualname__'].__get__(t)


class _Walk:
    def __init__(self):
        self.objects = []  # the snapshot's objects, in the order found
        self.found = {}  # id(obj) -> key, this snapshot
        self.todo = []  # (obj, entry) to fill in
        self.keep = []  # every object found, alive until the walk ends (so no id() is reused meanwhile)
        self.truncated = False
        self.strong_seen = {}
        self.generators = []  # (obj, its entry in objects) of every generator found

    def value(self, x):
        t = type(x)
        if t in _INLINE:
            return {'v': _small(x)}
        key = self.found.get(id(x))
        if key is not None:
            return {'r': key}
        if len(self.objects) >= MAX_OBJECTS:
            self.truncated = True
            return {'v': f'<{_type_name(t)}>'}
        key = self._key(x, t)
        self.found[id(x)] = key
        self.keep.append(x)
        entry = {'key': key, 'type': _type_name(t)}
        tid = _trace_id(x)
        if tid is not None:
            entry['obj'] = tid
        self.objects.append(entry)
        self.todo.append((x, entry))
        return {'r': key}

    def _key(self, x, t):
        global _next_key
        tid = _trace_id(x)
        if tid is not None:
            return f'o{tid}'
        known = _weak.get(id(x))
        if known is not None and known[1]() is x:
            return known[0]
        known = _strong_prev.get(id(x))
        if known is not None and known[1] is t:
            key = known[0]
        else:
            key = f'k{_next_key}'
            _next_key += 1
        try:
            _weak[id(x)] = (key, weakref.ref(x))
        except TypeError:
            self.strong_seen[id(x)] = (key, t)
        return key

    def items(self, entry, seq, n):
        """First HEAD and last TAIL items of a sequence read by index, with the gap between."""
        entry['len'] = n
        if n <= HEAD + TAIL:
            entry['items'] = [self.value(seq(i)) for i in range(n)]
        else:
            entry['items'] = [self.value(seq(i)) for i in range(HEAD)] + [self.value(seq(i)) for i in range(n - TAIL, n)]
            entry['gap'] = [HEAD, n - HEAD - TAIL]

    def expand(self, x, entry):
        t = type(x)
        if issubclass(t, list):
            self.items(entry, lambda i: list.__getitem__(x, i), list.__len__(x))
            entry['shape'] = 'list'
        elif issubclass(t, tuple):
            self.items(entry, lambda i: tuple.__getitem__(x, i), tuple.__len__(x))
            entry['shape'] = 'tuple'
        elif issubclass(t, RealDeque):
            self.items(entry, lambda i: RealDeque.__getitem__(x, i), RealDeque.__len__(x))
            entry['shape'] = 'deque'
            entry['maxlen'] = RealDeque.maxlen.__get__(x)
        elif issubclass(t, dict):
            n = dict.__len__(x)
            entry['shape'] = 'dict'
            entry['len'] = n
            pairs = dict.items(x)
            if n > HEAD + TAIL:
                head = [p for _, p in zip(range(HEAD), pairs)]
                tail = [p for _, p in zip(range(TAIL), reversed(pairs))][::-1]
                pairs = head + tail
                entry['gap'] = [HEAD, n - HEAD - TAIL]
            entry['entries'] = [[self.value(k), self.value(v)] for k, v in pairs]
        elif issubclass(t, (set, frozenset)):
            base = set if issubclass(t, set) else frozenset
            n = base.__len__(x)
            members = [m for _, m in zip(range(HEAD + TAIL), base.__iter__(x))]
            entry['shape'] = 'set'
            entry['len'] = n
            entry['items'] = [self.value(m) for m in members]
            if n > len(members):
                entry['gap'] = [len(members), n - len(members)]
        elif t in _GENERATORS:
            entry['shape'] = 'generator'
            entry['name'] = t.__dict__['__qualname__'].__get__(x)
            entry['state'] = _state_of(x)
            self.generators.append((x, entry))
        elif t in _FUNCTIONS:
            entry['shape'] = 'function'
            entry['name'] = _text(getattr(x, '__qualname__', '?'))
        elif issubclass(t, type):
            entry['shape'] = 'class'
            entry['name'] = _text(_type_name(x))
        elif t is types.ModuleType:
            entry['shape'] = 'module'
            entry['name'] = _text(types.ModuleType.__dict__['__dict__'].__get__(x).get('__name__', '?'))
        else:
            self.instance(x, t, entry)

    def instance(self, x, t, entry):
        """An object of some other type: its attributes if its class is the program's, else its type alone."""
        entry['shape'] = 'instance'
        attrs = []
        if t.__flags__ & _HEAPTYPE and t.__module__ == '__main__':
            attrs += [{'name': k, 'value': self.value(v)} for k, v in islice(attributes(x, t), HEAD * 2)]
        elif not t.__flags__ & _HEAPTYPE:
            entry['repr'] = _text(_builtin_repr(x))
        entry['attrs'] = attrs

    def run(self):
        while self.todo:
            x, entry = self.todo.pop(0)
            self.expand(x, entry)


def _builtin_repr(x):
    """The repr of an object of a built-in (C) type that is not a container walked here (a range, an
    iterator of a list): its slot is C code; one that fails or recurses is described instead."""
    try:
        r = type(x).__repr__(x)
    except Exception:  # noqa: BLE001 - nothing of the program's may be raised out of a snapshot
        r = None
    # an address means nothing to a student, and differs from run to run
    return r if type(r) is str and ' at 0x' not in r else f'<{_type_name(type(x))} object>'


def _user_frames(top):
    """The program's frames on the stack, outermost first."""
    frames = []
    f = top
    while f is not None:
        if _is_program(f.f_code):
            frames.append(f)
        f = f.f_back
    frames.reverse()
    return frames


def _imported(value):
    """A module, or a class or function the program imported rather than defined: left out of the
    module's variables, where they would only crowd the program's own."""
    t = type(value)
    if t is types.ModuleType or t is types.BuiltinFunctionType:
        return True
    if issubclass(t, type):
        return type.__dict__['__module__'].__get__(value) != '__main__'
    return t is types.FunctionType and value.__module__ != '__main__'


def _variables(walk, pairs, module):
    out = []
    for name, value in pairs:
        if type(name) is not str or name[:1] == '.' or name in _MODULE_HIDDEN:
            continue
        if module and ((name[:2] == '__' and name[-2:] == '__') or _imported(value)):
            continue
        out.append({'name': name, 'value': walk.value(value)})
    return out


def _locals(walk, frame, module):
    try:
        names = frame.f_globals if module else frame.f_locals
        pairs = list(dict.items(names)) if type(names) is dict else list(names.items())
    except Exception:  # noqa: BLE001 - a frame being torn down may refuse
        return []
    return _variables(walk, pairs, module)


def _frame_entry(walk, frame, gen, state, depth):
    """A frame: the stack's (gen None for a plain function's), or a generator's, whatever its state."""
    if gen is not None:
        ref = walk.value(gen)
        kind = _GENERATORS[type(gen)]
        name = type(gen).__dict__['__qualname__'].__get__(gen)
        key = ref.get('r', f'f{depth}:{name}')
    else:
        kind = 'module' if frame.f_code.co_name == '<module>' else 'function'
        name = frame.f_code.co_qualname
        key = 'main' if kind == 'module' else f'f{depth}:{name}'
    entry = {'key': key, 'kind': kind, 'name': name, 'state': state, 'line': 0, 'locals': []}
    tid = _trace_id(gen) if gen is not None else None
    if tid is not None:
        entry['obj'] = tid
    if frame is not None and state != 'finished':
        entry['line'] = frame.f_lineno or 0
        entry['locals'] = _locals(walk, frame, kind == 'module')
    return entry


_main = [None]  # the program's module, which a snapshot after its end still shows


def remember_main():
    """Called as the program's module starts (its run's install hook): the module it runs in."""
    _main[0] = sys.modules.get('__main__')
    reset()


def _main_module():
    main = _main[0]
    return main if main is not None and HELPERS in types.ModuleType.__dict__['__dict__'].__get__(main) else None


def _module_frame_after_end(walk):
    """The program's globals once its module has finished (or raised): a module frame, finished."""
    main = _main_module()
    if main is None:
        return None
    names = types.ModuleType.__dict__['__dict__'].__get__(main)
    out = _variables(walk, list(dict.items(names)), True)
    return {'key': 'main', 'kind': 'module', 'name': '<module>', 'state': 'finished', 'line': 0, 'locals': out}


def _awaits():
    """Who awaits whom among the program's asyncio tasks, with each one's chain of coroutines (the
    program's frames only), as asyncio.capture_call_graph would give them. That function accepts
    only C futures, and the scheduler's loop runs asyncio's pure-Python tasks, for which asyncio
    keeps no awaited-by links: they are read from what each task waits on (`_fut_waiter`: a task,
    or gather's future of its children). asyncio.run's housekeeping tasks, which the scheduler does
    not record, are left out."""
    try:
        return _task_graph()
    except Exception:  # noqa: BLE001 - asyncio's internals may change; the frames and objects still go out
        return []


def _task_graph():
    asyncio = sys.modules.get('asyncio')
    loop = asyncio and asyncio.events._get_running_loop()
    if loop is None:
        return []
    tasks = [t for t in asyncio.tasks._py_all_tasks(loop) | asyncio.all_tasks(loop) if getattr(t, '_ys_id', None)]
    awaited_by = {}
    for task in tasks:
        waiter = getattr(task, '_fut_waiter', None)
        for awaited in getattr(waiter, '_children', None) or (waiter,):
            if getattr(awaited, '_ys_id', None):
                awaited_by.setdefault(id(awaited), []).append(task._ys_id)
    out = []
    for task in tasks:
        stack = []
        coro = task.get_coro()
        while type(coro) in _GENERATORS:
            frame = _frame_of(coro)
            if frame is not None and _is_program(frame.f_code):
                stack.append({'name': frame.f_code.co_qualname, 'line': frame.f_lineno or 0})
            coro = coro.cr_await if type(coro) is _CORO else coro.ag_await if type(coro) is _AGEN else coro.gi_yieldfrom
        out.append({
            'task': task._ys_id,
            'name': _text(task.get_name()),
            'awaitedBy': sorted(awaited_by.get(id(task), ())),
            'stack': stack,
        })
    out.sort(key=lambda t: t['task'])
    return out


def snapshot_json(kind, newest):
    """The snapshot after an event of `kind`, as JSON; for JavaScript (the recorder's waiter), so it
    never raises: a failure of the walk, or a stop striking in it, is reported as {"failed": …}.
    `newest`: the highest trace id of the run so far."""
    try:
        return json.dumps(snapshot(kind, newest, sys._getframe()))
    except BaseException as e:  # noqa: BLE001 - nothing may unwind into the JavaScript that called
        return json.dumps({'failed': f'{type(e).__name__}: {safe_str(e)}'})


def final_json(newest):
    """The program's globals once it has ended (or raised), as JSON, never raising."""
    return snapshot_json(None, newest)


def snapshot(kind, newest, top):
    """The frames and objects of the program as they are after an event of `kind`, the program's
    innermost frame being `top` or below it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _snapshot(kind, newest, top)
    finally:
        if enabled:
            gc.enable()


def _snapshot(kind, newest, top):
    global _strong_prev
    walk = _Walk()
    frames = _user_frames(top)
    leaving = _LEAVING.get(kind)
    left = None
    if leaving and frames and frames[-1].f_generator is not None:
        left = frames.pop()
    stack = []
    if not frames or frames[0].f_code.co_name != '<module>':
        # the module's body has ended (or raised), or the scheduler runs tasks after it: its globals stay
        after = _module_frame_after_end(walk)
        if after is not None:
            stack.append(after)
    on_stack = {id(f.f_generator) for f in frames if f.f_generator is not None}
    for depth, frame in enumerate(frames):
        stack.append(_frame_entry(walk, frame, frame.f_generator, 'running', depth))
    walk.run()
    # every generator the probe knows that can still run, also one only the scheduler holds; a
    # finished one only while the program refers to it (what else keeps it is the recorder's business)
    for g in _tracked_generators(newest):
        if id(g) not in on_stack and _state_of(g) != 'finished':
            walk.value(g)
    walk.run()
    suspended = []
    done = set()
    i = 0
    while i < len(walk.generators):
        gen, obj_entry = walk.generators[i]
        i += 1
        if id(gen) in on_stack or id(gen) in done:
            continue
        done.add(id(gen))
        frame = _frame_of(gen)
        state = _state_of(gen)
        if left is not None and frame is left:
            state = obj_entry['state'] = leaving
        entry = _frame_entry(walk, frame, gen, state, -1)
        entry['key'] = obj_entry['key']
        if state == 'finished':
            entry['line'] = 0
            entry['locals'] = []
        suspended.append(entry)
        walk.run()
    suspended.sort(key=lambda e: (e.get('obj') or 1 << 30, e['key']))
    _strong_prev = walk.strong_seen
    for key in [k for k, (_, ref) in _weak.items() if ref() is None]:
        del _weak[key]
    result = {
        'stack': stack,
        'suspended': suspended,
        'objects': walk.objects,
        'truncated': walk.truncated,
        'awaits': _awaits(),
    }
    walk.keep.clear()
    return result
