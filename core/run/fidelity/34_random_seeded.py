import os
import random

print(random.random(), random.randint(1, 100))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.choice('abcdef'), random.sample(range(50), 4))
print(os.urandom(4).hex(), random.Random().random())
random.seed(42)
print(random.random())
