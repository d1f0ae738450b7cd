from collections import deque


def task(name, steps):
    for i in range(steps):
        print(name, 'step', i)
        yield


ready = deque([task('A', 3), task('B', 1), task('C', 2)])
while ready:
    current = ready.popleft()
    try:
        next(current)
    except StopIteration:
        continue
    ready.append(current)
print('all done')
