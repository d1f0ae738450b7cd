"""Yieldscope's scheduler, for your program: hand it tasks and watch it pass control between them.

    from yieldscope import spawn, run, join, sleep, work, now, switch, Queue, Event

spawn(task, *args, name=None, priority=0, process=False) -> Task
    task is a generator (or a generator function, called with args), a coroutine (or an `async def`
    function), an async generator, or a plain function (see "Simulated threads" below; with
    process=True, "Simulated processes"). The task waits in the scheduler's ready queue until the
    scheduler picks it. The returned Task tells `.done()`, `.result()` and `.exception()` once it
    has finished.

Inside a generator task                     Inside a coroutine task (async def)
    yield                 give up control       await switch()
    yield sleep(2)        sleep 2 s             await sleep(2)
    yield work(2)         compute for 2 s       await work(2)
    x = yield from q.get()                      x = await q.get()
    yield from q.put(x)                         await q.put(x)
    yield from ev.wait()                        await ev.wait()
    r = yield from join(t)                      r = await join(t)

Anything else a generator yields (`yield 42`) also just gives up control. `q.get()`, `q.put(x)`,
`ev.wait()` and `join(t)` do nothing unless a task waits on them with `yield from` or `await`;
outside any task, fill a queue with `q.put_nowait(x)`.

timeit(stmt, setup='pass', number=1000, repeat=5, globals=None) -> seconds one run of stmt takes,
    measured unrecorded and with Python's own deque (see its docstring): time with it, not with a
    loop of your program's, whose every line the recorder watches.

run(cores=None) runs the tasks until none is left (cores: how many simulated processes compute at
once, 4 unless you say). If your program never calls run(), the tasks run after its last line.

Virtual time: time passes only when no task is ready; the clock then jumps to the earliest
sleeper's wake-up, so `sleep(10)` takes no real time and every run is reproducible. now() reads it.
Sleeping is waiting (for I/O, say): sleepers do not hold the GIL, so they all wait at once.
work(s) is computing for s seconds: it holds the GIL, so the threads, generators and coroutines of
a program compute one at a time, as in CPython. Outside any task (the main program, asyncio code)
work(s) blocks everything for s seconds.

Simulated threads: a plain function given to spawn runs as a "thread". The scheduler may switch
away from it after every N of its lines (--switch-interval, default 5), at any line, the way an
operating system preempts a thread: two threads doing `x = counter` then `counter = x + 1` can
both read the same value and lose an update. Generators and coroutines switch only where they
say so (`yield`, `await`), which is why the same logic written cooperatively never loses one.
Only the lines of the function itself count and can be interrupted: a call into another function
runs whole, without a switch, like C code holding CPython's GIL. The function must be defined in
your program, not nested in another function (its lines are rewritten so they can be paused).
In a thread, sleep(s) and work(s) are plain calls that block it, as time.sleep and computing
block a real thread; it cannot wait on a queue, an event or a task (get, put, wait, join do nothing
in it); it can put_nowait into a Queue and set() an Event, and it ends when the function returns.

Simulated processes: spawn(fn, *args, process=True) runs a plain function as a process. Its
work(s) runs on a core of its own, in parallel with other processes up to run()'s `cores`, instead
of taking turns on the GIL: that is why CPU-bound work goes to processes. It is written and switched
like a thread, and it shares your program's variables, which a real process would not (it would
get a copy).

When no task can run, none sleeps and some still wait (each for something only another waiting
task could do), the run stops with a deadlock that names every waiting task and what it waits on.
A task that raises ends; the others go on. A failed task nobody joined is reported at the end.
"""

import ast
import inspect
import sys
import traceback
import types
from collections import deque

import _yieldscope_loop
from _collections import deque as _real_deque

#: the loop's functions (core/scheduler/python-api.ts), each looked up once: an attribute lookup
#: on the JavaScript module costs tens of microseconds, a Python one almost nothing
_loop = types.SimpleNamespace(**{name: getattr(_yieldscope_loop, name) for name in dir(_yieldscope_loop)})

