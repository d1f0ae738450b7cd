from yieldscope import join, run, spawn

results = []


def count_up(label, n):
    for i in range(n):
        results.append((label, i))


a = spawn(count_up, 'a', 3)
b = spawn(count_up, 'b', 2)
run()
print(sorted(results))
print(len(results))
