class Countdown:
    """An iterator written by hand."""

    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        value = self.current
        self.current -= 1
        return value


def countdown(start):
    """The same iterator as a generator function."""
    while start > 0:
        yield start
        start -= 1


print("class:", list(Countdown(3)))
print("generator:", list(countdown(3)))

squares = (n * n for n in range(4))
print("nothing computed yet")
print("first:", next(squares))
print("the rest:", list(squares))
print("again:", list(squares))

n = 100
total = sum(n for n in range(5))
print("total", total, "and n is still", n)


def launch():
    yield "ready"
    yield from countdown(3)
    yield "lift-off"


for message in launch():
    print(message)
