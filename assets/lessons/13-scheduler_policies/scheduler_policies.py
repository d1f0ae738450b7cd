from yieldscope import spawn, run, Queue

jobs = Queue(maxsize=3, name="jobs")


def producer(count):
    for n in range(count):
        print("put", n)
        yield from jobs.put(n)
    yield from jobs.put(None)


def worker(name):
    while True:
        job = yield from jobs.get()
        if job is None:
            yield from jobs.put(None)
            print(name, "stops")
            return
        print(name, "works on", job)
        yield


def ticker():
    for tick in range(4):
        print("tick", tick)
        yield


spawn(producer, 6, name="producer", priority=1)
spawn(worker, "alice", name="alice", priority=2)
spawn(worker, "bob", name="bob", priority=3)
spawn(ticker, name="ticker", priority=0)
run()
