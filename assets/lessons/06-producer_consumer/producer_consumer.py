from collections import deque

buffer = deque(maxlen=10)


def producer(items):
    """Put items in the buffer; hand control back whenever it is full."""
    for item in items:
        if len(buffer) == buffer.maxlen:
            yield "full"
        buffer.append(item)


def consumer():
    """Take everything the buffer holds, then hand control back."""
    while True:
        while buffer:
            item = buffer.popleft()
            print("consumed", item)
        yield "drained"


def coordinate():
    make = producer(range(35))
    take = consumer()
    while True:
        try:
            next(make)
        except StopIteration:
            break
        next(take)
    next(take)
    take.close()


coordinate()