__all__ = [
    'spawn', 'run', 'join', 'sleep', 'work', 'now', 'timeit', 'switch', 'Queue', 'QueueFull', 'Event', 'Task',
    'Deadlock',
]


#: the recorder's helpers, reached as the program's rewritten code reaches them (`__ys__`), and its
#: event module: the scheduler records through it, marks its resumes as via "scheduler" and gives
#: tasks' generators their ids (None when running without the recorder)
_helpers = getattr(sys.modules.get('__main__'), '__ys__', None)
_probe = getattr(_helpers, 'R', None)


def _nothing():
    yield


#: the code of the wrapper the recorder puts around the program's generator functions (it records
#: gen.create at its caller's line, which for a spawned task would be this module's)
_RECORDING_WRAPPER = _helpers.gen(_nothing).__code__ if _helpers is not None else None


def _maker(task):
    """task, without the recorder's wrapper: spawn records the generator's creation at its own line."""
    fn = getattr(task, '__func__', task)
    if getattr(fn, '__code__', None) is not _RECORDING_WRAPPER:
        return task
    return fn.__wrapped__.__get__(task.__self__) if inspect.ismethod(task) else fn.__wrapped__


class Deadlock(BaseException):
    """No task can run and some still wait. A BaseException so `except Exception` cannot hide it."""


# ---- what tasks yield to the scheduler ----


class _Timed:
    """A task's sleep(s) or work(s), `what` naming which (and the loop's function that does it)."""

    __slots__ = ('what', 'seconds')

    def __init__(self, what, seconds):
        self.what = what
        self.seconds = seconds

    def __await__(self):
        yield self

    __iter__ = __await__

    def __repr__(self):
        return f'{self.what}({self.seconds})'


class _Switch:
    __slots__ = ()

    def __await__(self):
        yield self

    __iter__ = __await__

    def __repr__(self):
        return 'switch()'


class _Park:
    """The running task waits until a task wakes `key` (a queue getting an item, an event set…).

    `what` names the queue, event or task waited on, `amount` a full queue's maxsize: the
    scheduler's reason as data, which the views say in the user's language."""

    __slots__ = ('on', 'key', 'what', 'amount')

    def __init__(self, on, key, what, amount=None):
        self.on = on
        self.key = key
        self.what = what
        self.amount = amount

    def __repr__(self):
        return f'wait({self.on}: {self.what!r})'


_SWITCH = _Switch()


def _seconds(what, seconds):
    if not isinstance(seconds, (int, float)) or isinstance(seconds, bool):
        raise TypeError(f'{what}() takes a number of seconds, not {type(seconds).__name__}')
    if seconds < 0:
        raise ValueError(f'{what}() takes a number of seconds, 0 or more, not {seconds}')
    return float(seconds)


def _blocking():
    """True inside a thread or a process: there sleep() and work() block, as plain calls."""
    return _running is not None and _running._blocks


def _block(what, seconds):
    """Blocks the running thread: it gives up control before its next line, which is only possible
    on a line of the thread's own function (a function it calls runs whole)."""
    global _budget
    caller = sys._getframe(2).f_code
    if caller not in _thread_codes:
        raise RuntimeError(
            f'{what}() blocks a thread or a process only when its own function calls it; here '
            f'{caller.co_name}() calls it, and a function a thread calls runs whole: call {what}() in '
            f"the function you gave to spawn() (task {_running.name!r})"
        )
    getattr(_loop, what)(seconds, _program_line())
    _budget = 0


def sleep(seconds):
    """Sleep on the virtual clock: `yield sleep(s)` in a generator, `await sleep(s)` in a coroutine,
    `sleep(s)` in a thread or a process."""
    seconds = _seconds('sleep', seconds)
    if _blocking():
        return _block('sleep', seconds)
    return _Timed('sleep', seconds)


def work(seconds):
    """Compute for `seconds` of virtual time: `yield work(s)` in a generator, `await work(s)` in a
    coroutine, `work(s)` in a thread or a process, and anywhere else (the main program, asyncio
    code) a plain `work(s)` that blocks everything meanwhile."""
    seconds = _seconds('work', seconds)
    if _blocking():
        return _block('work', seconds)
    if _running is not None:
        return _Timed('work', seconds)
    _loop.advance(_loop.now() + seconds)
    return None


