class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i


print(list(Squares()))
print(9 in Squares(), 10 in Squares())
it = iter(Squares())
print(type(it).__name__, next(it), next(it))
for index, value in enumerate(Squares()):
    print(index, value)
