"""The Python recorder: the fallback of the compiled one (compiled.so, core/probe/compiled/), chosen
when that cannot load, with the same interface and the same events (recorder.py picks one).

The hot path: the event columns, string table, object ids, the clock, the pause gate, and the
sys.monitoring callbacks for the user's code objects.

Events go into plain lists (appending to a list is the cheapest call there is in Pyodide, where
most calls into C cost far more) and reach JS as compact arrays at each flush (core/run/decode.ts):
  E  int64 per event: kind | TIMED<<7 | line<<8 | obj<<32
  T  float64 seconds on the run's clock, one per event whose TIMED bit is set
  F  int32, exactly as many per event as its kind has fields (FIELD_COUNT), flat: the hot
     callbacks append one int or extend by a short tuple instead of building a padded tuple
Which generator is running is left to the decoder, which follows it from the order of events (every
gen.resume starts one, every gen.yield/return/raise and a gen.close from inside leaves it): the probe
records line events and a generator's leaving with obj RUNNING, and gen.resume without its `by`, so
the hottest callbacks keep no stack and mostly append small ints.

The clock: the run's clock is perf_counter from t0, with set-up and pauses left out (skip_clock).
Kinds in OWN_CLOCK (switches of control, output, the run's ends) read it at every event; the
others take the stamp of the event before them (the decoder carries it forward), except that every
TICK-th event and the first event after a flush, a pause or set-up read it too: an event never
carries a stamp from before a flush or pause that preceded it. Stamps never go backwards.
All module globals: the callbacks read them as fast global lookups.
"""

import sys
import time
import weakref
from array import array

from . import protocol as P
from .protocol import FIELD_COUNT, MAIN, NULL, OWN_CLOCK, RUNNING, RunLimit, RunStopped  # noqa: F401 - the interface
from .protocol import K_GEN_CLOSE, K_GEN_CREATE, K_GEN_RAISE, K_GEN_RESUME, K_GEN_RETURN, K_GEN_YIELD, K_ITER_STOP, K_LINE, K_SCHED_PICK
from .values import safe_str, srepr

TIMED = 128
TICK = 32  # events between two readings of the clock at most
FLUSH_EVERY = 0.05  # seconds between flushes at most, while events come
SWITCH_KINDS = frozenset((K_GEN_RESUME, K_SCHED_PICK))
NEVER = 1 << 62

TOOL = 4  # a sys.monitoring tool id nobody else in the interpreter uses
_M = sys.monitoring
_EV = _M.events
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200
_AWAITING = CO_COROUTINE | CO_ITERABLE_COROUTINE | CO_ASYNC_GENERATOR
_ACT_RESUME, _ACT_STEP_EVENT, _ACT_STEP_SWITCH, _ACT_STOP = (P.ACTION[a] for a in ('resume', 'stepEvent', 'stepSwitch', 'stop'))


# ---- run state (reset by start()) ----
E = []
T = []
F = []  # the fields of every event, flat
n = 0  # events recorded
nc = 1  # event count at which tick() runs next
t0 = 0.0
last_t = 0.0  # the last stamp: stamps never go below it
stale = True  # the next event reads the clock (after a flush, a pause or set-up)
last_flush = 0.0
max_events = 5_000_000
hold_target = NEVER  # the event count at which to hold (run to an event)
strs = {}
via_ids = {}  # how a generator was resumed -> its string index, this run
int_ids = {}  # an int -> the string index of its repr, this run
SHORT_INT = 10**15  # ints with a repr this short (far below the int-to-str digit limit) go in int_ids
new_strs = []
string_base = 0
flushed = 0
sink = None  # JS function receiving each flush
waiter = None  # JS function told the event count it holds at; blocks until the host's next action, returns it
gate = 0  # 0 open, 1 stop at every event, 2 stop at the next switch
limit_hit = None  # the limit that ended the run, as (kind, value)
held = None  # what ended the run while JS recorded an event, raised again at the next event
held_at = -1  # the event count at the last pause: a step goes on from there, never holds there again
pause_pending = False  # the host asked to pause while an event was being recorded: hold at the next

