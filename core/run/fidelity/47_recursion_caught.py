# A program that runs into the recursion limit on purpose, catches the RecursionError and goes on:
# recorded, it must be caught the same way and leave the program as able to run as before.
import sys


def countdown(n):
    return 0 if n == 0 else 1 + countdown(n - 1)


def bottomless(n):
    return bottomless(n + 1)


def nested(n):
    yield n
    yield from nested(n + 1)


print('a safe depth:', countdown(200))
try:
    bottomless(0)
except RecursionError as e:
    print('caught', type(e).__name__)
try:
    for _ in nested(0):
        pass
except RecursionError:
    print('a chain of generators hits the limit too')
print('and the program goes on:', countdown(300), sys.getrecursionlimit())
