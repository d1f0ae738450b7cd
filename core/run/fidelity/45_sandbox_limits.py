import socket
import threading


def attempt(label, action):
    try:
        action()
        print(label, 'worked')
    except Exception as e:
        print(label, type(e).__name__)


attempt('thread', lambda: threading.Thread(target=print).start())
attempt('socket', lambda: socket.create_connection(('example.com', 80)))
attempt('process', lambda: __import__('subprocess').run(['ls']))


def deep(n):
    return deep(n + 1)


try:
    deep(0)
except RecursionError:
    print('recursion stopped')