next_obj = 1
ids = {}  # id(obj) -> object id, entries removed when the object dies
_refs = {}  # id(obj) -> weakref (or the object itself when it takes no weakref)
exhausted = set()  # object ids of iterators that raised StopIteration
frames = {}  # a generator's frame -> its object id (reading frame.f_generator is slow)
_frame_keys = {}  # id(generator) -> its frame, to forget the frame when the generator dies
_dead_frames = []
_lines = {}  # code -> line of each instruction

pending_via = None
pending_value = NULL
#: the value the last resumed generator received: a generator it delegates to at once (yield from,
#: await: no line runs between) receives it too
passed = NULL
_DELEGATING = frozenset(('yield from', 'await'))
closed_during = None  # object id of a generator whose gen.close was just recorded

user_codes = set()
gen_codes = set()
_code_bytes = {}

clock = time.perf_counter
_getframe = sys._getframe
_GLOBALS = globals()

import dis as _dis

_OP_FOR_ITER = _dis.opmap['FOR_ITER']
_OP_SEND = _dis.opmap['SEND']
del _dis


def start(send_batch, wait_for_host, limit):
    """Resets the recorder for a new run."""
    global E, T, F, n, nc, t0, last_t, stale, last_flush, max_events, hold_target, strs, via_ids, int_ids, new_strs
    global string_base, flushed, sink, waiter, gate, limit_hit, held, held_at, pause_pending, next_obj, ids, _refs, exhausted, frames
    global pending_via, pending_value, passed, closed_during
    E, T, F = [], [], []
    n = 0
    max_events = limit
    hold_target = NEVER
    nc = min(TICK, max_events)
    t0 = clock()
    last_t = 0.0
    stale = True
    last_flush = t0
    strs = {}
    via_ids = {}
    int_ids = {}
    new_strs = []
    string_base = 0
    flushed = 0
    sink = send_batch
    waiter = wait_for_host
    gate = 0
    limit_hit = None
    held = None
    held_at = -1
    pause_pending = False
    next_obj = 1
    ids = {}
    _refs = {}
    exhausted = set()
    frames = {}
    _frame_keys.clear()
    _dead_frames.clear()
    pending_via = None
    pending_value = NULL
    passed = NULL
    closed_during = None


def end_run():
    """Lets run.end be recorded after whatever ended the run: past the event limit, with no pause."""
    global nc, gate, hold_target, max_events
    max_events = NEVER
    hold_target = NEVER
    gate = 0
    nc = NEVER
    _drop_partial_event()


def _drop_partial_event():
    """A stop strikes where Python checks for one: after a call. One that struck between the calls
    that record an event's parts left the event without its time or fields: it is dropped."""
    times = fields = 0
    for word in E:
        times += word >> 7 & 1
        fields += FIELD_COUNT[word & 127]
    if times == len(T) and fields == len(F):
        return
    last = E.pop()
    del T[times - (last >> 7 & 1) :]
    del F[fields - FIELD_COUNT[last & 127] :]


def recorded():
    """How many events this run has recorded."""
    return n


def s(text):
    """The string-table index of text (None stays null)."""
    if text is None:
        return NULL
    i = strs.get(text)
    if i is None:
        i = strs[text] = len(strs)
        new_strs.append(text)
    return i


def limit(kind, value):
    """The exception that ends the run at one of its limits (protocol.RunLimit), kept for the host."""
    global limit_hit
    limit_hit = (kind, value)
    return RunLimit(kind, value)


def limit_reached():
    """The limit that ended the run, as (kind, value), or None."""
    return limit_hit


def _hold(exc):
    global held, nc
    held = exc
    nc = n  # the next event ticks, and tick raises it


def raise_held():
    """Raises what ended the run while JS was recording an event (a stop, the event limit)."""
    global held
    if held is not None:
        exc, held = held, None
        raise exc


