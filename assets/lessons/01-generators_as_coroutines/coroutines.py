def download():
    for chunk in range(1, 3):
        print("download: chunk", chunk)
        yield
    print("download: done")


def render():
    for frame in range(1, 4):
        print("render: frame", frame)
        yield
    print("render: done")


tasks = [download(), render()]
while tasks:
    for task in list(tasks):
        try:
            next(task)
        except StopIteration:
            tasks.remove(task)


def averager():
    total = count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


avg = averager()
next(avg)
print("average", avg.send(10))
print("average", avg.send(20))
avg.close()


async def greet(name):
    return "hello " + name


coro = greet("class")
try:
    coro.send(None)
except StopIteration as stop:
    print("the coroutine returned", stop.value)