def now():
    """The virtual clock, in seconds since the run began."""
    return float(_loop.now())


def timeit(stmt, setup='pass', number=1000, repeat=5, globals=None):
    """Seconds one run of `stmt` takes, measured unrecorded: the best of `repeat` timings of
    `number` runs, as timeit.repeat takes them. Nothing timeit runs is recorded (it is not your
    program's own code), and the deques it makes are Python's own: the recorder watches your
    program's deques through a stand-in for collections.deque whose every operation also writes an
    event (about twice its cost with the compiled recorder, far more with the Python one), which
    would time the recorder along with the deque."""
    import collections
    import timeit as timing

    watched = collections.deque
    collections.deque = _real_deque
    try:
        return min(timing.repeat(stmt, setup, number=number, repeat=repeat, globals=globals)) / number
    finally:
        collections.deque = watched


def switch():
    """Give up control: `await switch()` in a coroutine (a bare `yield` does it in a generator)."""
    return _SWITCH


# ---- tasks ----

_keys = 0


def _new_key(kind):
    global _keys
    _keys += 1
    return f'{kind}#{_keys}'


class Task:
    """A handle on a spawned task."""

    __slots__ = ('name', 'id', '_body', '_blocks', '_done', '_result', '_exc', '_seen', '_join_key')

    def __init__(self, body, blocks):
        self.name = None
        self.id = 0
        self._body = body
        #: a thread or a process: sleep() and work() block it
        self._blocks = blocks
        self._done = False
        self._result = None
        self._exc = None
        self._seen = False
        self._join_key = _new_key('join')

    def done(self):
        return self._done

    def _check_done(self):
        if not self._done:
            raise RuntimeError(
                f'task {self.name!r} has not finished yet: call run(), or wait for it with join() inside a task'
            )
        self._seen = True

    def result(self):
        """The task's return value; re-raises its exception if it failed."""
        self._check_done()
        if self._exc is not None:
            raise self._exc
        return self._result

    def exception(self):
        """The exception the task failed with, or None."""
        self._check_done()
        return self._exc

    def _finish(self, result, exc):
        self._done = True
        self._result = result
        self._exc = exc
        self._body = None
        if exc is not None:
            _failed.append(self)
        _loop.finish(None if exc is not None else _srepr(result), None if exc is None else _exc_text(exc))
        _loop.wake_all(self._join_key, 'finished', self.name)

    def __repr__(self):
        state = 'running' if not self._done else 'failed' if self._exc is not None else 'done'
        return f'<Task {self.name!r} {state}>'


_failed = []


_MADE_BY_CALLING = inspect.CO_GENERATOR | inspect.CO_COROUTINE | inspect.CO_ASYNC_GENERATOR


def _function_of(task):
    """The plain function behind task (through decorators and bound methods), or None."""
    fn = inspect.unwrap(getattr(task, '__func__', task)) if callable(task) else None
    return fn if inspect.isfunction(fn) else None


async def _run_async_generator(agen):
    """An async generator as a task: each value it yields gives up control once."""
    async for _ in agen:
        await _SWITCH


def _body_of(task, fn, args, process):
    """What the scheduler resumes for `task`, what it wraps, and the object it runs."""
    target = task
    if process:
        if fn is None or fn.__code__.co_flags & _MADE_BY_CALLING:
            raise TypeError('spawn(..., process=True) takes a plain function (def, without yield or async)')
        bound = (task.__self__,) if inspect.ismethod(task) else ()
        return _threadify(fn)(*bound, *args), 'process', None
    if fn is not None:
        if fn.__code__.co_flags & _MADE_BY_CALLING:
            target = _maker(task)(*args)
        else:
            bound = (task.__self__,) if inspect.ismethod(task) else ()
            return _threadify(fn)(*bound, *args), 'thread', None
    elif args:
        raise TypeError('spawn(): arguments are only for a function; this task is already made')
    if inspect.isgenerator(target):
        return target, 'generator', target
    if inspect.iscoroutine(target):
        return target, 'coroutine', target
    if inspect.isasyncgen(target):
        return _run_async_generator(target), 'async generator', target
    raise TypeError(
        f'spawn() takes a generator, a coroutine, an async generator or a function, not {type(task).__name__}'
    )