def s_from_js(text):
    """s() for JS: a Python exception must never unwind into JS that called Python (it has crashed
    V8 in optimized code), so what s() raises is held for the next event and text stays null."""
    try:
        return s(text)
    except BaseException as exc:  # noqa: BLE001 - held, raised again by the next event
        _hold(exc)
        return NULL


def emit_from_js(kind, obj, line, a=NULL, b=NULL, c=NULL, d=NULL, e=NULL):
    """emit() for JS (RunContext.emit): never raises, as s_from_js; records nothing once the run
    is ending."""
    if held is not None:
        return
    try:
        emit(kind, obj, line, a, b, c, d, e)
    except BaseException as exc:  # noqa: BLE001 - held, raised again by the next event
        _hold(exc)


def new_id():
    global next_obj
    i = next_obj
    next_obj += 1
    return i


def _forget(key):
    def gone(_ref):
        ids.pop(key, None)
        _refs.pop(key, None)
        frame = _frame_keys.pop(key, None)
        if frame is not None:
            # weakref callbacks run before a dying generator is closed: keep its frame known
            # until that close has been recorded (the next tick)
            _dead_frames.append(frame)

    return gone


def oid(obj):
    """The run's small id for obj, assigned on first sight (an identity map that forgets dead objects)."""
    key = id(obj)
    i = ids.get(key)
    if i is None:
        i = ids[key] = new_id()
        try:
            _refs[key] = weakref.ref(obj, _forget(key))
        except TypeError:
            _refs[key] = obj  # no weakref support: keep it alive so its id is never reused
    return i


def known(obj):
    return ids.get(id(obj))


def _now():
    """The run's clock, for a stamp: never below the last stamp."""
    global last_t, stale
    t = clock() - t0
    if t < last_t:
        t = last_t
    last_t = t
    stale = False
    return t


def emit(kind, obj, line, a=NULL, b=NULL, c=NULL, d=NULL, e=NULL):
    """Appends one event; field values are already ints (use s() for strings)."""
    global n
    n += 1
    if kind in OWN_CLOCK or stale:
        t = _now()
        E.append(kind | TIMED | line << 8 | obj << 32)
        T.append(t)
    else:
        E.append(kind | line << 8 | obj << 32)
    count = FIELD_COUNT[kind]
    if count:
        F.extend((a, b, c, d, e)[:count])
    if n >= nc:
        tick(kind)


def emit_value(kind, obj, line, value):
    """emit() for the commonest events, those with one field, a value (iter.next, never own-clock)."""
    global n
    vi = int_ids.get(value) if value.__class__ is int else None
    if vi is None:
        vi = sv(value)
    n += 1
    if stale:
        t = _now()
        E.append(kind | TIMED | line << 8 | obj << 32)
        T.append(t)
    else:
        E.append(kind | line << 8 | obj << 32)
    F.append(vi)
    if n >= nc:
        tick(kind)


def tick(kind):
    """Runs every TICK events, and at every event while the gate is closed: stamps the event just
    recorded if it has no stamp, enforces the event limit, flushes, and holds where the gate says."""
    global nc, hold_target, pause_pending
    raise_held()
    if not E or E[-1] & TIMED:
        now = last_t
    else:
        E[-1] |= TIMED
        now = _now()
        T.append(now)
    if _dead_frames:
        for frame in _dead_frames:
            frames.pop(frame, None)
        _dead_frames.clear()
    if n >= max_events:
        nc = n + 1
        raise limit('events', max_events)
    if now + t0 - last_flush >= FLUSH_EVERY:
        flush()
    # a pause that struck inside this tick's flush holds here (it waited for the event to be whole)
    if pause_pending or (held_at != n and (n >= hold_target or gate == 1 or (gate == 2 and kind in SWITCH_KINDS))):
        pause_pending = False
        if n >= hold_target:
            hold_target = NEVER
        hold()
    _next_tick()


def hold_at(count):
    """Holds the run (as a pause does) when it has recorded `count` events: to run to an event."""
    global hold_target
    hold_target = count
    _next_tick()


