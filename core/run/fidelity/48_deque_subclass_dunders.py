from collections import deque

calls = []


class Watched(deque):
    """A deque that notes every call of its own __len__, __iter__ and __getitem__."""

    def __len__(self):
        calls.append('len')
        return super().__len__()

    def __iter__(self):
        calls.append('iter')
        return super().__iter__()

    def __getitem__(self, index):
        calls.append(f'getitem {index}')
        return super().__getitem__(index)


window = Watched([1, 2], maxlen=3)
window.append(3)
window.append(4)
window.appendleft(0)
window.extend([5, 6])
window.extendleft([7])
print(window.pop(), window.popleft())
print('calls by the program alone:', calls)
calls.clear()
print(len(window), window[0], window[-1])
print('calls:', calls)