def spawn(task, *args, name=None, priority=0, process=False):
    """Hands a task to the scheduler; returns its Task handle."""
    fn = _function_of(task)
    body, wraps, target = _body_of(task, fn, args, process)
    handle = Task(body, wraps in ('thread', 'process'))
    wanted = name if name is not None else getattr(fn or target, '__name__', None) or body.__name__
    line = _program_line()
    target_id = _object_id(target if target is not None else body, line)
    handle.id = _loop.spawn(handle, str(wanted), wraps, int(priority), target_id, line)
    handle.name = _loop.name_of(handle.id)
    return handle


def _program_line():
    """The line of the program's own code that is running now (0 if none is on the stack)."""
    frame = sys._getframe(1)
    program = _loop.program_file()
    while frame is not None and frame.f_code.co_filename != program:
        frame = frame.f_back
    return frame.f_lineno if frame is not None else 0


def _object_id(obj, line):
    """The recorder's id for a task's generator or coroutine (recording gen.create if it has none yet)."""
    if _probe is None:
        return _loop.object_id(obj)
    known = _probe.known(obj)
    return known if known is not None else _probe.register_gen(obj, line)


def run(cores=None):
    """Runs the tasks until none is left; `cores`: how many simulated processes compute at once."""
    if cores is not None:
        if not isinstance(cores, int) or isinstance(cores, bool) or cores < 1:
            raise ValueError(f'run(cores=...) takes a whole number of cores, 1 or more, not {cores!r}')
        _loop.set_cores(cores)
    message = _loop.run()
    _raise_if_aborted()
    if message is not None:
        raise Deadlock(message)


#: what a task raised that ends the whole run (a stop, the event limit, sys.exit), raised again by run()
_ending = None


def _raise_if_aborted():
    """Raises again, on the Python side, what interrupted the loop on the JavaScript side."""
    global _ending
    kind = _loop.aborted()
    if kind is None:
        return
    if _ending is not None:
        exc, _ending = _ending, None
        raise exc
    if _probe is not None and kind == 'RunStopped':
        raise _probe.RunStopped('stopped')
    if _probe is not None and kind == 'RunLimit':
        raise _probe.RunLimit(*_probe.limit_reached())
    raise KeyboardInterrupt


def _drain():
    """After the program's last line: run what it spawned but never ran, then report unseen failures.
    Returns the deadlock message, if the tasks deadlocked. Raises nothing: see python-api.ts."""
    message = _loop.run() if _loop.unfinished() > 0 else None
    if _loop.aborted() is not None:
        return None
    for task in _failed:
        if not task._seen:
            text = ''.join(traceback.format_exception(task._exc))
            sys.stderr.write(f'Task {task.name!r} failed and no task joined it:\n{text}')
    _failed.clear()
    return message


def _line_of(body):
    frame = getattr(body, 'gi_frame', None) or getattr(body, 'cr_frame', None)
    return frame.f_lineno if frame is not None else 0


def _resume_via_scheduler(resume, value):
    """Calls resume(value), the recorder noting the generator it resumes as resumed via "scheduler"."""
    if _probe is None:
        return resume(value)
    _probe.resume_via('scheduler')
    try:
        return resume(value)
    finally:
        _probe.resume_via(None)


#: an int field's null (core/trace/schema.ts NULL_INT, handed over by the loop)
_NULL = _loop.null_int


def _emit(kind, obj, line, a=_NULL, b=_NULL, c=_NULL, d=_NULL, e=_NULL):
    """Records one of the loop's events (called from JavaScript, strings not yet interned). Returns
    True when the recorder raised what ends the run (a stop, the event limit): kept in `_ending`
    for run() to raise again, never raised through JavaScript (see core/scheduler/emitter.ts)."""
    global _ending
    s = _probe.s
    try:
        _probe.emit(
            kind, obj, line,
            s(a) if a.__class__ is str else a, s(b) if b.__class__ is str else b,
            s(c) if c.__class__ is str else c, s(d) if d.__class__ is str else d,
            s(e) if e.__class__ is str else e,
        )
    except BaseException as exc:  # noqa: BLE001 - ends the run: kept, raised again by run()
        _ending = exc
        return True
    return None


