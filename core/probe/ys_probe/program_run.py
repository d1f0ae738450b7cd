"""One run of a user program in the warm interpreter: a fresh __main__, the probe switched on for the
program's own code only, its output and errors recorded, and everything put back afterwards so one
run's globals, imports and patches never reach the next."""

import builtins
import gc
import os
import signal
import sys
import traceback
import types

from . import deques, files, protocol as P, recorder, rewrite, sandbox, stdin
from .protocol import MAIN, NULL, RunLimit, RunStopped
from .recorder import R
from .values import safe_str

s = R.s
emit = R.emit
MAX_OUTPUT = 32 * 1024 * 1024
MAX_TEXT = 64 * 1024
RECURSION_LIMIT = 1000  # CPython's own; WebAssembly's stack holds it, recorded or not
#: modules the program must not import: they reach the JavaScript world (the worker's globals).
#: ys_probe stays importable: the scheduler's Python side records through it.
BLOCKED = ('js', 'pyodide_js', 'pyodide', '_pyodide', '_pyodide_core', 'micropip', 'pyodide_http')


def _blocked(name):
    return any(name == b or name.startswith(b + '.') for b in BLOCKED)


class _ImportBlocker:
    @staticmethod
    def find_spec(name, path=None, target=None):
        if _blocked(name):
            raise ModuleNotFoundError(f"import of '{name}' is not allowed: Yieldscope runs programs in a sandbox", name=name)
        return None


_getframe = sys._getframe
sandbox.install()


def _paid(text, budget):
    """What a write() is given, as a str, once its length is taken from the run's output budget."""
    if type(text) is not str:
        if not isinstance(text, str):
            raise TypeError(f'write() argument must be str, not {type(text).__name__}')
        text = str(text)
    budget[0] -= len(text)
    if budget[0] < 0:
        raise R.limit('output', MAX_OUTPUT)
    return text


class Output:
    """sys.stdout / sys.stderr for the program: whole lines become stdout/stderr events."""

    def __init__(self, kind, budget):
        self.kind = kind
        self.budget = budget
        self.pending = ''
        self.encoding = 'utf-8'
        self.errors = 'strict'

    def write(self, text):
        text = _paid(text, self.budget)
        size = len(text)
        if self.pending:
            text = self.pending + text
            self.pending = ''
        if text[-1:] == '\n':
            self._emit(text)
        else:
            cut = text.rfind('\n')
            if cut < 0:
                self.pending = text
            else:
                self.pending = text[cut + 1 :]
                self._emit(text[: cut + 1])
        return size

    def _emit(self, text):
        self._record(text, R.program_line(_getframe(2)))  # _emit <- write <- print (C, no frame) <- the caller

    def _record(self, text, line):
        if len(text) > MAX_TEXT:
            text = text[:MAX_TEXT] + f'… ({len(text) - MAX_TEXT:,} more characters)\n'
        emit(self.kind, MAIN, line, s(text))

    def flush(self):
        if self.pending:
            text, self.pending = self.pending, ''
            self._record(text, R.program_line(_getframe(1)))

    def isatty(self):
        return False

    def writable(self):
        return True


_MISSING = object()


class _Captured:
    """Output of a program run with recording off: kept as text, not recorded, so the fidelity corpus
    can compare it with a recorded run's. Only appended (no lines, no events): the unrecorded run is
    the baseline the recorder bench compares against, and must cost about what printing does."""

    def __init__(self, _kind, budget):
        self.budget = budget
        self.parts = []
        self.encoding = 'utf-8'
        self.errors = 'strict'

    def write(self, text):
        text = _paid(text, self.budget)
        self.parts.append(text)
        return len(text)

    def flush(self):
        pass

    def isatty(self):
        return False

    def writable(self):
        return True

    def text(self):
        return ''.join(self.parts)


