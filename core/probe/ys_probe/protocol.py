"""What the recorder shares with the host: the event kinds (code and field count of each, handed over
from core/trace/schema.ts at load time by `configure`, never copied here by hand), the host's answers
to a pause (core/run/control.ts), and the exceptions that end a run.

After configure(), each kind's code is a module global named after it: K_GEN_RESUME for gen.resume."""

MAIN = 0  # the main program's object id
RUNNING = 0  # obj of an event about whichever generator is running: the decoder fills it in

#: an int field's null (schema.ts NULL_INT); None until configure(), so that a use before it fails
NULL = None
#: how many fields the Python recorder writes for each kind, by code (gen.resume's `by` is the decoder's)
FIELD_COUNT = ()
#: how many field columns every event has in the trace (the compiled recorder writes them all)
FIELD_COLUMNS = 0
#: codes of the kinds that read the clock themselves (a switch of control, output, the run's ends)
OWN_CLOCK = frozenset()
#: the host's answers to a paused run, by name (resume, stepEvent, stepSwitch, stop)
ACTION = {}
#: the signal number the host raises to pause a running program
PAUSE_SIGNAL = 0
#: the signal number the worker raises when the program's folder changed (files.py)
FILE_SIGNAL = 0


class RunLimit(BaseException):
    """The run hit one of its limits; raised into user code, recorded as run.end status limit. It
    says which limit as data, for the host to word in the user's language (core/run/run-limit.ts):
    kind 'events' (value: the most events a run records) or 'output' (value: the most characters
    it prints)."""

    def __init__(self, kind, value):
        super().__init__(kind, value)
        self.kind = kind
        self.value = value


class RunStopped(BaseException):
    """The host stopped the run while it was paused."""


def configure(kinds, field_columns, null, own_clock, actions, pause_signal, file_signal):
    """kinds: [name, code, field count] of every event kind; field_columns: the trace's field columns
    per event; null: an int field's null; own_clock: the names of the kinds that read the clock themselves; actions: the
    host's answers by name; pause_signal, file_signal: the signals of a pause and of a change in the
    program's folder."""
    global NULL, FIELD_COUNT, FIELD_COLUMNS, OWN_CLOCK, ACTION, PAUSE_SIGNAL, FILE_SIGNAL
    NULL = null
    FIELD_COLUMNS = field_columns
    counts = [0] * (max(code for _, code, _ in kinds) + 1)
    for name, code, count in kinds:
        counts[code] = count
        globals()['K_' + name.upper().replace('.', '_')] = code
    FIELD_COUNT = tuple(counts)
    codes = {name: code for name, code, _ in kinds}
    OWN_CLOCK = frozenset(codes[name] for name in own_clock)
    ACTION = dict(actions)
    PAUSE_SIGNAL = pause_signal
    FILE_SIGNAL = file_signal