#: the task the scheduler is running, or None
_running = None


def _step(task):
    """Resumes one task until it gives up control, and tells the scheduler why it stopped."""
    global _budget, _ending, _running
    _budget = _interval
    body = task._body
    _running = task
    try:
        cmd = _resume_via_scheduler(body.send, None)
    except StopIteration as stop:
        task._finish(stop.value, None)
        return
    except Exception as exc:  # noqa: BLE001 - a failing task ends; the others go on
        task._finish(None, exc)
        return
    except BaseException as exc:  # noqa: BLE001 - ends the run: kept, raised again by run()
        _ending = exc
        return True
    finally:
        _running = None
    kind = type(cmd)
    if kind is _Timed:
        getattr(_loop, cmd.what)(cmd.seconds, _line_of(body))
    elif kind is _Park:
        _loop.park(cmd.on, cmd.key, cmd.what, cmd.amount, _line_of(body))
    # anything else a task yields just gives up control


@types.coroutine
def join(task):
    """Waits until `task` has finished; returns its result (or raises its exception)."""
    if not isinstance(task, Task):
        raise TypeError(f'join() takes a Task (what spawn() returned), not {type(task).__name__}')
    if not task._done:
        yield _Park('join', task._join_key, task.name)
    return task.result()


# ---- queues and events ----

_count = {'queue': 0, 'event': 0}


def _default_name(kind):
    _count[kind] += 1
    return f'{kind} {_count[kind]}'


class QueueFull(Exception):
    """put_nowait() on a full Queue."""


class Queue:
    """A FIFO queue between tasks, its items in a deque. With maxsize > 0, put waits while it is full.

    The deque is recorded like the program's own deques (named after the queue), so the views
    show the queue fill and drain."""

    def __init__(self, maxsize=0, name=None):
        self.maxsize = maxsize
        self.name = name or _default_name('queue')
        self.items = deque()
        line = _program_line()
        self._deque_id = _loop.deque_create(maxsize if maxsize > 0 else None, self.name, line)
        self._get_key = _new_key('get')
        self._put_key = _new_key('put')

    def qsize(self):
        return len(self.items)

    def empty(self):
        return not self.items

    def full(self):
        return 0 < self.maxsize <= len(self.items)

    @types.coroutine
    def get(self):
        """`x = yield from q.get()` / `x = await q.get()`: waits while the queue is empty."""
        while not self.items:
            yield _Park('queue.get', self._get_key, self.name)
        item = self.items.popleft()
        _loop.deque_op(self._deque_id, 'popleft', None, _srepr(item), len(self.items), _program_line())
        _loop.wake_one(self._put_key, 'room', self.name)
        return item

    @types.coroutine
    def put(self, item):
        """`yield from q.put(x)` / `await q.put(x)`: waits while the queue is full."""
        while self.full():
            yield _Park('queue.put', self._put_key, self.name, self.maxsize)
        self._append(item)

    def put_nowait(self, item):
        """Puts an item without waiting (also outside any task); raises QueueFull if the queue is full."""
        if self.full():
            raise QueueFull(f'{self.name} is full ({self.maxsize} items)')
        self._append(item)

    def _append(self, item):
        self.items.append(item)
        _loop.deque_op(self._deque_id, 'append', _srepr(item), None, len(self.items), _program_line())
        _loop.wake_one(self._get_key, 'item', self.name)

    def __repr__(self):
        return f'<Queue {self.name!r} {list(self.items)!r}>'


class Event:
    """A flag tasks can wait for: wait() returns once some task calls set()."""

    def __init__(self, name=None):
        self.name = name or _default_name('event')
        self._set = False
        self._key = _new_key('event')

    def is_set(self):
        return self._set

    def set(self):
        self._set = True
        _loop.wake_all(self._key, 'set', self.name)

    def clear(self):
        self._set = False

    @types.coroutine
    def wait(self):
        """`yield from ev.wait()` / `await ev.wait()`."""
        if not self._set:
            yield _Park('event', self._key, self.name)
        return True

    def __repr__(self):
        return f'<Event {self.name!r} {"set" if self._set else "not set"}>'


