from collections import deque

buffer = deque(maxlen=3)


def producer():
    for item in range(7):
        if len(buffer) == buffer.maxlen:
            print('full, producer waits')
            yield
        buffer.append(item)
        print('produced', item)
        yield


def consumer():
    while True:
        if not buffer:
            yield
            continue
        print('consumed', buffer.popleft())
        yield


p, c = producer(), consumer()
for _ in range(12):
    next(p, None)
    next(c)
print('left', list(buffer))
