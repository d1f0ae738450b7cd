from collections import deque

recent = deque(maxlen=3)
for page in ["home", "news", "sports", "weather", "mail"]:
    recent.append(page)
    print(list(recent))

recent.appendleft("start")
print(list(recent))

recent.extend(["a", "b"])
print(list(recent))

recent.extendleft(["x", "y"])
print(list(recent))

history = deque(["home", "news", "sports"])
history.append("weather")
print(history.maxlen, list(history))
