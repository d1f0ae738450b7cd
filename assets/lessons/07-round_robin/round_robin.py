from collections import deque


def countdown(name, n):
    while n > 0:
        print(name, n)
        yield
        n -= 1
    print(name, "done")


ready = deque([countdown("A", 3), countdown("B", 2), countdown("C", 4)])

while ready:
    task = ready.popleft()
    try:
        next(task)
    except StopIteration:
        continue
    ready.append(task)
