from collections import deque


def moving_average(values, size):
    window = deque(maxlen=size)
    for v in values:
        window.append(v)
        yield sum(window) / len(window)


print([round(a, 2) for a in moving_average([10, 20, 30, 40, 50, 60], 3)])
last_three = deque(maxlen=3)
for line in open('words.txt'):
    last_three.append(line.strip())
print(list(last_three))