class _Saved:
    """What a run changes in the interpreter, to put back afterwards."""

    def __init__(self):
        self.modules = set(sys.modules)
        self.main = sys.modules.get('__main__')
        self.path = list(sys.path)
        self.cwd = os.getcwd()
        self.stdin, self.stdout, self.stderr = sys.stdin, sys.stdout, sys.stderr
        self.recursion = sys.getrecursionlimit()
        self.hidden = {name: mod for name, mod in sys.modules.items() if _blocked(name)}
        self.pause_handler = signal.getsignal(P.PAUSE_SIGNAL)
        self.stop_handler = signal.getsignal(signal.SIGINT)  # a program may ignore stops; the next run must not
        self.file_handler = signal.getsignal(P.FILE_SIGNAL)
        self.module_dicts = {
            name: dict(mod.__dict__)
            for name, mod in sys.modules.items()
            if name not in ('sys', '__main__') and not _blocked(name) and not name.startswith(__package__)
            and hasattr(mod, '__dict__')
        }

    def restore(self):
        for name, before in self.module_dicts.items():
            now = sys.modules[name].__dict__
            for key in [k for k in now if k not in before]:
                del now[key]
            for key, value in before.items():
                if now.get(key, _MISSING) is not value:
                    now[key] = value
        for name in set(sys.modules) - self.modules:
            del sys.modules[name]
        sys.modules.update(self.hidden)
        sys.modules['__main__'] = self.main
        sys.path[:] = self.path
        os.chdir(self.cwd)
        sys.stdin, sys.stdout, sys.stderr = self.stdin, self.stdout, self.stderr
        sys.setrecursionlimit(self.recursion)
        signal.signal(P.PAUSE_SIGNAL, self.pause_handler)
        signal.signal(signal.SIGINT, self.stop_handler)
        signal.signal(P.FILE_SIGNAL, self.file_handler)
        if _ImportBlocker in sys.meta_path:
            sys.meta_path.remove(_ImportBlocker)


def _traceback_text(exc):
    """The traceback as the user would see it (only frames of their program), and its message: the
    exception's str, asked once, as Python asks it to print a traceback (a second call would run a
    __str__ of the program where the program does not)."""
    tb = exc.__traceback__
    frames = [f for f in traceback.extract_tb(tb) if f.filename == _program[0]]
    last = traceback.TracebackException(type(exc), exc, None, compact=True)
    lines = ['Traceback (most recent call last):\n', *traceback.format_list(frames), *last.format_exception_only()]
    message = getattr(last, '_str', None)  # what the traceback's last line says after the type
    return ''.join(lines), (frames[-1].lineno if frames else 0), message if type(message) is str else safe_str(exc)


_program = ['main.py']
#: the last program rewritten, as (source, file name, code, bound names): an inspector runs the same
#: program again and again, and rewriting and compiling it is most of a run's set-up
_last_rewrite = [None]


def _rewritten(source, file_name):
    """The program's instrumented code, rewritten once per program (the same source gives the same
    code); fills deques.bound_names as rewrite does."""
    last = _last_rewrite[0]
    if last is None or last[0] != source or last[1] != file_name:
        names = {}
        last = _last_rewrite[0] = (source, file_name, rewrite.rewrite(source, file_name, names), names)
    deques.bound_names.update(last[3])
    return last[2]


def _record_error(exc, syntax=False):
    """Records the program's exception; returns its message."""
    if syntax:
        text, message = ''.join(traceback.format_exception_only(type(exc), exc)), exc.msg
        line, col = exc.lineno or 0, exc.offset if exc.offset is not None else NULL
    else:
        text, line, message = _traceback_text(exc)
        col = NULL
    emit(P.K_ERROR, MAIN, line or 0, s(type(exc).__name__), s(message), s(text), col)
    return message


def _ended_by(exc):
    """Records the program's own exception and says how the run ended: by it, or by a stop or a
    limit that landed while it was recorded (its text may be the program's own __str__, which can
    run long, and the recorder raises a stop answered meanwhile at its next event)."""
    try:
        said = _record_error(exc)
        why = sandbox.explain(exc, said)
    except (KeyboardInterrupt, RunStopped):
        return 'stopped', 'Stopped.'
    except RunLimit:
        return 'limit', None
    return 'error', type(exc).__name__ + (f': {said}' if said else '') + (f' ({why})' if why else '')


def _to_the_end(step):
    """Runs step to its end even when a stop's KeyboardInterrupt lands in it (the host may stop at
    any moment, also while a run sets up or cleans up); returns whether one landed."""
    stopped = False
    while True:
        try:
            step()
            return stopped
        except (KeyboardInterrupt, RunStopped):
            stopped = True


def _obeying(pause_outstanding):
    """The pause signal's handler for a run: holds for a pause no hold has met yet, else does nothing.
    A repeat heard while the handler runs returns at once: run through, it would hold between this
    handler's check and its hold, which would then hold a second time at the same event."""
    handling = False

    def on_pause_signal(signum, frame):
        nonlocal handling
        if handling:
            return
        handling = True
        try:
            if pause_outstanding():
                R.on_pause_signal(signum, frame)
        finally:
            handling = False

    return on_pause_signal