def skip_clock(since):
    """Leaves the time from `since` (a clock() reading) until now out of the run's clock, so the
    wall-clock timeline shows the program's own time: a pause, or the run's set-up (rewriting,
    compiling and instrumenting the program), would otherwise show as whatever ran last running all
    along. The next event reads the clock."""
    global t0, stale
    t0 += clock() - since
    stale = True


def _next_tick():
    global nc
    # No call in here: a pause signal is handled at a call, and one handled inside this line would
    # set nc for a step (hold, _next_tick) before the line's own assignment undid it: the step then
    # went on to the next regular tick, up to TICK events on.
    limit = max_events if max_events < hold_target else hold_target
    nc = n + 1 if gate else (n + TICK if n + TICK < limit else limit)


_flushing = False


def flush():
    """Sends everything recorded since the last flush to JS. Events recorded meanwhile (a generator
    finalized by the garbage collector, a signal handler) go to fresh buffers and the next flush;
    if a KeyboardInterrupt strikes before the batch is sent, its events go back to be sent later.
    One that strikes just after it was handed over makes it look unsent too: the worker drops what
    it already delivered from the re-send (core/run/decode.ts, undelivered). The next event reads
    the clock: the flush's time is the program's, and no event after it may carry a stamp from before."""
    global E, T, F, new_strs, string_base, flushed, last_flush, stale, _flushing
    last_flush = clock()
    stale = True
    if _flushing or (not E and not new_strs):
        return
    n_events, n_strings = len(E), len(new_strs)
    # From here to the end of `finally`, nothing may call a function but sink(): a KeyboardInterrupt
    # is raised only at calls (and loops), and one between the two counters' updates made the next
    # flush restate this one's start, so the worker dropped its events as a re-send. One raised at
    # sink()'s line sends the buffers back.
    _flushing = True
    events, times, fields, strings = E, T, F, new_strs
    E, T, F, new_strs = [], [], [], []
    sent = False
    try:
        sink(flushed, n_events, array('q', events), array('d', times), array('i', fields), string_base, strings)
        sent = True
    finally:
        if sent:
            flushed = flushed + n_events
            string_base = string_base + n_strings
        else:
            E[:0] = events
            T[:0] = times
            F[:0] = fields
            new_strs[:0] = strings
        _flushing = False


def hold():
    """Blocks (in JS, Atomics.wait) until the host resumes, steps or stops the run; the time spent
    paused is left out of the run's clock. The host's waiter is told how many events the run has
    recorded, and hears of a hold only once every event before it is sent: one asked for while a
    batch is being handed over (a pause signal at sink's call) holds at the next tick instead, which
    the flushing tick runs as soon as it is done."""
    global gate, nc, held_at, pause_pending
    if _flushing:
        gate = 1
        nc = n + 1
        return
    held_at = n
    flush()
    paused_at = clock()
    action = waiter(n)
    # a pause whose signal struck while this hold was on its way is met by it
    pause_pending = False
    skip_clock(paused_at)
    if action == _ACT_STOP:
        gate = 0
        raise RunStopped('stopped')
    gate = 1 if action == _ACT_STEP_EVENT else 2 if action == _ACT_STEP_SWITCH else 0
    _next_tick()


def on_pause_signal(_signum, frame):
    """The host asked to pause: wait right here, even in a loop that records nothing; but not in the
    middle of recording an event (a flush then would send its parts apart): there, at the next event."""
    global pause_pending, nc
    if frame is not None and frame.f_globals is _GLOBALS:
        pause_pending = True
        nc = n
        return
    hold()


def resume_via(via, value=NULL):
    """The next gen.resume is `via` (send, scheduler), with `value` (a string index) sent."""
    global pending_via, pending_value
    pending_via = via
    pending_value = value


def stopped(obj, line):
    """Records iter.stop for iterator obj, marking it `again` when it had already run dry."""
    global pending_via
    pending_via = None
    again = obj in exhausted
    exhausted.add(obj)
    emit(K_ITER_STOP, obj, line, 1 if again else 0)


