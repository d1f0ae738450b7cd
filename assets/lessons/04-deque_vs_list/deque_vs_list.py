import timeit as standard
from collections import deque

from yieldscope import timeit

# Both ends of a deque, recorded: the deque view shows each operation.
line = deque(["b", "c"])
line.appendleft("a")
line.append("d")
line.popleft()
line.pop()

# A list does the same, but inserting or popping at index 0 moves every other item one place.
queue = ["b", "c"]
queue.insert(0, "a")
queue.pop(0)

# The timing runs unrecorded (see yieldscope.timeit). Each figure is one operation and its undo,
# in microseconds: the best of 5 timings of 1000.
OPERATIONS = {
    "list.append+pop": "items.append(0); items.pop()",
    "deque.append+pop": "items.append(0); items.pop()",
    "list.insert(0)+pop(0)": "items.insert(0, 0); items.pop(0)",
    "deque.appendleft+popleft": "items.appendleft(0); items.popleft()",
}

for n in (1000, 4000, 16000, 64000):
    for name, statement in OPERATIONS.items():
        kind = name.split(".")[0]
        setup = f"from collections import deque; items = {kind}(range({n}))"
        print(f"{name} N={n}: {timeit(statement, setup) * 1e6:.3f} us")

# The same deque timing through the deque the recorder watches your program with, and through
# Python's own again, taken in turns so that both meet the machine alike: the best of 5 of each.
COMPARED = "items.appendleft(0); items.popleft()"
watched, own = [], []
for _ in range(5):
    watched += standard.repeat(COMPARED, "items = deque(range(1000))", globals={"deque": deque}, number=1000, repeat=1)
    own.append(timeit(COMPARED, "from collections import deque; items = deque(range(1000))", repeat=1) * 1000)
print(f"deque.appendleft+popleft, recorder's deque N=1000: {min(watched) / 1000 * 1e6:.3f} us")
print(f"deque.appendleft+popleft, Python's deque N=1000: {min(own) / 1000 * 1e6:.3f} us")
