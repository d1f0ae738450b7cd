/**
 * The course's timing lesson (issue 9): inserting and removing at the left end of a list against a
 * deque's appendleft and popleft, timed with timeit. It prints how many times slower the list is.
 * The recorder's test and its bench both run it, so that recording keeps what it teaches.
 */
export const LIST_VS_DEQUE = `
import timeit
from collections import deque

N = 20_000
items = list(range(N))
queue = deque(range(N))
list_time = timeit.timeit('items.insert(0, 1); items.pop(0)', globals=globals(), number=N)
deque_time = timeit.timeit('queue.appendleft(1); queue.popleft()', globals=globals(), number=N)
print(f'list slower by factor {list_time / deque_time}')
`;
