numbers = [1, 2, 3]
it = iter(numbers)

print("first pass:")
for n in it:
    print(" ", n)

print("second pass:")
for n in it:
    print(" ", n)

print("the second pass printed nothing: the iterator was already exhausted")
