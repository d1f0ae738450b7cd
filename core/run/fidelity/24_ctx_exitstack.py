from contextlib import ExitStack

names = ['a.txt', 'b.txt', 'c.txt']
with ExitStack() as stack:
    files = [stack.enter_context(open(n, 'w')) for n in names]
    for i, f in enumerate(files):
        f.write(f'file {i}\n')
    stack.callback(print, 'callbacks run last-in, first-out')
print([open(n).read() for n in names])
