import threading
from contextlib import contextmanager
from decimal import Decimal, localcontext

from yieldscope import now, work


class Tag:
    """A context manager written by hand: __enter__ and __exit__."""

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print(f"<{self.name}>")
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        print(f"</{self.name}>")
        if exc_type is KeyError:
            print("  the KeyError stops here")
            return True
        return False

    def __repr__(self):
        return f"Tag({self.name!r})"


with Tag("p") as tag:
    print("  inside", tag.name)

with Tag("safe"):
    {}["missing"]
print("the program goes on after the KeyError")

try:
    with Tag("unsafe"):
        1 / 0
except ZeroDivisionError as error:
    print("the ZeroDivisionError went on:", error)

with open("visitors.txt", "w") as visitors:
    visitors.write("Ada\n")
    visitors.write("Grace\n")
print("closed on leaving the with:", visitors.closed)

lock = threading.Lock()
with lock:
    print("locked:", lock.locked())
print("released:", not lock.locked())

with localcontext() as context:
    context.prec = 3
    print("3 digits:", Decimal(1) / Decimal(7))
print("28 digits again:", Decimal(1) / Decimal(7))


@contextmanager
def timer(label):
    start = now()
    try:
        yield label
    finally:
        print(f"{label} took {now() - start:.1f} s")


with timer("two jobs"):
    work(0.5)
    work(1.0)

with Tag("outer"):
    with Tag("inner"):
        print("  two deep")

with Tag("a"), Tag("b"):
    print("  two deep in one with")
