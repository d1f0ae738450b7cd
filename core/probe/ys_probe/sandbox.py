"""What the sandbox cannot do, said in one sentence a student understands, naming what to use
instead: threads, processes (subprocess, os.system, multiprocessing), the network and ctypes. Installed once
for the interpreter, before any run: each refuses at once, with the exception CPython raises where
the thing is unavailable, never a fake success (a socket that seems to connect, then times out)."""

import errno
import os
import sys

THREADS = (
    "Yieldscope's sandbox cannot start threads: run functions as simulated threads with "
    'yieldscope.spawn(...) (switched every --switch-interval lines), or use asyncio.'
)
PROCESSES = (
    "Yieldscope's sandbox cannot start processes or other programs: run the work as generators "
    'with yieldscope.spawn(...) or asyncio, in this one program.'
)
NETWORK = "This sandbox has no network: put the data the program needs in a file of its folder and read it from there."
CTYPES = "ctypes is not available in Yieldscope's sandbox: it calls C functions outside the program's reach."


def explain(exc, message):
    """What the sandbox adds to an uncaught exception's message (as its traceback says it) when the
    sandbox is why it happened (a limit of WebAssembly or of the program's folder), or None. Read
    without running the program's code: its subclass may have a __str__ or an errno property."""
    if isinstance(exc, MemoryError):
        return 'the program asked for more memory than Python can have in WebAssembly, 4 GB at most'
    if isinstance(exc, OverflowError) and 'index-sized' in message:
        return 'Python in WebAssembly has 32-bit sizes: a list, string or bytes this long cannot exist here'
    code = _errno(exc) if isinstance(exc, OSError) else None
    if code == errno.EFBIG:
        return "Yieldscope reads files of up to 64 MB from the program's folder"
    if code == errno.ENOSPC:
        return "the files a run writes are kept in memory, 256 MB at most"
    return None


_errno = OSError.errno.__get__


def _refuse(exc_type, *args):
    def refused(*_args, **_kwargs):
        raise exc_type(*args)

    return refused


class _Unavailable:
    """Refuses by name the modules behind processes and ctypes, saying why."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name in ('_multiprocessing', '_ctypes'):
            raise ModuleNotFoundError(PROCESSES if name == '_multiprocessing' else CTYPES, name=name)
        return None


def install():
    import _thread
    import threading

    for module, name in ((_thread, 'start_new_thread'), (_thread, 'start_new'), (_thread, 'start_joinable_thread'),
                         (threading, '_start_joinable_thread'), (threading, '_start_new_thread')):
        if hasattr(module, name):
            setattr(module, name, _refuse(RuntimeError, THREADS))

    no_process = _refuse(OSError, errno.ENOSYS, PROCESSES)
    for name in ('system', 'fork', 'forkpty', 'posix_spawn', 'posix_spawnp', 'spawnv', 'spawnve',
                 'execv', 'execve', 'popen'):
        if hasattr(os, name):
            setattr(os, name, no_process)
    import subprocess

    subprocess.Popen.__init__ = _refuse(OSError, errno.ENOTSUP, PROCESSES)
    sys.meta_path.insert(0, _Unavailable)

    import _socket

    class socket(_socket.socket):
        __slots__ = ()
        connect = connect_ex = sendto = bind = listen = _refuse(OSError, errno.ENETUNREACH, NETWORK)

    _socket.socket = _socket.SocketType = socket
    no_name = _refuse(_socket.gaierror, _socket.EAI_NONAME, NETWORK)
    for name in ('getaddrinfo', 'gethostbyname', 'gethostbyname_ex', 'gethostbyaddr', 'getnameinfo'):
        setattr(_socket, name, no_name)
