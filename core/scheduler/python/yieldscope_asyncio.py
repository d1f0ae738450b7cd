"""asyncio on Yieldscope's virtual clock.

`asyncio.run`, tasks, `gather`, `sleep`, `Queue`, `Lock`, `Event`, `wait_for`… run unchanged on an
event loop whose time() is the run's virtual clock and whose selector never blocks: when only
timers are left it moves the clock straight to the next one, so `asyncio.sleep(10)` takes no wall
time. Every asyncio Task is recorded as a scheduler task (sched.spawn with wraps "asyncio",
sched.pick at each step, sched.done). With no timer, nothing ready and tasks still waiting, the
loop would wait forever: that is reported as a deadlock.
"""

import asyncio
import json
import sys
from asyncio import base_events, events, runners, tasks

from yieldscope import Deadlock, _exc_text, _helpers, _loop, _object_id, _program_line, _raise_if_aborted, _resume_via_scheduler, _srepr

#: the name that makes the views show a deque as the scheduler's ready queue (core/trace/schema.ts,
#: handed over by the loop)
READY_QUEUE_NAME = _loop.ready_queue_name


class _VirtualSelector:
    """A selector with no I/O: asked to wait `timeout` seconds, it advances the virtual clock instead."""

    def __init__(self, loop):
        self._loop = loop

    def select(self, timeout=None):
        if timeout is None:
            _deadlock(self._loop)
        elif timeout > 0:
            _loop.advance(self._loop._scheduled[0].when())
        return []

    def get_map(self):
        return {}

    def register(self, *args):
        raise NotImplementedError('Yieldscope runs asyncio without real I/O (no sockets, pipes or files)')

    modify = unregister = register

    def close(self):
        pass


def _deadlock(loop):
    waiting = [
        {'task': getattr(t, '_ys_id', 0), 'name': t.get_name(), **_waits_on(t)}
        for t in tasks._py_all_tasks(loop)
        if not t.done()
    ]
    raise Deadlock(_loop.deadlock(json.dumps(waiting)))


def _waits_on(task):
    """What a pending task waits on: its innermost coroutine, or the task it awaits, or a future;
    amount is the program's line it is suspended at (None when none is the program's)."""
    awaited = task.get_coro()
    wait = {'on': 'await future', 'what': None, 'amount': None}
    while hasattr(awaited, 'cr_frame') or hasattr(awaited, 'gi_frame'):
        frame = getattr(awaited, 'cr_frame', None) or getattr(awaited, 'gi_frame', None)
        if frame is not None and frame.f_code.co_filename == _loop.program_file():
            wait['amount'] = frame.f_lineno
        wait.update(on='await', what=f'{awaited.__qualname__}()')
        awaited = getattr(awaited, 'cr_await', None) or getattr(awaited, 'gi_yieldfrom', None)
    waiter = getattr(task, '_fut_waiter', None)
    if isinstance(waiter, asyncio.Task):
        wait.update(on='await task', what=waiter.get_name())
    return wait


class _Task(tasks._PyTask):
    """asyncio's pure-Python Task, whose steps can be observed."""

    def _Task__step(self, exc=None):
        # asyncio.current_task() reads the C module's record of the running task, which the
        # pure-Python Task does not update: keep it in step.
        previous = tasks._c_swap_current_task(self._loop, self)
        try:
            super()._Task__step(exc)
        finally:
            tasks._c_swap_current_task(self._loop, previous)


class TracedTask(_Task):
    """An asyncio Task that records its spawn, each step, and its end."""

    def __init__(self, coro, *, loop=None, name=None, context=None, eager_start=False):
        shown = name if name is not None else getattr(coro, '__qualname__', None) or 'task'
        line = _program_line()
        self._ys_id = _loop.announce(str(shown), 'asyncio', _object_id(coro, line), line)
        super().__init__(coro, loop=loop, name=_loop.name_of(self._ys_id), context=context)

    def _Task__step(self, exc=None):
        _loop.pick(self._ys_id)
        _raise_if_aborted()
        _resume_via_scheduler(super()._Task__step, exc)
        if not self.done():
            return
        if self.cancelled():
            _loop.done(self._ys_id, None, 'CancelledError')
        elif self.exception() is not None:
            _loop.done(self._ys_id, None, _exc_text(self.exception()))
        else:
            _loop.done(self._ys_id, _srepr(self.result()), None)
        _raise_if_aborted()


_HOUSEKEEPING = frozenset(('BaseEventLoop.shutdown_asyncgens', 'BaseEventLoop.shutdown_default_executor'))


#: asyncio's own callbacks that a program meets most, in its words
_CALLBACK_NAMES = {
    '_set_result_unless_cancelled': 'a sleep ends',
    'gather.<locals>._done_callback': 'gather: a child is done',
    '_run_until_complete_cb': 'run_until_complete: done',
}


def _ready_item(handle):
    """How a callback in the loop's ready queue shows: the task it steps or wakes, else what it does."""
    callback = getattr(handle, '_callback', None)
    owner = getattr(callback, '__self__', None)
    if isinstance(owner, TracedTask):
        return owner.get_name()
    if isinstance(owner, tasks._PyTask):
        return 'asyncio clean-up'  # asyncio.run's own closing tasks (_HOUSEKEEPING)
    name = getattr(callback, '__qualname__', None)
    return _CALLBACK_NAMES.get(name, name) or type(handle).__name__


def _new_task(loop, coro, **kwargs):
    kind = _Task if getattr(coro, '__qualname__', None) in _HOUSEKEEPING else TracedTask
    return kind(coro, loop=loop, **kwargs)


class VirtualEventLoop(base_events.BaseEventLoop):
    """asyncio's own loop logic, with the virtual clock and no I/O."""

    def __init__(self):
        super().__init__()
        if _helpers is not None:
            # recorded, so the deque view shows asyncio choosing who runs next
            self._ready = _helpers.RuntimeDeque(READY_QUEUE_NAME, _ready_item)
        self._selector = _VirtualSelector(self)
        self._clock_resolution = 1e-9
        self.set_task_factory(_new_task)

    def time(self):
        return _loop.now()

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass


class VirtualEventLoopPolicy(events._BaseDefaultEventLoopPolicy):
    _loop_factory = VirtualEventLoop


def install():
    """Makes asyncio.run() and new_event_loop() use the virtual loop for this run (Pyodide's own
    asyncio.run would hand the program to the browser's event loop, in real time)."""
    asyncio.run = runners.run
    events._set_event_loop_policy(VirtualEventLoopPolicy())
    events._set_running_loop(None)
