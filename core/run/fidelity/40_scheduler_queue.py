from yieldscope import Queue, run, sleep, spawn


def producer(q, name, count):
    for i in range(count):
        yield from q.put(f'{name}{i}')
        print(name, 'put', i)
        yield sleep(0.1)


def consumer(q, total):
    for _ in range(total):
        item = yield from q.get()
        print('got', item)


q = Queue(maxsize=2)
spawn(producer(q, 'p', 3), name='p')
spawn(producer(q, 'r', 2), name='r')
spawn(consumer(q, 5), name='consumer')
run()
print('scheduler done')
