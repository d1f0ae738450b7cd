"""sys.stdin for the program: each line is asked of the host when the program reads it.

input() and sys.stdin (readline, read, iteration) read lines the host supplies one at a time: the
app asks the user in its console, the CLI reads its own standard input, a replay or a test gives
them in advance. The worker blocks until the line comes (core/run/worker.ts, as the pause gate
does) and records it as a `stdin` event; the time spent waiting is left out of the run's clock. At
the end of the input, reads return '' and input() raises EOFError, as in CPython."""

import io
import sys

from .protocol import RunStopped
from .recorder import R

_getframe = sys._getframe


class Stdin(io.TextIOBase):
    """read_line(line) blocks for the next line (its newline included), None at the end of the
    input, False when the host stopped the run while it waited; note_line(line, text) records it."""

    def __init__(self, read_line, note_line, user_line):
        super().__init__()
        self._read_line = read_line
        self._note_line = note_line
        self._user_line = user_line
        self._pending = ''
        self._ended = False

    @property
    def encoding(self):
        return 'utf-8'

    def readable(self):
        return True

    def isatty(self):
        return False

    def _next_line(self):
        if self._ended:
            return ''
        R.flush()  # the host shows everything printed so far (the prompt) before it asks for the line
        line = self._user_line(_getframe(2))
        waiting_since = R.clock()
        text = self._read_line(line)
        R.skip_clock(waiting_since)  # before the line is recorded: its time leaves the wait out
        if text is False:
            raise RunStopped('stopped')
        self._note_line(line, text)
        if text is None:
            self._ended = True
            return ''
        return text

    def readline(self, size=-1):
        self._checkClosed()
        if not self._pending:
            self._pending = self._next_line()
        line = self._pending
        if size is not None and 0 <= size < len(line):
            line = line[:size]
        self._pending = self._pending[len(line):]
        return line

    def read(self, size=-1):
        self._checkClosed()
        parts = []
        wanted = -1 if size is None or size < 0 else size
        while wanted != 0:
            line = self.readline(wanted)
            if not line:
                break
            parts.append(line)
            if wanted > 0:
                wanted -= len(line)
        return ''.join(parts)