# ---- simulated threads ----

_interval = max(1, int(_loop.switch_interval))
_budget = _interval
_TICK = '__yieldscope_tick__'


def _tick():
    """Runs before each line of a thread: True when its time slice is spent."""
    global _budget
    if _budget <= 0:
        return True
    _budget -= 1
    return False


def _tick_at(stmt):
    """`while __yieldscope_tick__(): yield`, placed at stmt's line."""
    tick = ast.While(
        test=ast.Call(func=ast.Name(id=_TICK, ctx=ast.Load()), args=[], keywords=[]),
        body=[ast.Expr(value=ast.Yield(value=None))],
        orelse=[],
    )
    return ast.copy_location(tick, stmt)


class _Preemptible(ast.NodeTransformer):
    """Puts `while __yieldscope_tick__(): yield` before every statement of one function's own body."""

    def _ticked(self, statements):
        out = []
        for stmt in statements:
            stmt = self.visit(stmt)
            if not isinstance(stmt, (ast.Global, ast.Nonlocal)):
                out.append(_tick_at(stmt))
            out.append(stmt)
        return out

    def generic_visit(self, node):
        for field, value in ast.iter_fields(node):
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                setattr(node, field, self._ticked(value))
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, ast.AST) and not isinstance(item, ast.expr):
                        self.visit(item)
        return node

    def visit_FunctionDef(self, node):  # a nested function runs whole
        return node

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_ClassDef = visit_FunctionDef


_threads = {}
#: the code of every function running as a thread or a process (its own lines can block)
_thread_codes = set()


def _function_node(fn):
    code = fn.__code__
    if code.co_filename == _loop.program_file():
        source = _loop.program_source()
    else:
        try:
            source = inspect.getsource(inspect.getmodule(fn))
        except (OSError, TypeError):
            source = None
    if source is None:
        raise TypeError(f'spawn({fn.__name__}): its source is not available, so it cannot run as a thread')
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef) and node.name == code.co_name:
            first = node.decorator_list[0].lineno if node.decorator_list else node.lineno
            if code.co_firstlineno in (first, node.lineno):
                return node
    raise TypeError(f'spawn({fn.__name__}): its definition was not found in the source')


def _threadify(fn):
    """fn, rewritten as a generator that gives up control when its time slice is spent."""
    made = _threads.get(fn)
    if made is not None:
        return made
    if fn.__code__.co_freevars:
        raise TypeError(
            f'spawn({fn.__name__}): a thread cannot use variables of an enclosing function; '
            'define the function at the top level of your program'
        )
    node = _Preemptible().generic_visit(_function_node(fn))
    # A sleep() or work() on the function's last line still blocks it before it ends.
    node.body.append(_tick_at(node.body[-1]))
    node.decorator_list = []
    module = ast.fix_missing_locations(ast.Module(body=[node], type_ignores=[]))
    code = compile(module, fn.__code__.co_filename, 'exec', dont_inherit=True)
    fn.__globals__[_TICK] = _tick
    space = {}
    exec(code, fn.__globals__, space)
    made = space[fn.__name__]
    _thread_codes.add(made.__code__)
    _record_lines(made.__code__)
    made.__defaults__ = fn.__defaults__
    made.__kwdefaults__ = fn.__kwdefaults__
    _threads[fn] = made
    return made


def _record_lines(code):
    """Asks the recorder to watch a thread's rewritten code as it watches the program's own."""
    if _probe is not None:
        _probe.watch(code)


# ---- values ----
# Made by the recorder (values.py), which never runs the program's own repr or __str__; without the
# recorder no value is recorded, so none is made.


def _srepr(value):
    return None if _helpers is None else _helpers.srepr(value)


def _exc_text(exc):
    message = '' if _helpers is None else _helpers.safe_str(exc)
    return f'{type(exc).__name__}: {message}'[:500] if message else type(exc).__name__