def closing():
    """Before a close() of a generator: forgets which generator recorded its own gen.close."""
    global closed_during
    closed_during = None


def closed_itself():
    """After close(): the id of the generator whose gen.close was recorded from inside it, or None."""
    return closed_during


def program_line(frame):
    """The line the innermost frame of the program's own code is at, from frame outwards (0 if none)."""
    while frame is not None:
        if frame.f_code in user_codes:
            return frame.f_lineno
        frame = frame.f_back
    return 0


def is_program_code(code):
    return code in user_codes


# ---- monitoring callbacks ----


def _via(gen_code, caller):
    """How a generator of gen_code was resumed, read from the instruction its caller is executing."""
    code = caller.f_code if caller is not None else None
    if code in user_codes:
        op = _code_bytes.get(code)
        if op is None:
            op = _code_bytes[code] = code.co_code
        op = op[caller.f_lasti]
        if op == _OP_SEND:
            return 'await' if code.co_flags & _AWAITING else 'yield from'
        if op == _OP_FOR_ITER:
            return 'for'
    return 'send' if gen_code.co_flags & _AWAITING else 'next'


def _line_of(code, offset):
    """The source line of an instruction, from a table built once per code object (f_lineno is slow)."""
    table = _lines.get(code)
    if table is None:
        table = _lines[code] = [0] * (len(code.co_code) // 2 + 1)
        for start, end, line in code.co_lines():
            for i in range(start // 2, end // 2):
                table[i] = line or 0
    return table[offset >> 1]


def _push(frame, offset, via, value):
    global pending_via, pending_value, passed
    code = frame.f_code
    o = frames.get(frame)
    if o is None:
        gen = frame.f_generator
        if gen is None:
            return
        o = register_gen(gen, _line_of(code, offset))
    if via is None:
        via = pending_via
        if via is None:
            via = _via(code, frame.f_back)
            if via in _DELEGATING:
                value = passed
        else:
            pending_via = None
            if value == NULL:
                value = pending_value
            pending_value = NULL
    passed = value
    emit(K_GEN_RESUME, o, _line_of(code, offset), s(via), value)


def on_resume(code, offset):
    """PY_START / PY_RESUME of a generator or coroutine: the hottest callback, so it appends the
    event itself."""
    global pending_via, pending_value, passed, n
    frame = _getframe(1)
    o = frames.get(frame)
    if o is None:
        _push(frame, offset, None, NULL)
        return
    via = pending_via
    if via is None:
        via = _via(code, frame.f_back)
        value = passed if via in _DELEGATING else NULL
    else:
        value = pending_value
        pending_via = None
        pending_value = NULL
    vi = via_ids.get(via)
    if vi is None:
        vi = via_ids[via] = s(via)
    try:
        line = _lines[code][offset >> 1]
    except KeyError:
        line = _line_of(code, offset)
    passed = value
    t = _now()
    n += 1
    E.append(K_GEN_RESUME | TIMED | line << 8 | o << 32)
    T.append(t)
    F.extend((vi, value))
    if n >= nc:
        tick(K_GEN_RESUME)


def on_throw(code, offset, exc):
    global pending_via
    if code in gen_codes:
        pending_via = None
        _push(_getframe(1), offset, 'close' if type(exc) is GeneratorExit else 'throw', s(srepr(exc)))


def sv(value):
    """The string index of value's safe repr; an int's (the commonest value) is looked up first."""
    if value.__class__ is int and -SHORT_INT < value < SHORT_INT:
        i = int_ids.get(value)
        if i is None:
            i = int_ids[value] = s(repr(value))
        return i
    return s(srepr(value))


def on_yield(code, offset, value):
    """PY_YIELD: as hot as on_resume, and as lean."""
    global n
    try:
        line = _lines[code][offset >> 1]
    except KeyError:
        line = _line_of(code, offset)
    vi = int_ids.get(value) if value.__class__ is int else None
    if vi is None:
        vi = sv(value)
    t = _now()
    n += 1
    E.append(K_GEN_YIELD | TIMED | line << 8)
    T.append(t)
    F.append(vi)
    if n >= nc:
        tick(K_GEN_YIELD)


def on_return(code, offset, value):
    emit(K_GEN_RETURN, RUNNING, _line_of(code, offset), s(srepr(value)))


def on_unwind(code, offset, exc):
    global closed_during
    if code not in gen_codes:
        return
    frame = _getframe(1)
    if frame.f_generator is None:
        return
    line = frame.f_lineno or 0  # rare, and the unwinding offset may have no line of its own
    if type(exc) is GeneratorExit:
        closed_during = frames.get(frame)
        emit(K_GEN_CLOSE, RUNNING, line)
    else:
        emit(K_GEN_RAISE, RUNNING, line, s(type(exc).__name__), s(safe_str(exc)))


def on_line(code, line):
    global n, passed
    passed = NULL
    n += 1
    if stale:
        t = _now()
        E.append(line << 8 | K_LINE | TIMED)
        T.append(t)
    else:
        E.append(line << 8 | K_LINE)
    if n >= nc:
        tick(K_LINE)


_GEN_KIND = {'generator': 'generator', 'coroutine': 'coroutine', 'async_generator': 'async generator'}


def _frame_of(gen):
    return getattr(gen, 'gi_frame', None) or getattr(gen, 'cr_frame', None) or getattr(gen, 'ag_frame', None)


def register_gen(gen, line):
    """Gives a generator/coroutine its id and records gen.create; its frame maps back to the id."""
    o = oid(gen)
    frame = _frame_of(gen)
    if frame is not None:
        frames[frame] = o
        _frame_keys[id(gen)] = frame
    emit(K_GEN_CREATE, o, line, s(gen.__qualname__), s(_GEN_KIND.get(type(gen).__name__, 'generator')))
    return o


_GEN_EVENTS = _EV.PY_START | _EV.PY_RESUME | _EV.PY_YIELD | _EV.PY_RETURN | _EV.LINE


def watch(code):
    """Records line events of code and every code object nested in it, and generator events of
    those that are generators or coroutines (the program's code, a scheduler thread's rewrite).
    Does nothing while the recorder is off."""
    if _M.get_tool(TOOL) is None:
        return
    todo = [code]
    while todo:
        c = todo.pop()
        user_codes.add(c)
        if c.co_flags & (0x20 | _AWAITING):  # CO_GENERATOR or a coroutine kind
            gen_codes.add(c)
            _M.set_local_events(TOOL, c, _GEN_EVENTS)
        else:
            _M.set_local_events(TOOL, c, _EV.LINE)
        todo.extend(k for k in c.co_consts if type(k) is type(code))


def instrument(module_code):
    """Turns on events for module_code and every code object nested in it, and nothing else."""
    user_codes.clear()
    gen_codes.clear()
    _M.use_tool_id(TOOL, 'yieldscope')
    _M.register_callback(TOOL, _EV.LINE, on_line)
    _M.register_callback(TOOL, _EV.PY_START, on_resume)
    _M.register_callback(TOOL, _EV.PY_RESUME, on_resume)
    _M.register_callback(TOOL, _EV.PY_YIELD, on_yield)
    _M.register_callback(TOOL, _EV.PY_RETURN, on_return)
    _M.register_callback(TOOL, _EV.PY_THROW, on_throw)
    _M.register_callback(TOOL, _EV.PY_UNWIND, on_unwind)
    watch(module_code)
    _M.set_events(TOOL, _EV.PY_THROW | _EV.PY_UNWIND)


def uninstrument():
    if _M.get_tool(TOOL) is None:
        return
    _M.set_events(TOOL, 0)
    for c in user_codes:
        _M.set_local_events(TOOL, c, 0)
    _M.free_tool_id(TOOL)
    user_codes.clear()
    gen_codes.clear()
    _code_bytes.clear()
    _lines.clear()