def run(source, file_name, work_dir, options_json, files_json, max_events, send_batch, wait_for_host, pause_outstanding, install, drain, start_paused, recording=True, hold_at=None, take_files=None, read_line=None, note_line=None):
    """Runs one program; returns [status, message, stdout, stderr, limit] (the host may still turn the
    status into stopped/timeout). A run that ended at one of its limits has no message: limit is
    (kind, value), as RunLimit says them, for the host to word. With recording off, the program runs
    unobserved (the baseline benchmarks compare against) and its output comes back as text;
    recording, the output is in the trace (None).
    hold_at: hold (as a pause does) once this many events are recorded. take_files records the
    folder's changes (files.py); read_line and note_line give the program its input and record it
    (stdin.py). pause_outstanding says whether a pause signal is one no hold has met yet: the host
    repeats a pause's signal until a hold acknowledges it, and a repeat arriving after is dropped."""
    stopped = _to_the_end(lambda: R.start(send_batch, wait_for_host, max_events))
    if hold_at is not None:
        R.hold_at(hold_at)
    _program[0] = file_name
    budget = [MAX_OUTPUT]
    stream = Output if recording else _Captured
    out, err = stream(P.K_STDOUT, budget), stream(P.K_STDERR, budget)
    saved = []
    status, message = 'ok', None
    try:
        stopped |= _to_the_end(lambda: emit(P.K_RUN_START, MAIN, 0, s(sys.version.split()[0]), s(file_name), s(options_json), s(source), s(files_json)))
        set_up = R.clock()
        stopped |= _to_the_end(lambda: saved.append(_Saved()))
        if stopped:
            raise KeyboardInterrupt
        deques.bound_names.clear()
        try:
            code = _rewritten(source, file_name) if recording else compile(source, file_name, 'exec')
        except (SyntaxError, ValueError) as e:
            if not isinstance(e, SyntaxError):
                e = SyntaxError(str(e))
            _record_error(e, syntax=True)
            return ['error', f'SyntaxError: {e.msg} (line {e.lineno})'] + ([None, None] if recording else ['', '']) + [None]
        main = types.ModuleType('__main__')
        main.__file__ = file_name
        main.__builtins__ = builtins
        setattr(main, rewrite.HELPERS, recorder.helpers)
        for name in saved[0].hidden:
            del sys.modules[name]
        sys.meta_path.insert(0, _ImportBlocker)
        sys.modules['__main__'] = main
        if work_dir:
            os.chdir(work_dir)
            sys.path.insert(0, work_dir)
        sys.stdout, sys.stderr = out, err
        if read_line is not None:
            sys.stdin = stdin.Stdin(read_line, note_line, R.program_line)
        signal.signal(P.PAUSE_SIGNAL, _obeying(pause_outstanding))
        if take_files is not None:
            files.install(take_files)
        if recording:
            deques.patch()
            R.instrument(code)
        install()
        sys.setrecursionlimit(RECURSION_LIMIT)
        R.skip_clock(set_up)
        if start_paused:
            R.hold()
        exec(code, main.__dict__)
        drain()
        R.raise_held()
    except SystemExit as e:
        if e.code not in (None, 0):
            status, message = 'error', f'The program exited with code {e.code}.'
    except RunLimit:
        status = 'limit'
    except (KeyboardInterrupt, RunStopped):
        status, message = 'stopped', 'Stopped.'
    except BaseException as e:  # noqa: BLE001 - the user's exception is a result, not a failure
        if R.limit_reached():
            status = 'limit'
        else:
            status, message = _ended_by(e)
    finally:
        # a stop that lands here is late: the host records the run as stopped all the same
        _to_the_end(R.uninstrument)
        _to_the_end(files.uninstall)
        _to_the_end(deques.unpatch)
        if saved:
            _to_the_end(saved[0].restore)
        for stream in (out, err):
            try:
                stream.flush()
            except BaseException:  # noqa: BLE001 - the output limit was already recorded; a late stop changes nothing
                pass
    limit = R.limit_reached() if status == 'limit' else None
    if recording:
        return [status, message, None, None, limit]
    return [status, message, out.text(), err.text(), limit]


def _forget_held():
    """What a stop or a limit left held for the next event has ended the run already: the folder's
    last changes, recorded through JS, must not be dropped for it."""
    try:
        R.raise_held()
    except BaseException:  # noqa: BLE001 - the run has already ended for it
        pass


def finish(status, message, take_files=None):
    """Finalizes what the run left unreachable, records the folder's last changes, run.end, and sends
    the last batch."""
    # Garbage in reference cycles (a stopped asyncio program's tasks and loop) would otherwise be
    # collected during a later run: its suspended generators finalized under that run's probe, which
    # has corrupted Python's memory. Here the probe is off; a finalizer's events still belong to this run.
    _to_the_end(gc.collect)
    R.end_run()  # these are recorded even past the event limit, or after a stop
    _to_the_end(_forget_held)
    if take_files is not None:
        _to_the_end(lambda: take_files(0))
    _to_the_end(lambda: emit(P.K_RUN_END, MAIN, 0, s(status), s(message)))
    _to_the_end(R.flush)

