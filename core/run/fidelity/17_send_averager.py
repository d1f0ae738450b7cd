def averager():
    total, count, average = 0.0, 0, None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


avg = averager()
print(next(avg))
for v in [10, 20, 60, 5]:
    print(avg.send(v))
