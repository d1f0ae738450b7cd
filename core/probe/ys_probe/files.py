"""Changes to the program's folder become `file` events at the moment they happen.

The folder is JavaScript's (core/run/program-folder.ts), and its file operations run inside system
calls, where Python cannot be called. When one notes a change, the worker raises P.FILE_SIGNAL
through Pyodide's interrupt buffer, and this handler, which Python runs between two bytecodes, has
the worker record what changed, at the program's line.

The handler may land inside the recorder (between two appends of one event, say, or in the callback
of the program's next line), where recording would corrupt its buffers. It then waits for the
program's next instruction instead: an INSTRUCTION event of a sys.monitoring tool of its own, armed
on the code of the program's frames until it fires. Tools' callbacks run one after the other, never
inside each other, so that instruction comes once the recorder is done."""

import os
import signal
import sys

from . import protocol as P
from .recorder import R

TOOL = 3  # a sys.monitoring tool id nobody else in the interpreter uses (the probe's is 4)
_M = sys.monitoring
_PROBE_DIR = os.path.dirname(__file__) + os.sep
_armed = []


def install(take):
    """take(line) records the changes noted so far."""

    def on_instruction(_code, _offset):
        disarm()
        take(sys._getframe(1).f_lineno)

    def on_signal(_signum, frame):
        # the innermost frame of the program or of the recorder says who is running
        f = frame
        while f is not None:
            if R.is_program_code(f.f_code):
                take(f.f_lineno)
                return
            if f.f_code.co_filename.startswith(_PROBE_DIR):
                arm(f)
                return
            f = f.f_back
        take(0)

    _M.use_tool_id(TOOL, 'yieldscope files')
    _M.register_callback(TOOL, _M.events.INSTRUCTION, on_instruction)
    signal.signal(P.FILE_SIGNAL, on_signal)


def arm(frame):
    """Asks for the next instruction of any frame of the program below `frame`."""
    while frame is not None:
        code = frame.f_code
        if R.is_program_code(code) and code not in _armed:
            _M.set_local_events(TOOL, code, _M.events.INSTRUCTION)
            _armed.append(code)
        frame = frame.f_back


def disarm():
    for code in _armed:
        _M.set_local_events(TOOL, code, 0)
    _armed.clear()


def uninstall():
    if _M.get_tool(TOOL) is None:
        return
    disarm()
    _M.register_callback(TOOL, _M.events.INSTRUCTION, None)
    _M.free_tool_id(TOOL)
